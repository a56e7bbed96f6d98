# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .test_progress_report import ProgressReportCommon


@tagged("post_install", "-at_install")
class TestProgressReportTour(ProgressReportCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_report_data()
        cls.report = cls.Report._prepare_cycle_period(cls.cycle, cls.today).filtered(
            lambda r: r.kind == "unit" and r.admin_unit_id == cls.ia_hrung
        )
        # a figure the live data cannot have, to see it shown then refreshed
        cls.report._ocop_write({"idea_count": 999})

    def test_progress_report_tour(self):
        """The commune officer submits the commune's report from the menu."""
        self.start_tour("/odoo", "ocop_progress_report_tour", login="officer_ia_hrung")
        self.assertEqual(self.report.state, "submitted")
        self.assertEqual(self.report.submitted_by, self.officer_ia_hrung)
        # submitting read the live figures again
        self.assertEqual(
            self.report.idea_count,
            self.independent_figures(self.ia_hrung)["idea_count"],
        )
