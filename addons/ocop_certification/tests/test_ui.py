# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import OcopCertificationMixin


@tagged("post_install", "-at_install")
class TestScoringSheetTour(OcopCertificationMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()

    def test_member_fills_and_submits_a_sheet(self):
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        member = self.members[0]
        sheet = session.evaluation_ids.filtered(lambda e: e.user_id == member)
        self.start_tour(
            "/odoo/action-ocop_certification.ocop_evaluation_action_mine",
            "ocop_scoring_sheet_tour",
            login=member.login,
        )
        self.assertEqual(sheet.state, "submitted")
        self.assertEqual(sheet.total, 74)
        self.assertEqual(sheet.opinion, "Sản phẩm đạt chất lượng tốt")
        self.assertEqual(
            sheet.line_ids.sorted("sequence").mapped("points"), [30, 15, 5, 20, 4]
        )
