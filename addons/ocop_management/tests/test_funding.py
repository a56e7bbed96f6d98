# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .test_duties import ProgrammeOfficeMixin


class FundingMixin(ProgrammeOfficeMixin):
    @classmethod
    def setup_funding_data(cls):
        cls.setup_programme_office_data()
        cls.Line = cls.env["ocop.budget.line"]
        cls.Support = cls.env["ocop.support"]
        cls.line = cls.Line.create(
            {
                "name": "Hỗ trợ bao bì, nhãn mác",
                "cycle_id": cls.cycle.id,
                "source": "provincial",
                "allocated_amount": 100_000_000,
            }
        )
        cls.line.action_allocate()

    @classmethod
    def _support(cls, line=None, amount=40_000_000, disbursed=0, **vals):
        return cls.Support.create(
            dict(
                {
                    "name": "Thiết kế bao bì cà phê",
                    "cycle_id": cls.cycle.id,
                    "producer_id": cls.producer_ia_hrung.id,
                    "product_id": cls.product_ia_hrung.id,
                    "support_type": "packaging_labels",
                    "amount": amount,
                    "disbursed_amount": disbursed,
                    "budget_line_id": (line or cls.line).id,
                },
                **vals,
            )
        )


@tagged("post_install", "-at_install")
class TestFunding(FundingMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_funding_data()

    def test_totals_follow_the_supports(self):
        line = self.line
        self.assertEqual(line.state, "allocated")
        self.assertTrue(line.date_allocated)
        self.assertEqual(line.admin_unit_id, self.gia_lai)
        first = self._support(amount=40_000_000, disbursed=10_000_000)
        second = self._support(amount=30_000_000, disbursed=30_000_000)
        self.assertEqual(line.committed_amount, 70_000_000)
        self.assertEqual(line.disbursed_amount, 40_000_000)
        self.assertEqual(line.remaining_amount, 60_000_000)
        self.assertEqual(line.uncommitted_amount, 30_000_000)
        self.assertEqual(line.support_count, 2)
        # A cancelled support commits nothing, but what it paid stays paid.
        first.action_cancel()
        self.assertEqual(line.committed_amount, 30_000_000)
        self.assertEqual(line.disbursed_amount, 40_000_000)
        # Moving a support moves its amounts.
        other = self.Line.create(
            {
                "name": "Hỗ trợ xúc tiến thương mại",
                "cycle_id": self.cycle.id,
                "admin_unit_id": self.ia_hrung.id,
                "source": "commune",
                "allocated_amount": 50_000_000,
                "state": "allocated",
            }
        )
        second.budget_line_id = other
        self.assertEqual(line.disbursed_amount, 10_000_000)
        self.assertEqual(other.disbursed_amount, 30_000_000)
        self.assertEqual(other.committed_amount, 30_000_000)
        # The stored totals are what the database holds (pivot, reports).
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT committed_amount, disbursed_amount FROM ocop_budget_line"
            " WHERE id = %s",
            [other.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (30_000_000, 30_000_000))

    def test_no_disbursement_over_the_allocation(self):
        support = self._support(amount=110_000_000, disbursed=60_000_000)
        with self.assertRaisesMessage(ValidationError, "more than the"):
            support.disbursed_amount = 105_000_000
        # Nothing written.
        self.env.invalidate_all()
        self.assertEqual(support.disbursed_amount, 60_000_000)
        self.assertEqual(self.line.disbursed_amount, 60_000_000)
        # Nor by a second support.
        with self.assertRaisesMessage(ValidationError, "Reduce the disbursement"):
            self._support(amount=50_000_000, disbursed=50_000_000)
        self.assertEqual(self.line.support_count, 1)
        # Nor by moving a support onto the line.
        other = self.Line.create(
            {
                "name": "Kinh phí tín dụng",
                "cycle_id": self.cycle.id,
                "source": "credit",
                "allocated_amount": 100_000_000,
                "state": "allocated",
            }
        )
        moved = self._support(line=other, amount=50_000_000, disbursed=50_000_000)
        with self.assertRaisesMessage(ValidationError, "would be disbursed"):
            moved.budget_line_id = self.line
        self.env.invalidate_all()
        self.assertEqual(moved.budget_line_id, other)
        # Nor by cutting the allocation below what is disbursed.
        with self.assertRaisesMessage(ValidationError, "more than the"):
            self.line.allocated_amount = 50_000_000
        self.env.invalidate_all()
        self.assertEqual(self.line.allocated_amount, 100_000_000)

    def test_override_is_explicit_and_tracked(self):
        support = self._support(amount=120_000_000, disbursed=100_000_000)
        with self.assertRaisesMessage(ValidationError, "give the reason"):
            self.line.allow_overrun = True
        self.env.invalidate_all()
        self.assertFalse(self.line.allow_overrun)
        line = self.line.with_user(self.programme_gia_lai)
        line.write(
            {
                "allow_overrun": True,
                "overrun_reason": "QĐ bổ sung kinh phí số 45/QĐ-UBND đang trình ký",
            }
        )
        self.assertEqual(line.overrun_user_id, self.programme_gia_lai)
        support.disbursed_amount = 120_000_000
        self.assertEqual(line.disbursed_amount, 120_000_000)
        self.assertEqual(line.remaining_amount, -20_000_000)
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = line.sudo().message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("allow_overrun", tracked)
        self.assertIn("overrun_reason", tracked)
        self.assertIn("overrun_user_id", tracked)
        # The override cannot be withdrawn while the line is over.
        with self.assertRaisesMessage(ValidationError, "more than the"):
            line.allow_overrun = False
        self.env.invalidate_all()
        self.assertTrue(line.allow_overrun)

    def test_funds_not_yet_allocated(self):
        # The seed: the district allocates once the national budget arrives.
        expected = self.Line.create(
            {
                "name": "Kinh phí Chương trình MTQG nông thôn mới",
                "cycle_id": self.cycle.id,
                "source": "central",
            }
        )
        self.assertEqual(expected.state, "expected")
        # Planning against it is fine, paying from it is not.
        support = self._support(line=expected, amount=20_000_000)
        with self.assertRaisesMessage(ValidationError, "not been allocated yet"):
            support.disbursed_amount = 5_000_000
        self.env.invalidate_all()
        self.assertEqual(support.disbursed_amount, 0)
        with self.assertRaisesMessage(UserError, "enter the allocated amount"):
            expected.action_allocate()
        self.assertEqual(expected.state, "expected")
        expected.allocated_amount = 20_000_000
        expected.action_allocate()
        support.disbursed_amount = 5_000_000
        self.assertEqual(expected.disbursed_amount, 5_000_000)

    def test_transitions_from_the_wrong_state(self):
        with self.assertRaisesMessage(UserError, "Allocating is not possible"):
            self.line.action_allocate()
        with self.assertRaisesMessage(UserError, "Reopening is not possible"):
            self.line.action_reopen()
        support = self._support(disbursed=10_000_000)
        self.line.action_close()
        self.assertEqual(self.line.state, "closed")
        with self.assertRaisesMessage(UserError, "Closing is not possible"):
            self.line.action_close()
        # A closed line's supports are frozen.
        with self.assertRaisesMessage(UserError, "is closed"):
            support.disbursed_amount = 20_000_000
        with self.assertRaisesMessage(UserError, "is closed"):
            self._support(amount=1_000_000)
        self.env.invalidate_all()
        self.assertEqual(support.disbursed_amount, 10_000_000)
        self.line.action_reopen()
        support.disbursed_amount = 20_000_000

    def test_consistency_with_cycle_and_territory(self):
        with self.assertRaisesMessage(ValidationError, "is not in the territory"):
            self.Line.create(
                {
                    "name": "Sai địa bàn",
                    "cycle_id": self.cycle.id,
                    "admin_unit_id": self.hoan_kiem.id,
                    "source": "commune",
                }
            )
        line_ha_noi = self.Line.create(
            {
                "name": "Ngân sách Hà Nội",
                "cycle_id": self.cycle_ha_noi.id,
                "source": "provincial",
                "allocated_amount": 10_000_000,
                "state": "allocated",
            }
        )
        with self.assertRaisesMessage(ValidationError, "belongs to the cycle"):
            self._support(line=line_ha_noi, amount=1_000_000)


@tagged("post_install", "-at_install")
class TestFundingAccess(FundingMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_funding_data()
        vals = {"cycle_id": cls.cycle.id, "allocated_amount": 10_000_000}
        cls.line_ia_hrung = cls.Line.create(
            dict(
                vals,
                name="Ngân sách xã Ia Hrung",
                source="commune",
                admin_unit_id=cls.ia_hrung.id,
            )
        )
        cls.line_bien_ho = cls.Line.create(
            dict(
                vals,
                name="Ngân sách xã Biển Hồ",
                source="commune",
                admin_unit_id=cls.bien_ho.id,
            )
        )
        cls.line_ha_noi = cls.Line.create(
            {
                "name": "Ngân sách Hà Nội",
                "cycle_id": cls.cycle_ha_noi.id,
                "source": "provincial",
            }
        )
        cls.gia_lai_lines = cls.line | cls.line_ia_hrung | cls.line_bien_ho
        cls.all_lines = cls.gia_lai_lines | cls.line_ha_noi

    def test_viewer(self):
        viewer = self.viewer_gia_lai
        self.assertEqual(self._visible(viewer, self.all_lines), self.gia_lai_lines)
        self.assertAccessDenied(
            lambda: self.line.with_user(viewer).write({"name": "x"})
        )

    def test_commune_officer_reads_the_province_and_own_commune(self):
        officer = self.officer_ia_hrung
        self.assertEqual(
            self._visible(officer, self.all_lines), self.line | self.line_ia_hrung
        )
        self.assertAccessDenied(
            lambda: self.line_bien_ho.with_user(officer).read(["name"])
        )
        self.assertAccessDenied(
            lambda: self.line_ia_hrung.with_user(officer).write({"allocated_amount": 1})
        )
        self.assertAccessDenied(
            lambda: self.Line.with_user(officer).create(
                {"name": "x", "cycle_id": self.cycle.id, "source": "commune"}
            )
        )

    def test_programme_officer(self):
        officer = self.programme_gia_lai
        self.assertEqual(self._visible(officer, self.all_lines), self.gia_lai_lines)
        line = self.Line.with_user(officer).create(
            {
                "name": "Ngân sách tỉnh bổ sung",
                "cycle_id": self.cycle.id,
                "source": "provincial",
                "allocated_amount": 5_000_000,
            }
        )
        line.action_allocate()
        line.action_close()
        line.unlink()
        self.assertAccessDenied(
            lambda: self.line_ha_noi.with_user(officer).read(["name"])
        )
        self.assertAccessDenied(
            lambda: self.Line.with_user(officer).create(
                {"name": "x", "cycle_id": self.cycle_ha_noi.id, "source": "provincial"}
            )
        )

    def test_totals_count_every_support(self):
        """A commune officer's change recomputes the line's totals over all its
        supports, including those of other communes he cannot see."""
        self._support(amount=10_000_000, disbursed=10_000_000)
        self._support(
            amount=20_000_000,
            disbursed=5_000_000,
            producer_id=self.producer_bien_ho.id,
            product_id=self.product_bien_ho.id,
        )
        self.assertEqual(self.line.disbursed_amount, 15_000_000)
        # The officer of Ia Hrung does not see the support of Biển Hồ...
        self.assertEqual(
            len(self._visible(self.officer_ia_hrung, self.line.support_ids)), 1
        )
        # ... but the totals computed in his name count it.
        line = self.line.with_user(self.officer_ia_hrung)
        for name in ("committed_amount", "disbursed_amount"):
            self.env.add_to_compute(line._fields[name], line)
        self.assertEqual(line.disbursed_amount, 15_000_000)
        self.assertEqual(line.committed_amount, 30_000_000)

    def test_manager(self):
        manager = self.ocop_manager
        self.assertEqual(self._visible(manager, self.all_lines), self.all_lines)
        self.line_ha_noi.with_user(manager).write({"allocated_amount": 1_000_000})

    def test_list_view_query_count_is_constant(self):
        cycle = self.env["ocop.cycle"].create(
            {"name": "Chu trình 2027", "year": 2027, "admin_unit_id": self.gia_lai.id}
        )
        units = [self.gia_lai, self.ia_hrung, self.bien_ho]
        sources = ["central", "provincial", "commune", "credit"]

        def create_records(count):
            lines = self.Line.with_context(mail_create_nolog=True).create(
                [
                    {
                        "name": f"Dòng ngân sách {i}",
                        "cycle_id": cycle.id,
                        "admin_unit_id": units[i % 3].id,
                        "source": sources[i % 4],
                        "allocated_amount": 1_000_000 * (i + 1),
                        "state": "allocated",
                    }
                    for i in range(count)
                ]
            )
            self.Support.create(
                [
                    {
                        "name": f"Hỗ trợ {i}",
                        "cycle_id": cycle.id,
                        "producer_id": self.producer_ia_hrung.id,
                        "support_type": "other",
                        "amount": 500_000,
                        "disbursed_amount": 100_000,
                        "budget_line_id": line.id,
                    }
                    for i, line in enumerate(lines)
                ]
            )

        queries = self.assertListQueriesConstant(
            "ocop.budget.line",
            self.programme_gia_lai,
            [("cycle_id", "=", cycle.id)],
            create_records,
        )
        self.assertLess(queries, 15)
