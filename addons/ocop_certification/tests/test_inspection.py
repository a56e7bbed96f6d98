# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Inspections (kiểm tra, hậu kiểm): checklist, violations and their actions
on the certificate and the use of the OCOP mark, the calendar, the access
rules and the printed report (biên bản kiểm tra)."""

import base64
import io
import re
from datetime import datetime, timedelta

from lxml import html as lxml_html
from PIL import Image

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from ..controllers import verify
from .common import OcopCertificationMixin

PLANNED = datetime(2026, 3, 10, 2, 0)  # 09:00 in Asia/Ho_Chi_Minh


def png(width=240, height=120, color=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue())


@tagged("post_install", "-at_install")
class TestInspection(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.inspector = cls._ocop_user(
            "inspector_gia_lai", "ocop_management.group_ocop_inspector", cls.gia_lai
        )
        cls.inspector.name = "Trần Văn Kiểm"
        cls.inspector2 = cls._ocop_user(
            "inspector2_gia_lai", "ocop_management.group_ocop_inspector", cls.gia_lai
        )
        cls.inspector2.name = "Lê Thị Tra"
        cls.agency = cls.env["res.partner"].create(
            {"name": "Đội Quản lý thị trường số 2", "is_company": True}
        )
        cls.Inspection = cls.env["ocop.inspection"]
        cls.Violation = cls.env["ocop.inspection.violation"]

    def setUp(self):
        super().setUp()
        self.decision_date = fields.Date.today() - timedelta(days=30)
        self.dossier = self.make_dossier()
        session = self.make_session(self.dossier)
        self.score_all(session, self.dossier, [75] * 7)
        session.action_close()
        self.certificate = self.dossier.action_record_decision(
            "45/QĐ-UBND", self.decision_date, "Nguyễn Văn A"
        )
        self.product = self.certificate.product_id
        self.usage = self.env["ocop.mark.usage"].create(
            {"certificate_id": self.certificate.id, "medium": "packaging"}
        )

    # ------------------------------------------------------------------
    def make_inspection(self, user=None, **vals):
        user = user or self.inspector
        return self.Inspection.with_user(user).create(
            dict(
                {
                    "inspection_type": "mark_use",
                    "certificate_id": self.certificate.id,
                    "agency_id": self.agency.id,
                    "lead_inspector_id": self.inspector.id,
                    "inspector_ids": [Command.set(self.inspector2.ids)],
                    "planned_date": PLANNED,
                },
                **vals,
            )
        )

    def add_violation(self, inspection, **vals):
        return self.Violation.with_user(inspection.env.user).create(
            dict(
                {
                    "inspection_id": inspection.id,
                    "description": "Dùng nhãn hiệu OCOP cho sản phẩm chưa công nhận",
                    "legal_basis": "Quy chế kèm QĐ 1162/QĐ-VPĐP-OCOP",
                },
                **vals,
            )
        )

    # ------------------------------------------------------------------
    def test_certificate_fixture(self):
        self.assertEqual(self.certificate.state, "valid")
        self.assertEqual(self.certificate.stars, 4)
        self.assertEqual(self.product.stars, 4)
        self.assertEqual(self.usage.state, "active")

    def test_new_inspection(self):
        """Numbered from the sequence, pre-filled with the type's checklist,
        placed in the product's territory; the lead is in the team."""
        inspection = self.make_inspection()
        self.assertRegex(inspection.name, r"^KT/2026/\d{5}$")
        self.assertEqual(inspection.state, "planned")
        self.assertEqual(inspection.product_id, self.product)
        self.assertEqual(inspection.producer_id, self.producer_ia_hrung)
        self.assertEqual(inspection.commune_id, self.ia_hrung)
        self.assertEqual(inspection.province_id, self.gia_lai)
        self.assertEqual(inspection.inspector_ids, self.inspector | self.inspector2)
        items = inspection.line_ids.mapped("item")
        self.assertEqual(len(items), 6)
        self.assertIn("Sử dụng đúng mẫu nhãn hiệu chứng nhận", items)
        self.assertIn("Nhãn hiệu chỉ dùng cho sản phẩm đã được công nhận", items)
        self.assertIn("Giấy chứng nhận còn hiệu lực", items)
        self.assertFalse(any(inspection.line_ids.mapped("result")))
        self.assertEqual(inspection.result, "pending")
        other = self.make_inspection(inspection_type="food_safety")
        self.assertIn(
            "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            other.line_ids.mapped("item"),
        )
        self.assertNotEqual(other.name, inspection.name)
        # A market inspection may be about a producer only; a mark
        # inspection needs the certificate.
        market = self.make_inspection(
            inspection_type="market",
            certificate_id=False,
            producer_id=self.producer_bien_ho.id,
        )
        self.assertEqual(market.commune_id, self.bien_ho)
        with self.assertRaises(ValidationError):
            self.make_inspection(certificate_id=False)
        with self.assertRaises(ValidationError):
            self.make_inspection(producer_id=self.producer_bien_ho.id)

    def test_calendar_event(self):
        inspection = self.make_inspection()
        event = inspection.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(
            event.partner_ids, (self.inspector | self.inspector2).partner_id
        )
        self.assertEqual(event.user_id, self.inspector)
        self.assertEqual(event.start, PLANNED)
        self.assertEqual(event.stop, PLANNED + timedelta(hours=2))
        self.assertEqual(event.res_model, "ocop.inspection")
        self.assertEqual(event.res_id, inspection.id)
        self.assertIn(inspection.name, event.name)
        # The event follows the inspection.
        later = PLANNED + timedelta(days=2, hours=1)
        inspection.write({"planned_date": later, "planned_duration": 3.5})
        self.assertEqual(event.start, later)
        self.assertEqual(event.stop, later + timedelta(hours=3.5))
        inspection.inspector_ids = [Command.unlink(self.inspector2.id)]
        self.assertEqual(event.partner_ids, self.inspector.partner_id)
        # Cancelled: no more event; planned again: a new one.
        inspection.action_cancel()
        self.assertFalse(inspection.calendar_event_id)
        self.assertFalse(event.exists())
        inspection.action_replan()
        self.assertEqual(inspection.calendar_event_id.start, later)

    def test_propose_revocation_then_revoke(self):
        """Misuse of the mark: the inspection proposes the revocation (15
        days from the finding), the programme officer revokes, the product
        loses its stars and the mark may no longer be used."""
        inspection = self.make_inspection()
        inspection.action_start()
        self.assertEqual(inspection.state, "in_progress")
        self.assertTrue(inspection.actual_date)
        inspection.actual_date = PLANNED
        misuse = inspection.line_ids.filtered(
            lambda line: (
                line.item == "Nhãn hiệu chỉ dùng cho sản phẩm đã được công nhận"
            )
        )
        misuse.write({"result": "non_compliant", "note": "Gắn trên sản phẩm mật ong"})
        inspection.action_mark_unassessed_compliant()
        self.assertEqual(
            sorted(inspection.line_ids.mapped("result")),
            ["compliant"] * 5 + ["non_compliant"],
        )
        violation = self.add_violation(
            inspection,
            line_id=misuse.id,
            action="propose_revocation",
            revocation_ground="mark_misuse",
        )
        self.assertEqual(inspection.result, "non_compliant")
        self.assertFalse(self.certificate.revocation_proposed)
        inspection.action_done()
        self.assertEqual(inspection.state, "done")
        self.assertTrue(violation.applied)
        certificate = self.certificate
        finding = PLANNED.date()
        self.assertTrue(certificate.revocation_proposed)
        self.assertEqual(certificate.revocation_ground, "mark_misuse")
        self.assertEqual(certificate.revocation_finding_date, finding)
        self.assertEqual(certificate.revocation_deadline, finding + timedelta(days=15))
        self.assertIn(inspection.name, certificate.revocation_note)
        self.assertTrue(
            certificate.activity_ids.filtered(
                lambda a: a.date_deadline == finding + timedelta(days=15)
            )
        )
        self.assertEqual(certificate.state, "valid")  # proposed, not revoked
        self.assertEqual(self.usage.state, "active")
        # The programme officer decides.
        certificate.with_user(self.programme_gia_lai).action_revoke(
            "mark_misuse",
            "88/QĐ-UBND",
            finding + timedelta(days=10),
            "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai",
        )
        self.assertEqual(certificate.state, "revoked")
        self.assertFalse(certificate.revocation_proposed)
        self.assertEqual(self.usage.state, "ended")
        self.assertIn("revoked", self.usage.end_reason)
        self.assertIn("88/QĐ-UBND", self.usage.end_reason)
        self.assertEqual(self.product.stars, 0)
        self.assertFalse(self.product.current_certificate_id)
        # The public verification now says revoked, with the date.
        public = verify.get_verify_values(self.env, certificate.sudo().verify_token)
        data = verify.json_values(public)
        self.assertEqual(data["state"], "revoked")
        self.assertEqual(data["revoked_on"], (finding + timedelta(days=10)).isoformat())

    def test_suspend_mark_use(self):
        """Applied at once from the violation during the inspection."""
        inspection = self.make_inspection()
        inspection.action_start()
        violation = self.add_violation(
            inspection,
            action="suspend",
            followup_deadline=fields.Date.today() + timedelta(days=30),
        )
        violation.action_apply()
        self.assertTrue(violation.applied)
        self.assertEqual(violation.applied_date, fields.Date.today())
        self.assertEqual(self.usage.state, "suspended")
        self.assertIn(inspection.name, self.usage.suspension_reason)
        self.assertIn(violation.description, self.usage.suspension_reason)
        with self.assertRaisesMessage(UserError, "already been applied"):
            violation.action_apply()
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            violation.action = "warning"
        with self.assertRaises(UserError):
            violation.unlink()
        with self.assertRaisesMessage(UserError, "complete it instead"):
            inspection.action_cancel()
        # Completing does not apply it a second time.
        inspection.action_mark_unassessed_compliant()
        inspection.action_done()
        self.assertEqual(self.usage.state, "suspended")

    def test_fine_needs_an_amount(self):
        inspection = self.make_inspection()
        inspection.action_start()
        with self.assertRaisesMessage(ValidationError, "amount of the fine"):
            self.add_violation(inspection, action="fine")
        self.assertFalse(inspection.violation_ids)
        self.assertFalse(self.Violation.search([("inspection_id", "=", inspection.id)]))
        with self.assertRaisesMessage(ValidationError, "ground"):
            self.add_violation(inspection, action="propose_revocation")
        self.assertFalse(inspection.violation_ids)
        fine = self.add_violation(inspection, action="fine", fine_amount=5_000_000)
        with self.assertRaisesMessage(ValidationError, "amount of the fine"):
            fine.fine_amount = 0
        self.assertEqual(fine.fine_amount, 5_000_000)
        self.assertEqual(inspection.fine_total, 5_000_000)
        inspection.action_mark_unassessed_compliant()
        inspection.action_done()
        self.assertTrue(fine.applied)
        self.assertTrue(
            inspection.message_ids.filtered(lambda m: "Fine of" in (m.body or ""))
        )

    def test_warning_and_followup(self):
        """A warning is a message to the producer; the follow-up is an
        activity of the lead inspector at the deadline, done once remedied."""
        inspection = self.make_inspection()
        inspection.action_start()
        deadline = fields.Date.today() + timedelta(days=20)
        violation = self.add_violation(
            inspection,
            description="Nhãn in sai số sao",
            action="warning",
            followup_deadline=deadline,
        )
        inspection.action_mark_unassessed_compliant()
        inspection.action_done()
        message = inspection.message_ids.filtered(
            lambda m: self.producer_ia_hrung in m.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Nhãn in sai số sao", message.body)
        activity = violation.followup_activity_id
        self.assertEqual(activity.res_id, inspection.id)
        self.assertEqual(activity.user_id, self.inspector)
        self.assertEqual(activity.date_deadline, deadline)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("ocop_certification.mail_activity_type_inspection_followup"),
        )
        violation.with_user(self.inspector).action_close()
        self.assertEqual(violation.state, "done")
        self.assertFalse(activity.exists())
        self.assertFalse(inspection.activity_ids)

    def test_wrong_state_transitions(self):
        inspection = self.make_inspection()
        with self.assertRaisesMessage(UserError, "in progress can be completed"):
            inspection.action_done()
        with self.assertRaisesMessage(UserError, "cancelled inspection"):
            inspection.action_replan()
        with self.assertRaises(UserError):
            inspection.action_mark_unassessed_compliant()
        inspection.action_start()
        with self.assertRaisesMessage(UserError, "planned inspection can be started"):
            inspection.action_start()
        with self.assertRaisesMessage(UserError, "Assess every item"):
            inspection.action_done()
        self.assertEqual(inspection.state, "in_progress")
        inspection.action_mark_unassessed_compliant()
        inspection.action_done()
        self.assertEqual(inspection.result, "compliant")
        for action in ("action_start", "action_done", "action_cancel", "action_replan"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(inspection, action)()
        self.assertEqual(inspection.state, "done")
        # The report is closed.
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            inspection.line_ids[0].result = "non_compliant"
        with self.assertRaisesMessage(UserError, "no violation can be added"):
            self.add_violation(inspection)
        with self.assertRaises(UserError):
            inspection.unlink()
        # The states are tracked.
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = inspection.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertIn("In Progress", tracked.mapped("new_value_char"))
        self.assertIn("Done", tracked.mapped("new_value_char"))

    def test_access(self):
        """Inspectors create and write; viewers read only; the officer of
        another commune does not see the inspection."""
        inspection = self.make_inspection(user=self.inspector)
        inspection.with_user(self.inspector2).write({"location": "Thôn 3, xã Ia Hrung"})
        self.add_violation(inspection.with_user(self.inspector2), action="warning")
        as_viewer = inspection.with_user(self.viewer_gia_lai)
        self.assertEqual(as_viewer.name, inspection.name)
        self.assertEqual(len(as_viewer.line_ids), 6)
        self.assertEqual(len(as_viewer.violation_ids), 1)
        with self.assertRaises(AccessError):
            as_viewer.write({"location": "Nơi khác"})
        with self.assertRaises(AccessError):
            as_viewer.line_ids[0].result = "compliant"
        with self.assertRaises(AccessError):
            self.make_inspection(user=self.viewer_gia_lai)
        # Commune officers: their commune only.
        Inspection = self.Inspection.with_user(self.officer_ia_hrung)
        self.assertEqual(Inspection.search([("id", "=", inspection.id)]), inspection)
        Inspection = self.Inspection.with_user(self.officer_bien_ho)
        self.assertFalse(Inspection.search([("id", "=", inspection.id)]))
        with self.assertRaises(AccessError):
            inspection.with_user(self.officer_bien_ho).read(["name"])
        with self.assertRaises(AccessError):
            inspection.violation_ids.with_user(self.officer_bien_ho).read(
                ["description"]
            )
        # The programme officer of the province plans inspections too.
        planned = self.make_inspection(user=self.programme_gia_lai)
        self.assertEqual(planned.commune_id, self.ia_hrung)

    def test_photos_and_report(self):
        inspection = self.make_inspection()
        # Uploaded from the form before being linked (no res_id): the
        # inspection takes the photos over, so its readers can read them.
        Attachment = self.env["ir.attachment"].with_user(self.inspector)
        photos = Attachment.create(
            [
                {
                    "name": "nhan-san-pham.png",
                    "datas": png(),
                    "res_model": "ocop.inspection",
                },
                {"name": "kho-hang.png", "datas": png(color=(30, 90, 200))},
            ]
        )
        inspection.photo_ids = [Command.set(photos.ids)]
        self.assertEqual(photos.mapped("res_id"), [inspection.id] * 2)
        self.assertEqual(set(photos.mapped("res_model")), {"ocop.inspection"})
        text_file = Attachment.create(
            {"name": "ghi-chu.txt", "raw": b"Not a picture", "mimetype": "text/plain"}
        )
        with self.assertRaisesMessage(ValidationError, "Only pictures"):
            inspection.photo_ids = [Command.link(text_file.id)]
        inspection.action_start()
        inspection.findings = (
            "<p>Cơ sở gắn nhãn hiệu OCOP lên sản phẩm chưa được công nhận.</p>"
        )
        inspection.line_ids[0].write({"result": "non_compliant", "note": "Sai màu"})
        inspection.action_mark_unassessed_compliant()
        self.add_violation(
            inspection, action="fine", fine_amount=3_000_000, legal_basis="Điều 5"
        )
        self.add_violation(
            inspection,
            description="Không khắc phục sau nhắc nhở",
            action="propose_revocation",
            revocation_ground="mark_misuse",
        )
        inspection.action_done()

        report = "ocop_certification.report_inspection"
        Report = self.env["ir.actions.report"].with_user(self.viewer_gia_lai)
        content, content_type = Report._render_qweb_html(report, inspection.ids)
        self.assertEqual(content_type, "html")
        root = lxml_html.fromstring(content.decode())
        text = " ".join(root.text_content().split())
        self.assertIn("BIÊN BẢN KIỂM TRA", text)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
        self.assertIn("ĐỘI QUẢN LÝ THỊ TRƯỜNG SỐ 2", text)
        self.assertIn(inspection.name, text)
        self.assertIn("Việc sử dụng nhãn hiệu chứng nhận sản phẩm OCOP Việt Nam", text)
        self.assertIn("Trần Văn Kiểm Trưởng đoàn", text)
        self.assertIn("HTX Thử nghiệm Ia Hrung", text)
        self.assertIn(self.certificate.name, text)
        self.assertIn(
            "Cơ sở gắn nhãn hiệu OCOP lên sản phẩm chưa được công nhận.", text
        )
        rows = root.xpath("//tr[contains(@class, 'o_ocop_checklist_line')]")
        self.assertEqual(len(rows), 6)
        self.assertIn("Không đạt", rows[0].text_content())
        self.assertIn("Sai màu", rows[0].text_content())
        actions = [
            " ".join(td.text_content().split())
            for td in root.xpath("//td[contains(@class, 'o_ocop_violation_action')]")
        ]
        self.assertEqual(len(actions), 2)
        self.assertIn("Phạt tiền", actions[0])
        self.assertTrue(re.search(r"3[.,]000[.,]000", actions[0]), actions[0])
        self.assertIn(
            "Đề nghị thu hồi Giấy chứng nhận (Sử dụng sai nhãn hiệu chứng nhận OCOP)",
            actions[1],
        )
        images = root.xpath("//img[contains(@class, 'o_ocop_photo')]")
        self.assertEqual(len(images), 2)
        for image in images:
            self.assertTrue(image.get("src").startswith("data:image/png;base64,"))
        self.assertEqual(content.decode().count("<img"), 2)
        self.assertIn("TRƯỞNG ĐOÀN KIỂM TRA", text)

        pdf, content_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, inspection.ids)
        )
        self.assertEqual(content_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"), pdf[:100])

    def test_onchange_prefills_checklist(self):
        """In the form, choosing the type fills the checklist."""
        form = Form(self.Inspection.with_user(self.inspector))
        form.inspection_type = "post_control"
        form.certificate_id = self.certificate
        self.assertEqual(len(form.line_ids), 7)
        form.inspection_type = "mark_use"
        self.assertEqual(len(form.line_ids), 6)
        with form.line_ids.edit(0) as line:
            line.result = "non_compliant"
        form.inspection_type = "food_safety"  # an answer is kept
        self.assertEqual(len(form.line_ids), 6)
        inspection = form.save()
        self.assertEqual(inspection.producer_id, self.producer_ia_hrung)
        self.assertEqual(inspection.line_ids[0].result, "non_compliant")
