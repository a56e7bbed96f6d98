# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..workflow import PROGRAMME, Transition

ISSUING_LEVELS = [
    ("central", "Central (Prime Minister, Ministry)"),
    ("province", "Province"),
    ("district", "District"),
    ("commune", "Commune"),
]
COMMENDATION_FORMS = [
    ("certificate_of_merit", "Certificate of Merit (Bằng khen)"),
    ("letter_of_commendation", "Letter of Commendation (Giấy khen)"),
    ("emulation_flag", "Emulation Flag (Cờ thi đua)"),
    ("public_commendation", "Public Commendation (Tuyên dương)"),
    ("other", "Other"),
]
_lt = LazyTranslate(__name__)


class OcopCommendation(models.Model):
    """A collective or an individual commended for OCOP work (the seed:
    "tuyên dương ... các tấm gương tập thể, cá nhân có thành tích tiêu biểu")."""

    _name = "ocop.commendation"
    _description = "OCOP Commendation"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "year desc, decision_date desc, id desc"

    # the programme office records the proposals and the decisions
    _ocop_transitions = {
        "propose": Transition(
            ("draft",), "proposed", groups=(PROGRAMME,), label=_lt("Proposing")
        ),
        "grant": Transition(
            ("proposed",), "granted", groups=(PROGRAMME,), label=_lt("Granting")
        ),
        "reset_draft": Transition(
            ("proposed", "granted"),
            "draft",
            groups=(PROGRAMME,),
            label=_lt("Resetting to draft"),
        ),
    }
    # a granted commendation is a decision: kept as recorded
    _ocop_frozen = {"granted": "__all__"}
    _ocop_territory_field = "admin_unit_id"

    name = fields.Char(
        string="Title",
        compute="_compute_name",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
    )
    cycle_id = fields.Many2one(
        "ocop.cycle", required=True, index=True, ondelete="restrict", tracking=True
    )
    year = fields.Integer(related="cycle_id.year", store=True)
    admin_unit_id = fields.Many2one(
        related="cycle_id.admin_unit_id", store=True, index=True, string="Territory"
    )
    province_id = fields.Many2one(
        related="cycle_id.province_id", store=True, index=True, string="Province"
    )
    recipient_kind = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        required=True,
        default="collective",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Recipient",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    achievement = fields.Text(required=True, tracking=True)
    proposed_by_id = fields.Many2one(
        "res.partner",
        string="Proposed by",
        domain="[('ocop_entity_type', '=', 'agency')]",
        tracking=True,
    )
    form = fields.Selection(
        COMMENDATION_FORMS,
        required=True,
        default="letter_of_commendation",
        tracking=True,
    )
    issuing_level = fields.Selection(ISSUING_LEVELS, tracking=True)
    issuing_authority = fields.Char(
        tracking=True, help="e.g. Chủ tịch UBND huyện Ia Grai."
    )
    decision_number = fields.Char(tracking=True, copy=False)
    decision_date = fields.Date(tracking=True, copy=False)
    decision_attachment_ids = fields.Many2many(
        "ir.attachment",
        "ocop_commendation_ir_attachment_rel",
        "commendation_id",
        "attachment_id",
        string="Decision Documents",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    reward_amount = fields.Monetary(string="Reward", tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("proposed", "Proposed"), ("granted", "Granted")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "reward_positive",
            "CHECK(reward_amount >= 0)",
            "A reward cannot be negative.",
        ),
    ]

    @api.depends("partner_id", "form")
    def _compute_name(self):
        forms = dict(self._fields["form"]._description_selection(self.env))
        for commendation in self:
            if commendation.partner_id:
                commendation.name = _(
                    "%(form)s: %(recipient)s",
                    form=forms.get(commendation.form, ""),
                    recipient=commendation.partner_id.name,
                )

    @api.constrains("reward_amount")
    def _check_reward_amount(self):
        for commendation in self:
            if commendation.reward_amount < 0:
                raise ValidationError(
                    _(
                        "%(commendation)s: a reward cannot be negative.",
                        commendation=commendation.name,
                    )
                )

    @api.constrains("decision_date", "cycle_id")
    def _check_decision_date(self):
        for commendation in self:
            date = commendation.decision_date
            if date and date.year < commendation.cycle_id.year:
                raise ValidationError(
                    _(
                        "%(commendation)s: the decision cannot be dated before the "
                        "year %(year)s of its cycle.",
                        commendation=commendation.name,
                        year=commendation.cycle_id.year,
                    )
                )

    def action_propose(self):
        self._ocop_transition("propose")

    def action_grant(self):
        self._ocop_check_transition(self._ocop_transitions["grant"])
        for commendation in self:
            if not commendation.decision_number or not commendation.decision_date:
                raise UserError(
                    _(
                        "%(commendation)s: enter the number and date of the "
                        "commendation decision before recording it as granted.",
                        commendation=commendation.name,
                    )
                )
        self._ocop_transition("grant")

    def action_reset_draft(self):
        self._ocop_transition("reset_draft")
