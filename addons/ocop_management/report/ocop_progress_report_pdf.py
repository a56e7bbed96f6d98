# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportProgressReport(models.AbstractModel):
    """A progress report as a Vietnamese administrative report (báo cáo):
    the figures by section, the narrative, and for a consolidated report the
    table of the units' reports and the list of units that did not report."""

    _name = "report.ocop_management.report_progress_report"
    _inherit = "ocop.report.mixin"
    _description = "OCOP Progress Report (PDF)"
    _ocop_docs_model = "ocop.progress.report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        Report = self.env["ocop.progress.report"]
        values["figure_rows"] = Report._figure_rows()
        values["ocop_figure"] = self._ocop_figure
        return values

    @api.model
    def _ocop_figure(self, report, name):
        """A figure as printed: amounts in the company currency's format,
        counts as integers."""
        value = report[name] or 0
        if report._fields[name].type == "monetary":
            return self.env["ir.qweb.field.monetary"].value_to_html(
                value, {"display_currency": report.currency_id}
            )
        return str(value)
