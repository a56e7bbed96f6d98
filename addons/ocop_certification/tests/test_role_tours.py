# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser tours of the roles whose screens failed (issue #17): the commune
officer records Mẫu 03; the council's secretary reopens a sheet with a reason
and closes the session. Each user logs in with their own account; an error
dialog fails the tour (static/tests/tours/ocop_role_tours.js)."""

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import OcopCertificationMixin

REASON = "Tổng điểm lệch hơn 10 điểm so với các thành viên khác: đề nghị chấm lại"


@tagged("post_install", "-at_install")
class TestRoleTours(OcopCertificationMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        # The council's secretary keeps the minutes and does not score: a
        # council member with no territory nor programme office rights.
        cls.council_secretary = new_test_user(
            cls.env,
            login="council_secretary",
            password="council_secretarypw",
            groups="base.group_user,ocop_management.group_ocop_council_member",
            name="Thư ký Hội đồng",
        )
        cls.council.member_ids.filtered(
            lambda m: m.role == "secretary"
        ).user_id = cls.council_secretary

    def test_commune_officer_records_the_commune_check(self):
        dossier = self.env["ocop.dossier"].create(
            {"product_id": self.product_ia_hrung.id, "date_filed": fields.Date.today()}
        )
        # filed (the paperwork has its own tests)
        dossier.write({"state": "submitted"})
        self.assertEqual(dossier.state, "submitted")

        self.start_tour(
            "/odoo", "ocop_commune_check_tour", login=self.officer_ia_hrung.login
        )

        self.assertEqual(dossier.state, "commune_checked")
        self.assertEqual(dossier.commune_checked_by, self.officer_ia_hrung)
        self.assertEqual(dossier.commune_checked_on, fields.Date.today())
        self.assertEqual(dossier.commune_conclusion, "agree")
        self.assertEqual(
            dossier.commune_raw_material, "Cà phê Robusta trồng tại xã Ia Hrung"
        )
        self.assertEqual(dossier.commune_labour, "25 lao động địa phương")
        self.assertEqual(
            dossier.commune_idea_origin, "Ý tưởng của hợp tác xã từ năm 2020"
        )
        self.assertEqual(dossier.commune_identity, "Bao bì in hình nhà rông Tây Nguyên")
        self.assertEqual(
            dossier.commune_conclusion_note, "Đủ điều kiện gửi huyện, tỉnh đánh giá"
        )
        self.assertFalse(dossier.return_reason)
        # the transition is in the chatter: who, from and to
        tracking = dossier.message_ids.tracking_value_ids.filtered(
            lambda t: (
                t.field_id.name == "state"
                and t.new_value_char == "Checked by the Commune"
            )
        )
        self.assertEqual(len(tracking), 1)
        self.assertEqual(tracking.old_value_char, "Filed with the Commune")
        self.assertEqual(
            tracking.mail_message_id.author_id, self.officer_ia_hrung.partner_id
        )

    def test_secretary_reopens_a_sheet_and_closes_the_session(self):
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        # six members agree, the seventh is 25 points off: the spread is
        # above the council's maximum, the session cannot close
        sheets = self.score_all(session, dossier, [75, 75, 75, 75, 75, 75, 50])
        outlier = sheets.sorted("id")[-1]
        self.assertEqual(outlier.user_id.name, "Thành viên 7")
        self.assertTrue(dossier.rescoring_required)

        self.start_tour(
            "/odoo", "ocop_secretary_reopen_tour", login=self.council_secretary.login
        )

        self.assertEqual(outlier.state, "draft")
        self.assertFalse(outlier.submitted_on)
        self.assertEqual((sheets - outlier).mapped("state"), ["submitted"] * 6)
        note = outlier.message_ids.filtered(lambda m: REASON in (m.body or ""))
        self.assertEqual(len(note), 1, "the reason is kept in the sheet's chatter")
        self.assertIn(self.council_secretary.name, note.body)
        self.assertEqual(session.state, "scoring")

        # the member scores again, closer to the others
        self.fill(outlier, self.points_for(74))
        self.assertFalse(dossier.rescoring_required)

        self.start_tour(
            "/odoo", "ocop_secretary_close_tour", login=self.council_secretary.login
        )

        self.assertEqual(session.state, "closed")
        self.assertEqual(dossier.state, "scored")
        self.assertEqual(dossier.result_stars, 4)
        self.assertAlmostEqual(dossier.average_total, (75 * 6 + 74) / 7, places=2)

    def test_a_tour_fails_on_an_error_dialog(self):
        """The tours' guard: recording the check with Mẫu 03 left empty shows
        an error dialog, which fails the tour with the dialog's text."""
        dossier = self.env["ocop.dossier"].create(
            {"product_id": self.product_ia_hrung.id, "date_filed": fields.Date.today()}
        )
        # filed (the paperwork has its own tests)
        dossier.write({"state": "submitted"})
        with (
            mute_logger(self._logger.name, "odoo.http"),
            self.assertRaisesRegex(AssertionError, "error dialog.*Mẫu 03"),
        ):
            self.start_tour(
                f"/odoo/action-ocop_certification.ocop_dossier_action/{dossier.id}",
                "ocop_error_dialog_tour",
                login=self.officer_ia_hrung.login,
            )
        self.assertEqual(dossier.state, "submitted")

    def test_member_prints_their_own_sheet(self):
        """A council member prints their own sheet, the producer's name on it
        (the member has no territory: the producer is theirs through the
        council), and not the sheet of a member who has not submitted it yet
        while theirs is not submitted either."""
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        member, other = self.members[:2]
        sheet = session.evaluation_ids.filtered(lambda e: e.user_id == member)
        others = session.evaluation_ids.filtered(lambda e: e.user_id == other)
        self.fill(sheet, self.points_for(75), submit=False)
        self.authenticate(member.login, f"{member.login}pw")
        url = "/report/html/ocop_certification.report_evaluation_sheet/%s"
        with mute_logger("odoo.http"):
            response = self.url_open(url % sheet.id)
            self.assertEqual(response.status_code, 200)
            self.assertIn(self.producer_ia_hrung.name, response.text)
            self.assertIn(member.name, response.text)
            response = self.url_open(url % others.id)
            self.assertEqual(response.status_code, 403)
            self.assertNotIn(self.producer_ia_hrung.name, response.text)
