# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..scoring import MINIMA_RULES
from .ocop_framework import LEVELS


class OcopCouncil(models.Model):
    """An evaluation and rating council (hội đồng đánh giá, phân hạng) of a
    territory and level, with its members and advisory team."""

    _name = "ocop.council"
    _description = "OCOP Evaluation Council"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "level desc, name"

    name = fields.Char(required=True, tracking=True)
    level = fields.Selection(
        [lvl for lvl in LEVELS if lvl[0] != "commune"],
        required=True,
        default="province",
        tracking=True,
    )
    admin_unit_id = fields.Many2one(
        "ocop.admin.unit",
        string="Territory",
        index=True,
        ondelete="restrict",
        help="The province or district the council works for (empty for the "
        "central council).",
    )
    framework_id = fields.Many2one(
        "ocop.framework",
        required=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env["ocop.framework"]._framework_on(
            fields.Date.context_today(self)
        ),
    )
    decision_ref = fields.Char(string="Establishing Decision")
    member_ids = fields.One2many("ocop.council.member", "council_id", string="Members")
    chair_id = fields.Many2one("res.users", compute="_compute_roles", store=True)
    secretary_id = fields.Many2one("res.users", compute="_compute_roles", store=True)
    advisory_user_ids = fields.Many2many(
        "res.users",
        "ocop_council_advisory_rel",
        "council_id",
        "user_id",
        string="Advisory Team",
        help="The Tổ tư vấn that reviews dossiers before the council.",
    )
    quorum_ratio = fields.Float(
        default=0.75,
        help="Share of the members that must attend, the chair included "
        "(provincial rules: at least three quarters).",
    )
    max_spread = fields.Float(
        string="Maximum Spread",
        default=10.0,
        tracking=True,
        help="Largest difference allowed between members' totals; above it the "
        "council discusses and scores again.",
    )
    minima_rule = fields.Selection(
        [
            ("average", "Average of the members' points"),
            ("majority", "More than half of the members"),
            ("all", "Every member"),
        ],
        string="Minimum Stars Met When",
        default="average",
        required=True,
        tracking=True,
        help="How the minimum-star markers combine across members (see the "
        "module documentation).",
    )
    session_ids = fields.One2many("ocop.council.session", "council_id")
    session_count = fields.Integer(compute="_compute_session_count")
    active = fields.Boolean(default=True)

    @api.depends("member_ids.role", "member_ids.user_id")
    def _compute_roles(self):
        for council in self:
            members = council.member_ids
            council.chair_id = members.filtered(lambda m: m.role == "chair")[:1].user_id
            council.secretary_id = members.filtered(lambda m: m.role == "secretary")[
                :1
            ].user_id

    def _compute_session_count(self):
        counts = dict(
            self.env["ocop.council.session"]._read_group(
                [("council_id", "in", self.ids)], ["council_id"], ["__count"]
            )
        )
        for council in self:
            council.session_count = counts.get(council, 0)

    @api.constrains("member_ids")
    def _check_members(self):
        for council in self:
            chairs = council.member_ids.filtered(lambda m: m.role == "chair")
            if len(chairs) > 1:
                raise ValidationError(_("A council has one chair."))
            users = council.member_ids.user_id
            if len(users) != len(council.member_ids.filtered("user_id")):
                raise ValidationError(_("A user sits only once in a council."))

    @api.constrains("max_spread", "quorum_ratio")
    def _check_spread_and_quorum(self):
        for council in self:
            if council.max_spread < 0:
                raise ValidationError(
                    _(
                        "The maximum spread of %(name)s cannot be negative.",
                        name=council.name,
                    )
                )
            if not 0 < council.quorum_ratio <= 1:
                raise ValidationError(
                    _(
                        "The quorum of %(name)s is a share of the members: more "
                        "than 0 and at most 1 (e.g. 0.75).",
                        name=council.name,
                    )
                )

    @api.constrains("minima_rule")
    def _check_minima_rule(self):
        for council in self:
            if council.minima_rule not in MINIMA_RULES:
                raise ValidationError(_("Unknown rule for minimum stars."))

    @api.onchange("framework_id")
    def _onchange_framework_id(self):
        if self.framework_id:
            self.max_spread = self.framework_id.max_spread

    def action_view_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_certification.ocop_council_session_action"
        )
        action["domain"] = [("council_id", "=", self.id)]
        action["context"] = {"default_council_id": self.id}
        return action
