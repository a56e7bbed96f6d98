# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import OcopCertificationMixin


@tagged("post_install", "-at_install")
class TestDossierFlow(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        # A schedule without public holidays: Monday to Friday, 8 hours.
        cls.env.company.resource_calendar_id = cls.env.ref(
            "resource.resource_calendar_std"
        )

    def _new_dossier(self, **vals):
        return self.env["ocop.dossier"].create(
            dict(
                {
                    "product_id": self.product_ia_hrung.id,
                    "date_filed": date(2026, 11, 30),
                },
                **vals,
            )
        )

    def _attach_required(self, dossier):
        for document in dossier.document_ids.filtered("required"):
            document.attachment_ids = [
                Command.create(
                    {
                        "name": f"{document.code}.pdf",
                        "datas": base64.b64encode(b"%PDF-1.4"),
                    }
                )
            ]

    def test_defaults(self):
        dossier = self._new_dossier()
        self.assertTrue(dossier.name.startswith("HS/"))
        self.assertEqual(dossier.framework_id, self.fw26)
        self.assertEqual(
            dossier.criteria_set_id,
            self.env.ref("ocop_certification.criteria_set_qd26_13"),
        )
        self.assertEqual(dossier.sample_count, 5)
        self.assertFalse(dossier.cycle_id)
        cycle = self.env["ocop.cycle"].create(
            {"name": "Chu trình 2026", "year": 2026, "admin_unit_id": self.gia_lai.id}
        )
        self.assertEqual(self._new_dossier().cycle_id, cycle)
        self.assertEqual(len(dossier.document_ids), 9)
        self.assertFalse(dossier.documents_complete)

    def test_framework_in_force_is_chosen_and_override_needs_reason(self):
        self.assertEqual(
            self._new_dossier(date_filed=date(2021, 7, 1)).framework_id, self.fw1048
        )
        self.assertEqual(
            self._new_dossier(date_filed=date(2024, 3, 1)).framework_id,
            self.env.ref("ocop_certification.framework_qd148_2023"),
        )
        self.assertEqual(
            self._new_dossier(date_filed=date(2025, 9, 1)).framework_id,
            self.env.ref("ocop_certification.framework_qd1489_2025"),
        )
        # In the 60-day transition, the newer decision applies by default...
        dossier = self._new_dossier(date_filed=date(2026, 6, 10))
        self.assertEqual(dossier.framework_id, self.fw26)
        # ...and another framework may be chosen only with a reason.
        fw1489 = self.env.ref("ocop_certification.framework_qd1489_2025")
        with self.assertRaises(ValidationError):
            dossier.framework_id = fw1489
        dossier.write(
            {
                "framework_id": fw1489.id,
                "framework_override_reason": "Hồ sơ nộp trước 22/5/2026 theo QĐ 1489",
            }
        )
        self.assertEqual(dossier.framework_id, fw1489)

    def test_commune_deadline_counts_working_days(self):
        # Filed Monday 30/11/2026: 15 working days later is Monday 21/12/2026.
        dossier = self._new_dossier()
        self.assertEqual(dossier.commune_deadline, date(2026, 12, 21))
        # Filed on a Friday: the weekend does not count.
        friday = self._new_dossier(date_filed=date(2026, 12, 4))
        self.assertEqual(friday.commune_deadline, date(2026, 12, 25))
        # A public holiday inside the period pushes the deadline by a day.
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Nghỉ lễ",
                "calendar_id": self.env.company.resource_calendar_id.id,
                "date_from": "2026-12-10 00:00:00",
                "date_to": "2026-12-10 23:59:59",
            }
        )
        later = self._new_dossier(date_filed=date(2026, 12, 4))
        self.assertEqual(later.commune_deadline, date(2026, 12, 28))

    def test_whole_flow_before_the_council(self):
        dossier = self._new_dossier()
        with self.assertRaises(UserError):
            dossier.action_submit()  # documents missing
        self._attach_required(dossier)
        commune_officer = self.officer_ia_hrung
        dossier.action_submit()
        self.assertEqual(dossier.state, "submitted")
        activity = dossier.activity_ids.filtered(lambda a: a.user_id == commune_officer)
        self.assertEqual(activity.date_deadline, dossier.commune_deadline)
        # The commune officer records Mẫu 03.
        as_commune = dossier.with_user(commune_officer)
        with self.assertRaises(UserError):
            as_commune.action_commune_check()
        as_commune.write(
            {
                "commune_raw_material": "100% cà phê trồng tại xã",
                "commune_labour": "25 lao động địa phương",
                "commune_idea_origin": "Ý tưởng của HTX",
                "commune_identity": "Gắn với văn hóa Jrai",
                "commune_conclusion": "agree",
            }
        )
        as_commune.action_commune_check()
        self.assertEqual(dossier.state, "commune_checked")
        self.assertEqual(dossier.commune_checked_by, commune_officer)
        self.assertFalse(
            dossier.activity_ids.filtered(lambda a: a.user_id == commune_officer)
        )
        self.assertTrue(
            dossier.activity_ids.filtered(lambda a: a.user_id == self.secretary)
        )
        # The programme office returns it, then takes it in.
        as_office = dossier.with_user(self.secretary)
        wizard = Form(
            self.env["ocop.dossier.return"].with_context(default_dossier_id=dossier.id)
        )
        wizard.reason = "Thiếu phiếu kiểm nghiệm"
        wizard.save().action_confirm()
        self.assertEqual(dossier.state, "draft")
        self.assertEqual(dossier.return_reason, "Thiếu phiếu kiểm nghiệm")
        self.assertIn(self.producer_ia_hrung, dossier.message_ids[0].partner_ids)
        with self.assertRaises(UserError):
            as_office.action_receive()  # wrong state
        dossier.write({"state": "commune_checked"})
        as_office.action_receive()
        as_office.action_review()
        self.assertEqual(dossier.state, "reviewed")

    def test_commune_disagrees(self):
        dossier = self._new_dossier()
        self._attach_required(dossier)
        dossier.action_submit()
        dossier.write(
            {
                "commune_raw_material": "Nhập ngoài tỉnh",
                "commune_labour": "Không",
                "commune_idea_origin": "Sao chép",
                "commune_identity": "Không",
                "commune_conclusion": "disagree",
                "commune_conclusion_note": "Không đủ điều kiện",
            }
        )
        dossier.action_commune_check()
        self.assertEqual(dossier.state, "draft")
        self.assertEqual(dossier.return_reason, "Không đủ điều kiện")

    def test_reminder_cron_once_per_dossier(self):
        dossier = self._new_dossier(date_filed=date(2026, 11, 2))
        self._attach_required(dossier)
        dossier.action_submit()
        dossier.date_filed = date(2026, 11, 2)  # deadline already close
        Dossier = self.env["ocop.dossier"]
        self.assertIn(dossier, Dossier._cron_commune_check_reminders())
        self.assertIn("Reminder", dossier.message_ids[0].body)
        self.assertIn(
            self.officer_ia_hrung.partner_id, dossier.message_ids[0].partner_ids
        )
        self.assertNotIn(dossier, Dossier._cron_commune_check_reminders())

    def test_tourism_has_no_samples(self):
        tourism = self.env.ref("ocop_management.product_group_qd26_set_26")
        self.product_bien_ho.product_group_id = tourism
        dossier = self._new_dossier(product_id=self.product_bien_ho.id)
        self.assertEqual(dossier.sample_count, 0)
        self.assertEqual(dossier.criteria_set_id.set_no, 26)

    def test_certificates_are_never_deleted(self):
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        self.score_all(session, dossier, [75] * 7)
        session.action_close()
        certificate = dossier.action_record_decision("1/QĐ", date(2026, 12, 1), "A")
        with self.assertRaises(UserError):
            certificate.unlink()
        # A later certificate supersedes it.
        second = self.make_dossier(dossier_type="upgrade")
        session2 = self.make_session(second)
        self.score_all(session2, second, [82] * 7)
        session2.action_close()
        new = second.action_record_decision("2/QĐ", date(2027, 6, 1), "A")
        self.assertEqual(certificate.state, "superseded")
        self.assertEqual(self.product_ia_hrung.current_certificate_id, new)

    def test_the_scoring_of_a_set_in_use_is_locked(self):
        cset = self.test_set
        leaf = cset._leaf_criteria()[0]
        option = leaf.option_ids.sorted("points")[-1]
        best = option.points
        # a set no dossier follows is still edited freely
        option.points = best - 1
        option.points = best
        self.make_dossier(criteria_set=cset)
        # the wording may be corrected, and the same values written again
        leaf.name = "Lời văn đã sửa"
        option.write({"name": "Có, đã sửa", "points": best})
        changes = {
            "option points": lambda: option.write({"points": best - 1}),
            "option stars": lambda: option.write({"min_star": 5}),
            "new option": lambda: self.env["ocop.criterion.option"].create(
                {"criterion_id": leaf.id, "name": "Thêm", "points": 0}
            ),
            "removed option": option.unlink,
            "criterion points": lambda: leaf.write({"max_points": best + 1}),
            "moved criterion": lambda: leaf.write({"parent_id": False}),
            "removed criterion": leaf.unlink,
        }
        for label, change in changes.items():
            with self.subTest(label), self.assertRaises(UserError) as caught:
                with self.cr.savepoint():
                    change()
            self.assertIn(cset.display_name, str(caught.exception))
        self.assertEqual(option.points, best)
        self.assertEqual(len(leaf.option_ids), len(cset._leaf_criteria()[0].option_ids))
        self.assertEqual(cset._consistency_errors(), [])
