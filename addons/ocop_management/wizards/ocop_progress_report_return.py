# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OcopProgressReportReturn(models.TransientModel):
    """The receiving unit sends submitted reports back with a reason."""

    _name = "ocop.progress.report.return"
    _description = "Return OCOP Progress Reports"

    report_ids = fields.Many2many(
        "ocop.progress.report",
        default=lambda self: self.env.context.get("active_ids", []),
        string="Reports",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.report_ids._return(self.reason)
        return {"type": "ir.actions.act_window_close"}
