# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import OcopCertificationMixin


@tagged("post_install", "-at_install")
class TestInspectionTour(OcopCertificationMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.inspector = cls._ocop_user(
            "inspector_tour", "ocop_management.group_ocop_inspector", cls.gia_lai
        )

    def test_inspector_records_an_inspection(self):
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        self.score_all(session, dossier, [75] * 7)
        session.action_close()
        certificate = dossier.action_record_decision(
            "45/QĐ-UBND", fields.Date.today() - timedelta(days=30), "Nguyễn Văn A"
        )
        self.start_tour("/odoo", "ocop_inspection_tour", login=self.inspector.login)

        inspection = self.env["ocop.inspection"].search(
            [("certificate_id", "=", certificate.id)]
        )
        self.assertEqual(len(inspection), 1)
        self.assertRegex(inspection.name, r"^KT/\d{4}/\d{5}$")
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.inspection_type, "mark_use")
        self.assertEqual(inspection.lead_inspector_id, self.inspector)
        self.assertEqual(inspection.producer_id, self.producer_ia_hrung)
        self.assertTrue(inspection.actual_date)
        lines = inspection.line_ids.sorted("sequence")
        self.assertEqual(lines[0].item, "Sử dụng đúng mẫu nhãn hiệu chứng nhận")
        self.assertEqual(lines[0].result, "non_compliant")
        self.assertEqual(set(lines[1:].mapped("result")), {"compliant"})
        self.assertEqual(inspection.result, "non_compliant")
        violation = inspection.violation_ids
        self.assertEqual(len(violation), 1)
        self.assertEqual(violation.action, "warning")
        self.assertEqual(violation.description, "Nhãn hiệu OCOP in sai màu trên bao bì")
        self.assertEqual(violation.legal_basis, "QĐ 1162/QĐ-VPĐP-OCOP")
        self.assertTrue(violation.applied)
        warning = inspection.message_ids.filtered(
            lambda m: self.producer_ia_hrung in m.partner_ids
        )
        self.assertIn("Nhãn hiệu OCOP in sai màu trên bao bì", warning.body)
        self.assertEqual(
            inspection.calendar_event_id.partner_ids, self.inspector.partner_id
        )
