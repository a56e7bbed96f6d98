# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OcopEvaluationReopen(models.TransientModel):
    _name = "ocop.evaluation.reopen"
    _description = "Reopen a Scoring Sheet"

    evaluation_id = fields.Many2one("ocop.evaluation", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.evaluation_id.action_reopen(self.reason)
