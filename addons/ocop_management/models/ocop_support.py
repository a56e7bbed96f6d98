# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from ..workflow import PROGRAMME, Transition

SUPPORT_TYPES = [
    ("credit", "Credit"),
    ("science_technology", "Science and Technology"),
    ("value_chain", "Value-chain Links"),
    ("vocational_training", "Vocational Training"),
    ("scale_up", "Scale-up of Production"),
    ("quality_standards", "Quality Standards"),
    ("packaging_labels", "Packaging and Labels"),
    ("intellectual_property", "Intellectual Property and Trademarks"),
    ("food_safety", "Food-safety Dossier"),
    ("trade_promotion", "Trade Promotion"),
    ("other", "Other"),
]
_lt = LazyTranslate(__name__)


class OcopSupport(models.Model):
    """A support given to a producer while it carries out its business plan
    (step 4)."""

    _name = "ocop.support"
    _description = "OCOP Support"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "date_start desc, id desc"

    # supports are given by the programme office
    _ocop_transitions = {
        "start": Transition(
            ("planned",), "ongoing", groups=(PROGRAMME,), label=_lt("Starting")
        ),
        "done": Transition(
            ("planned", "ongoing"), "done", groups=(PROGRAMME,), label=_lt("Closing")
        ),
        "cancel": Transition(
            ("planned", "ongoing"),
            "cancelled",
            groups=(PROGRAMME,),
            label=_lt("Cancelling"),
        ),
    }
    # a cancelled support is kept as it was (what it paid stays paid)
    _ocop_frozen = {"cancelled": "__all__"}

    name = fields.Char(required=True, tracking=True)
    plan_id = fields.Many2one(
        "ocop.business.plan",
        string="Business Plan",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    cycle_id = fields.Many2one(
        "ocop.cycle",
        compute="_compute_from_plan",
        store=True,
        readonly=False,
        index=True,
        ondelete="restrict",
    )
    producer_id = fields.Many2one(
        "res.partner",
        compute="_compute_from_plan",
        store=True,
        readonly=False,
        index=True,
        domain="[('ocop_is_producer', '=', True)]",
        ondelete="restrict",
    )
    product_id = fields.Many2one(
        "ocop.product",
        string="OCOP Product",
        compute="_compute_from_plan",
        store=True,
        readonly=False,
        index=True,
        ondelete="restrict",
    )
    commune_id = fields.Many2one(
        related="producer_id.ocop_admin_unit_id", store=True, index=True
    )
    province_id = fields.Many2one(
        related="commune_id.province_id", store=True, index=True
    )
    support_type = fields.Selection(
        SUPPORT_TYPES, string="Type", required=True, tracking=True, index=True
    )
    agency_id = fields.Many2one(
        "res.partner",
        string="Providing Agency",
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(tracking=True, help="Value of the support.")
    disbursed_amount = fields.Monetary(
        tracking=True, help="What has actually been paid out."
    )
    budget_line_id = fields.Many2one(
        "ocop.budget.line",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    date_start = fields.Date(default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(tracking=True)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("ongoing", "Ongoing"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
        index=True,
    )
    outcome = fields.Text()

    @api.depends("plan_id")
    def _compute_from_plan(self):
        for support in self:
            if support.plan_id:
                support.cycle_id = support.plan_id.cycle_id
                support.producer_id = support.plan_id.producer_id
                support.product_id = support.plan_id.product_id

    @api.constrains("amount", "disbursed_amount", "producer_id")
    def _check_amounts(self):
        for support in self:
            if not support.producer_id:
                raise ValidationError(
                    _("%(name)s: choose the producer supported.", name=support.name)
                )
            if support.amount < 0 or support.disbursed_amount < 0:
                raise ValidationError(
                    _("%(name)s: amounts cannot be negative.", name=support.name)
                )
            if support.disbursed_amount > support.amount:
                raise ValidationError(
                    _(
                        "%(name)s: more is disbursed than the support's amount.",
                        name=support.name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for support in self:
            if (
                support.date_start
                and support.date_end
                and support.date_end < support.date_start
            ):
                raise ValidationError(_("A support cannot end before it starts."))

    def action_start(self):
        self._ocop_transition("start")

    def action_done(self):
        self._ocop_transition("done")

    def action_cancel(self):
        self._ocop_transition("cancel")
