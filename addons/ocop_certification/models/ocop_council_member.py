# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class OcopCouncilMember(models.Model):
    _name = "ocop.council.member"
    _description = "OCOP Council Member"
    _order = "council_id, sequence, id"

    council_id = fields.Many2one(
        "ocop.council", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("share", "=", False)],
    )
    partner_id = fields.Many2one(related="user_id.partner_id", store=True)
    role = fields.Selection(
        [
            ("chair", "Chair"),
            ("vice_chair", "Vice-chair"),
            ("member", "Member"),
            ("secretary", "Secretary"),
        ],
        default="member",
        required=True,
    )
    scores = fields.Boolean(
        compute="_compute_scores",
        store=True,
        readonly=False,
        help="Members fill a scoring sheet; the secretary keeps the minutes.",
    )
    agency_id = fields.Many2one("res.partner", domain=[("is_company", "=", True)])

    def write(self, vals):
        if not self.env.su and {"user_id", "role", "scores", "council_id"} & set(vals):
            scoring = self.env["ocop.council.session"].search_count(
                [("council_id", "in", self.council_id.ids), ("state", "=", "scoring")]
            )
            if scoring:
                raise UserError(
                    _(
                        "A council's seats do not change while one of its sessions "
                        "is scoring."
                    )
                )
        return super().write(vals)

    @api.depends("role")
    def _compute_scores(self):
        for member in self:
            member.scores = member.role != "secretary"

    @api.depends("user_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for member in self:
            member.display_name = f"{member.user_id.name} ({roles.get(member.role)})"
