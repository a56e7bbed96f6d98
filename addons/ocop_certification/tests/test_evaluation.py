# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import OcopCertificationMixin


@tagged("post_install", "-at_install")
class TestWorkedExamples(OcopCertificationMixin, TransactionCase):
    """The worked examples of the evaluation issue, through the models."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()

    def _scored(self, totals, **kwargs):
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        self.score_all(session, dossier, totals, **kwargs)
        return dossier, session

    def test_1_average_72_with_4_star_minima_met(self):
        dossier, session = self._scored([70, 71, 72, 73, 74, 72, 72])
        self.assertEqual(dossier.average_total, 72)
        self.assertEqual(dossier.spread, 4)
        self.assertEqual((dossier.band_stars, dossier.cap_stars), (4, 4))
        self.assertEqual(dossier.result_stars, 4)
        session.action_close()
        self.assertEqual(dossier.state, "scored")
        self.assertEqual(dossier.decision_level, "province")
        certificate = dossier.action_record_decision(
            "12/QĐ-UBND", date(2026, 11, 30), "Chủ tịch"
        )
        self.assertEqual(certificate.stars, 4)
        self.assertEqual(certificate.expiry_date, date(2029, 11, 30))
        self.assertEqual(certificate.issuing_level, "province")
        self.assertEqual(dossier.state, "recognised")
        self.assertEqual(self.product_ia_hrung.stars, 4)
        self.assertEqual(self.product_ia_hrung.current_certificate_id, certificate)
        self.assertEqual(self.product_ia_hrung.state, "certified")
        # The producer is told, by mail.
        messages = dossier.message_ids.filtered(
            lambda m: self.producer_ia_hrung in m.partner_ids
        )
        self.assertTrue(messages)
        self.assertIn(certificate.name, messages[0].body)

    def test_provisional_results_stay_out_of_the_chatter(self):
        """Every submitted sheet recomputes the average; the chatter shows
        the result once, when the session closes, not the provisional
        averages along the way."""
        dossier, session = self._scored([70, 71, 72, 73, 74, 72, 72])
        self.env.flush_all()
        self.env.cr.precommit.run()  # what a commit does: log the tracking
        tracked = dossier.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertTrue(dossier.average_total)
        for name in ("average_total", "result_stars", "band_stars", "cap_stars"):
            self.assertNotIn(name, tracked)
        session.action_close()
        self.env.cr.precommit.run()
        result = dossier.message_ids.filtered(
            lambda m: self.producer_ia_hrung in m.partner_ids
        )
        self.assertEqual(len(result), 1)
        self.assertIn("72", result.body)

    def test_2_average_72_with_one_4_star_minimum_missed(self):
        dossier, session = self._scored([70, 71, 72, 73, 74, 72, 72], c2=2)
        self.assertEqual(dossier.average_total, 72)
        self.assertEqual(dossier.band_stars, 4)
        self.assertEqual(dossier.cap_stars, 3)
        self.assertEqual(dossier.result_stars, 3)
        session.action_close()
        self.assertEqual(dossier.state, "scored")

    def test_3_totals_12_points_apart_block_the_result(self):
        dossier, session = self._scored([66, 70, 72, 72, 72, 74, 78])
        self.assertEqual(dossier.spread, 12)
        self.assertTrue(dossier.rescoring_required)
        with self.assertRaises(UserError) as caught:
            session.action_close()
        self.assertIn("score again", str(caught.exception))
        self.assertEqual(session.state, "scoring")
        self.assertEqual(dossier.state, "council")
        # The secretary reopens the outlier sheets; the members score again.
        outliers = session.evaluation_ids.filtered(lambda e: e.total in (66, 78))
        outliers.with_user(self.secretary).action_reopen("Thảo luận lại, chấm lại")
        self.assertIn("Thảo luận lại", outliers[0].message_ids[0].body)
        for sheet in outliers:
            self.fill(sheet, self.points_for(71))
        self.assertFalse(dossier.rescoring_required)
        session.action_close()
        self.assertEqual(dossier.state, "scored")

    def test_4_knock_out_rejects_without_stars(self):
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        sheets = session.evaluation_ids.sorted("id")
        self.fill(sheets[0], self.points_for(80), knockouts=("2.2",))
        for sheet in sheets[1:]:
            self.fill(sheet, self.points_for(80))
        self.assertEqual(dossier.result_stars, 0)
        session.action_close()
        self.assertEqual(dossier.state, "rejected")
        self.assertIn("sao chép", dossier.rejection_reason)
        self.assertIn("Legal basis", dossier.rejection_reason)
        self.assertFalse(dossier.certificate_id)

    def test_4b_dossier_level_knock_out(self):
        dossier = self.make_dossier(knockout_food_safety=True)
        dossier.action_reject_knockout()
        self.assertEqual(dossier.state, "rejected")
        self.assertIn("food-safety", dossier.rejection_reason)
        self.assertEqual(dossier.result_stars, 0)

    def test_5_seed_2021_district_council_forwards_55_points(self):
        """Ia Grai, 2021, QĐ 1048: the district council scores 55 points and
        forwards the product to the province."""
        self.assertEqual(self.fw1048.scoring_level, "district")
        ia_sao = self._unit("commune", "23767", historical=True)
        ia_grai = ia_sao.parent_id
        producer = self.env["res.partner"].create(
            {
                "name": "HTX Ia Sao",
                "is_company": True,
                "ocop_entity_type": "cooperative",
                "ocop_is_producer": True,
                "ocop_business_reg_no": "IASAO-1",
                "ocop_admin_unit_id": ia_sao.id,
            }
        )
        vegetables = self.env.ref("ocop_management.product_group_qd1048_set_vegetables")
        product = self.env["ocop.product"].create(
            {
                "name": "Bơ sáp Ia Sao",
                "producer_id": producer.id,
                "product_group_id": vegetables.id,
                "commune_id": ia_sao.id,
                "code_year": 2021,
            }
        )
        set_1048 = self._make_set(
            self.fw1048, "TEST-1048", parts=(35, 25, 40), group=vegetables
        )
        district_council = self._make_council(
            "district",
            self.fw1048,
            ia_grai,
            self.members[:5],
            name="Hội đồng huyện Ia Grai",
        )
        dossier = self.make_dossier(
            product=product,
            criteria_set=set_1048,
            date_filed=date(2021, 7, 1),
            year=2021,
        )
        self.assertEqual(dossier.framework_id, self.fw1048)
        session = self.make_session(dossier, council=district_council)
        self.score_all(session, dossier, [53, 54, 55, 56, 57], a_max=35, c1_max=35)
        self.assertEqual(dossier.average_total, 55)
        session.action_close()
        self.assertEqual(dossier.result_stars, 3)
        self.assertEqual(dossier.state, "forwarded")
        self.assertEqual(dossier.next_level, "province")
        self.assertFalse(dossier.certificate_id)

    def test_6_potential_five_stars_then_central_scores_below_90(self):
        dossier, session = self._scored([90, 91, 92, 92, 93, 93, 93], c2=5)
        self.assertEqual(dossier.average_total, 92)
        session.action_close()
        self.assertEqual(dossier.result_stars, 5)
        self.assertEqual(dossier.state, "forwarded")
        self.assertEqual(dossier.next_level, "central")
        self.assertTrue(dossier.potential_five_star)
        # The central council scores it below 90.
        central = self._make_council(
            "central", self.fw26, None, self.members[:4], name="Hội đồng Trung ương"
        )
        central_session = self.env["ocop.council.session"].create(
            {
                "name": "Phiên Trung ương",
                "council_id": central.id,
                "date_start": fields.Datetime.now(),
            }
        )
        wizard = self.env["ocop.dossier.forward"].create(
            {
                "dossier_ids": [Command.set(dossier.ids)],
                "session_id": central_session.id,
            }
        )
        wizard.action_confirm()
        central_session.attendee_ids = central.member_ids
        central_session.action_confirm()
        central_session.action_start_scoring()
        self.score_all(central_session, dossier, [84, 85, 86, 85], c2=5)
        self.assertEqual(dossier.average_total, 85)
        central_session.action_close()
        self.assertEqual(dossier.result_stars, 4)
        self.assertEqual(dossier.state, "scored")
        self.assertEqual(dossier.decision_level, "province")
        certificate = dossier.action_record_decision(
            "45/QĐ-UBND", date(2026, 12, 1), "Chủ tịch UBND tỉnh"
        )
        self.assertEqual(
            (certificate.stars, certificate.issuing_level), (4, "province")
        )


@tagged("post_install", "-at_install")
class TestScoringSheets(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()

    def setUp(self):
        super().setUp()
        self.dossier = self.make_dossier()
        self.session = self.make_session(self.dossier)
        self.sheets = self.session.evaluation_ids.sorted("id")

    def test_one_sheet_per_scoring_member_with_every_leaf(self):
        self.assertEqual(len(self.sheets), 7)  # the secretary does not score
        self.assertNotIn(self.secretary, self.sheets.user_id)
        self.assertEqual(len(self.sheets[0].line_ids), 5)
        self.assertTrue(self.sheets[0].activity_ids)

    def test_submit_needs_every_criterion(self):
        sheet = self.sheets[0].with_user(self.sheets[0].user_id)
        sheet.line_ids[0].option_id = sheet.line_ids[0].criterion_id.option_ids[-1]
        self.assertEqual(sheet.total, 40)
        self.assertEqual(sheet.points_a, 40)
        with self.assertRaises(UserError) as caught:
            sheet.action_submit()
        self.assertIn("2.1", str(caught.exception))
        self.assertEqual(sheet.state, "draft")

    def test_submitted_sheet_is_read_only_and_reopened_by_secretary_only(self):
        sheet = self.fill(self.sheets[0], self.points_for(70))
        self.assertEqual(sheet.state, "submitted")
        self.assertFalse(sheet.activity_ids)
        with self.assertRaises(UserError):
            sheet.line_ids[0].option_id = sheet.line_ids[0].criterion_id.option_ids[0]
        with self.assertRaises(UserError):
            sheet.opinion = "Changed"
        with self.assertRaises(AccessError):
            sheet.action_reopen("I want to change")
        with self.assertRaises(UserError):
            sheet.with_user(self.secretary).action_reopen("")
        sheet.with_user(self.secretary).action_reopen("Sai sót khi chọn")
        self.assertEqual(sheet.state, "draft")

    def test_member_cannot_fill_another_members_sheet(self):
        other = self.sheets[1]
        with self.assertRaises(AccessError):
            other.with_user(self.sheets[0].user_id).line_ids[0].write(
                {"option_id": other.line_ids[0].criterion_id.option_ids[0].id}
            )

    def test_no_scoring_without_quorum(self):
        dossier = self.make_dossier()
        session = self.env["ocop.council.session"].create(
            {
                "name": "Thiếu",
                "council_id": self.council.id,
                "date_start": fields.Datetime.now(),
            }
        )
        dossier.session_id = session
        session.attendee_ids = self.council.member_ids[:3]
        self.assertFalse(session.quorum_met)
        session.action_confirm()
        self.assertEqual(
            sorted(session.calendar_event_id.partner_ids.ids),
            sorted(self.council.member_ids.partner_id.ids),
        )
        with self.assertRaises(UserError) as caught:
            session.action_start_scoring()
        self.assertIn("quorum", str(caught.exception))
        # Six of eight with the chair: quorum (3/4).
        session.attendee_ids = self.council.member_ids[:6]
        self.assertTrue(session.quorum_met)
        # Without the chair, no quorum however many attend.
        session.attendee_ids = self.council.member_ids[1:]
        self.assertFalse(session.quorum_met)
