# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


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
