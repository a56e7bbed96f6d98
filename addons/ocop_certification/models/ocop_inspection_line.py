# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

CLOSED_STATES = ("done", "cancelled")


class OcopInspectionLine(models.Model):
    """One item of an inspection's checklist and its result."""

    _name = "ocop.inspection.line"
    _description = "OCOP Inspection Checklist Item"
    _order = "inspection_id, sequence, id"

    inspection_id = fields.Many2one(
        "ocop.inspection", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    item = fields.Char(required=True)
    requirement = fields.Text()
    result = fields.Selection(
        [
            ("compliant", "Compliant"),
            ("non_compliant", "Non-compliant"),
            ("not_applicable", "Not Applicable"),
        ],
        copy=False,
    )
    note = fields.Char(copy=False)
    inspection_type = fields.Selection(
        related="inspection_id.inspection_type", store=True, string="Type"
    )
    inspection_state = fields.Selection(
        related="inspection_id.state", string="Inspection Status"
    )

    @api.depends("item")
    def _compute_display_name(self):
        for line in self:
            line.display_name = line.item or ""

    def _check_open(self, inspections):
        # the checklist is the team's (or the territory's programme office's)
        inspections._check_inspection_team()
        closed = inspections.filtered(lambda i: i.state in CLOSED_STATES)
        if closed:
            raise UserError(
                _(
                    "The checklist of %(name)s can no longer be changed: the "
                    "inspection is closed.",
                    name=closed[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self._check_open(lines.inspection_id)
        return lines

    def write(self, vals):
        self._check_open(self.inspection_id)
        return super().write(vals)

    def unlink(self):
        self._check_open(self.inspection_id)
        return super().unlink()
