# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ocop_management.workflow import permitted


class OcopEvaluationLine(models.Model):
    _name = "ocop.evaluation.line"
    _description = "OCOP Scoring Sheet Line"
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one(
        "ocop.evaluation", required=True, index=True, ondelete="cascade"
    )
    criterion_id = fields.Many2one(
        "ocop.criterion", required=True, index=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    code = fields.Char(related="criterion_id.code")
    criterion_text = fields.Text(related="criterion_id.name")
    max_points = fields.Float(related="criterion_id.max_points", string="Maximum")
    part_code = fields.Char(related="criterion_id.part_code", store=True)
    knockout_rule = fields.Text(related="criterion_id.knockout_rule")
    option_id = fields.Many2one(
        "ocop.criterion.option",
        string="Ticked Option",
        domain="[('criterion_id', '=', criterion_id)]",
        ondelete="restrict",
    )
    points = fields.Float(compute="_compute_points", store=True)
    min_star = fields.Integer(related="option_id.min_star")
    knockout = fields.Boolean(
        help="The member finds that the criterion's knock-out rule applies."
    )
    state = fields.Selection(related="evaluation_id.state")

    @api.depends("option_id.points")
    def _compute_points(self):
        for line in self:
            line.points = line.option_id.points

    @api.constrains("option_id", "criterion_id")
    def _check_option(self):
        for line in self:
            if line.option_id and line.option_id.criterion_id != line.criterion_id:
                raise ValidationError(
                    _(
                        "The ticked option does not belong to criterion %(code)s.",
                        code=line.criterion_id.code,
                    )
                )
            if line.knockout and not line.criterion_id.knockout_rule:
                raise ValidationError(
                    _(
                        "Criterion %(code)s has no knock-out rule.",
                        code=line.criterion_id.code,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # lines come with their sheet, which only the session creates
        if not self.env.su and not permitted([("ocop.evaluation", "create")]):
            raise UserError(_("Scoring sheet lines come with their sheet."))
        return super().create(vals_list)

    def write(self, vals):
        if any(line.evaluation_id.state == "submitted" for line in self):
            raise UserError(_("A submitted scoring sheet is read-only."))
        if not self.env.su:
            if "points" in vals:
                raise UserError(_("The points come from the ticked option."))
            if {"evaluation_id", "criterion_id"} & set(vals):
                raise UserError(_("A line stays on its sheet and criterion."))
            self.evaluation_id._check_own_sheet()
        return super().write(vals)
