# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OcopMarkUsageSuspend(models.TransientModel):
    _name = "ocop.mark.usage.suspend"
    _description = "Suspend the Use of the OCOP Mark"

    usage_ids = fields.Many2many("ocop.mark.usage", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.usage_ids.action_suspend(self.reason)
