# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class OcopSupport(models.Model):
    """A support is paid from a budget line: its amount is committed there, what
    it disbursed counts against the line's allocation."""

    _inherit = "ocop.support"

    budget_line_id = fields.Many2one(
        domain="[('state', '!=', 'closed'), ('cycle_id', '=?', cycle_id)]",
    )

    @api.constrains("amount", "disbursed_amount", "budget_line_id", "state", "cycle_id")
    def _check_budget_line(self):
        for support in self.filtered("budget_line_id"):
            line = support.budget_line_id
            if support.cycle_id and line.cycle_id != support.cycle_id:
                raise ValidationError(
                    _(
                        "%(support)s belongs to the cycle %(cycle)s but the budget "
                        "line %(line)s to the cycle %(line_cycle)s.",
                        support=support.name,
                        cycle=support.cycle_id.display_name,
                        line=line.name,
                        line_cycle=line.cycle_id.display_name,
                    )
                )
        # The lines' totals are computed from the supports: recompute them now
        # and check them against the allocations.
        self.budget_line_id._check_overrun()

    @api.model_create_multi
    def create(self, vals_list):
        lines = self.env["ocop.budget.line"].browse(
            [vals["budget_line_id"] for vals in vals_list if vals.get("budget_line_id")]
        )
        lines._check_open_for_supports()
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("budget_line_id"):
            self.env["ocop.budget.line"].browse(
                vals["budget_line_id"]
            )._check_open_for_supports()
        if "disbursed_amount" in vals or "amount" in vals:
            self.budget_line_id._check_open_for_supports()
        if "budget_line_id" in vals:
            self.budget_line_id.filtered(
                lambda line: line.id != vals["budget_line_id"]
            )._check_open_for_supports()
        return super().write(vals)
