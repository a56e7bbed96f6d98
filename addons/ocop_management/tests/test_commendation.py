# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .test_duties import ProgrammeOfficeMixin


@tagged("post_install", "-at_install")
class TestCommendation(ProgrammeOfficeMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_programme_office_data()
        cls.Commendation = cls.env["ocop.commendation"]
        cls.farmer = cls.env["res.partner"].create({"name": "Rơ Châm H'Lim"})
        cls.media_centre = cls._agency(
            "Trung tâm Văn hóa, Thông tin và Thể thao", "media_centre", cls.gia_lai
        )
        cls.collective = cls._commend(cls.cycle, cls.producer_ia_hrung)
        cls.individual = cls._commend(
            cls.cycle,
            cls.farmer,
            recipient_kind="individual",
            form="certificate_of_merit",
            issuing_level="province",
        )
        cls.ha_noi = cls._commend(cls.cycle_ha_noi, cls.producer_hoan_kiem)
        cls.gia_lai_commendations = cls.collective | cls.individual
        cls.all_commendations = cls.gia_lai_commendations | cls.ha_noi

    @classmethod
    def _commend(cls, cycle, partner, **vals):
        return cls.env["ocop.commendation"].create(
            dict(
                {
                    "cycle_id": cycle.id,
                    "partner_id": partner.id,
                    "achievement": "Phát triển sản phẩm OCOP 4 sao, liên kết 120 hộ",
                    "proposed_by_id": cls.media_centre.id,
                },
                **vals,
            )
        )

    def test_title_and_territory(self):
        self.assertEqual(self.collective.state, "draft")
        self.assertIn(self.producer_ia_hrung.name, self.collective.name)
        self.assertEqual(self.collective.admin_unit_id, self.gia_lai)
        self.assertEqual(self.cycle.commendation_count, 2)

    def test_flow(self):
        commendation = self.individual
        with self.assertRaisesMessage(UserError, "Granting is not possible"):
            commendation.action_grant()
        commendation.action_propose()
        self.assertEqual(commendation.state, "proposed")
        with self.assertRaisesMessage(UserError, "Proposing is not possible"):
            commendation.action_propose()
        # No decision, not granted: nothing written.
        with self.assertRaisesMessage(
            UserError, "number and date of the commendation decision"
        ):
            commendation.action_grant()
        self.assertEqual(commendation.state, "proposed")
        commendation.write(
            {"decision_number": "1234/QĐ-UBND", "decision_date": date(2026, 12, 15)}
        )
        commendation.action_grant()
        self.assertEqual(commendation.state, "granted")
        commendation.action_reset_draft()
        self.assertEqual(commendation.state, "draft")
        with self.assertRaisesMessage(UserError, "Resetting to draft is not possible"):
            commendation.action_reset_draft()

    def test_viewer_and_commune_officer_read(self):
        for user in (self.viewer_gia_lai, self.officer_ia_hrung, self.officer_bien_ho):
            self.assertEqual(
                self._visible(user, self.all_commendations), self.gia_lai_commendations
            )
            self.assertAccessDenied(
                lambda u=user: self.collective.with_user(u).write({"achievement": "x"})
            )
            self.assertAccessDenied(
                lambda u=user: self.Commendation.with_user(u).create(
                    {
                        "cycle_id": self.cycle.id,
                        "partner_id": self.farmer.id,
                        "achievement": "x",
                    }
                )
            )
        self.assertAccessDenied(
            lambda: self.ha_noi.with_user(self.viewer_gia_lai).read(["name"])
        )

    def test_programme_officer(self):
        officer = self.programme_gia_lai
        self.assertEqual(
            self._visible(officer, self.all_commendations), self.gia_lai_commendations
        )
        commendation = self.Commendation.with_user(officer).create(
            {
                "cycle_id": self.cycle.id,
                "partner_id": self.producer_bien_ho.id,
                "achievement": "Mô hình liên kết chuỗi giá trị mật ong",
            }
        )
        commendation.action_propose()
        commendation.unlink()
        self.assertAccessDenied(lambda: self.ha_noi.with_user(officer).read(["name"]))
        self.assertAccessDenied(
            lambda: self.Commendation.with_user(officer).create(
                {
                    "cycle_id": self.cycle_ha_noi.id,
                    "partner_id": self.farmer.id,
                    "achievement": "x",
                }
            )
        )

    def test_manager(self):
        manager = self.ocop_manager
        self.assertEqual(
            self._visible(manager, self.all_commendations), self.all_commendations
        )
        self.ha_noi.with_user(manager).action_propose()

    def test_list_view_query_count_is_constant(self):
        cycle = self.env["ocop.cycle"].create(
            {"name": "Chu trình 2027", "year": 2027, "admin_unit_id": self.gia_lai.id}
        )
        partners = [self.producer_ia_hrung, self.producer_bien_ho, self.farmer]

        def create_records(count):
            self.Commendation.with_context(mail_create_nolog=True).create(
                [
                    {
                        "cycle_id": cycle.id,
                        "partner_id": partners[i % 3].id,
                        "recipient_kind": "individual" if i % 3 == 2 else "collective",
                        "achievement": f"Thành tích {i}",
                        "decision_number": f"{i}/QĐ-UBND",
                        "decision_date": date(2027, 12, 1),
                        "reward_amount": 1_000_000,
                    }
                    for i in range(count)
                ]
            )

        queries = self.assertListQueriesConstant(
            "ocop.commendation",
            self.programme_gia_lai,
            [("cycle_id", "=", cycle.id)],
            create_records,
        )
        self.assertLess(queries, 15)
