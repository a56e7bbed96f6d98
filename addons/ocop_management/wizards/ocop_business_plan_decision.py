# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class OcopBusinessPlanDecision(models.TransientModel):
    """Select (or not) many evaluated business plans at once; the producers
    and the communes are told by mail."""

    _name = "ocop.business.plan.decision"
    _description = "Select Business Plans"

    plan_ids = fields.Many2many("ocop.business.plan", string="Plans", required=True)
    decision = fields.Selection(
        [("select", "Select"), ("reject", "Do Not Select")],
        required=True,
        default="select",
    )
    note = fields.Text()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "ocop.business.plan":
            values["plan_ids"] = [
                fields.Command.set(self.env.context.get("active_ids", []))
            ]
        return values

    def action_confirm(self):
        self.ensure_one()
        # (only the records the user may read: the others are not listed)
        if not self.plan_ids:
            raise UserError(_("Choose the business plans to decide on."))
        if self.decision == "select":
            self.plan_ids.action_select()
        else:
            if not self.note:
                raise UserError(_("Say why the business plans are not selected."))
            self.plan_ids.action_reject(self.note)
        return {"type": "ir.actions.act_window_close"}
