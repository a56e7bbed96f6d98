# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class OcopProductIdeaDecision(models.TransientModel):
    """Select or reject many product ideas at once (the programme office's
    selection round)."""

    _name = "ocop.product.idea.decision"
    _description = "Select or Reject Product Ideas"

    idea_ids = fields.Many2many("ocop.product.idea", string="Ideas", required=True)
    decision = fields.Selection(
        [("select", "Select"), ("reject", "Reject")], required=True, default="select"
    )
    reason = fields.Text(help="Required to reject.")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "ocop.product.idea":
            values["idea_ids"] = [
                fields.Command.set(self.env.context.get("active_ids", []))
            ]
        return values

    def action_confirm(self):
        self.ensure_one()
        # (only the records the user may read: the others are not listed)
        if not self.idea_ids:
            raise UserError(_("Choose the product ideas to decide on."))
        if self.decision == "reject" and not self.reason:
            raise UserError(_("Give the reason for rejecting the ideas."))
        if self.decision == "select":
            self.idea_ids.action_select()
        else:
            self.idea_ids.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
