# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# the states of a plan whose evaluation may still change
OPEN_PLAN_STATES = ("draft", "submitted")


class OcopBusinessPlanScore(models.Model):
    _name = "ocop.business.plan.score"
    _description = "OCOP Business Plan Evaluation Line"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "ocop.business.plan", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True)
    max_score = fields.Float(string="Maximum", required=True, default=10)
    score = fields.Float()
    note = fields.Char()

    @api.constrains("score", "max_score")
    def _check_score(self):
        for line in self:
            if line.score < 0 or line.score > line.max_score:
                raise ValidationError(
                    _(
                        "%(name)s: the score must lie between 0 and %(max)s.",
                        name=line.name,
                        max=line.max_score,
                    )
                )

    # The evaluation is frozen once the plan is evaluated (the plan's
    # workflow freezes its score_ids; these guard the lines written directly).
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_plan_open()
        return lines

    def write(self, vals):
        self._check_plan_open()
        return super().write(vals)

    def unlink(self):
        self._check_plan_open()
        return super().unlink()

    def _check_plan_open(self):
        if self.env.su:
            return
        for plan in self.plan_id:
            if plan.state not in OPEN_PLAN_STATES:
                raise UserError(
                    _(
                        '%(plan)s is "%(state)s": its evaluation can no longer be '
                        "changed.",
                        plan=plan.display_name,
                        state=plan._ocop_state_label(),
                    )
                )
