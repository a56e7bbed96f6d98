# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class OcopBusinessPlanProgress(models.Model):
    """Follow-up of a plan being carried out: progress, difficulties, needs
    (the commune and the programme office follow it, the seed's step 2.4)."""

    _name = "ocop.business.plan.progress"
    _description = "OCOP Business Plan Follow-up"
    _order = "plan_id, date desc, id desc"

    plan_id = fields.Many2one(
        "ocop.business.plan", required=True, index=True, ondelete="cascade"
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    progress = fields.Integer(string="Progress (%)")
    achievements = fields.Text()
    difficulties = fields.Text()
    needs = fields.Text(string="Support Needed")
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)

    @api.constrains("progress")
    def _check_progress(self):
        for line in self:
            if not 0 <= line.progress <= 100:
                raise ValidationError(_("Progress is a percentage from 0 to 100."))
