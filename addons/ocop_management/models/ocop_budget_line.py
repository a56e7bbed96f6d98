# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount
from odoo.tools.translate import LazyTranslate

from ..workflow import PROGRAMME, Transition

BUDGET_SOURCES = [
    ("central", "Central Budget"),
    ("provincial", "Provincial Budget"),
    ("district", "District Budget"),
    ("commune", "Commune Budget"),
    ("credit", "Credit"),
    ("producer", "Producer's Own Funds"),
    ("other", "Other"),
]
_lt = LazyTranslate(__name__)


class OcopBudgetLine(models.Model):
    """Money for the programme in one cycle and unit, from one source: what was
    allocated, what supports committed and what they disbursed."""

    _name = "ocop.budget.line"
    _description = "OCOP Budget Line"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "year desc, id desc"

    # allocating the funds and closing the line are the programme office's
    _ocop_transitions = {
        "allocate": Transition(
            ("expected",), "allocated", groups=(PROGRAMME,), label=_lt("Allocating")
        ),
        "close": Transition(
            ("allocated",), "closed", groups=(PROGRAMME,), label=_lt("Closing")
        ),
        "reopen": Transition(
            ("closed",), "allocated", groups=(PROGRAMME,), label=_lt("Reopening")
        ),
    }
    # computed from the supports; who allowed an overrun is recorded, not
    # entered
    _ocop_guarded_fields = (
        "committed_amount",
        "disbursed_amount",
        "remaining_amount",
        "uncommitted_amount",
        "overrun_user_id",
    )
    _ocop_frozen = {"closed": "__all__"}
    _ocop_territory_field = "admin_unit_id"

    name = fields.Char(string="Purpose", required=True, tracking=True)
    cycle_id = fields.Many2one(
        "ocop.cycle", required=True, index=True, ondelete="restrict", tracking=True
    )
    year = fields.Integer(related="cycle_id.year", store=True)
    admin_unit_id = fields.Many2one(
        "ocop.admin.unit",
        string="Unit",
        compute="_compute_admin_unit_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The unit whose budget this is: the cycle's territory or a unit in it.",
    )
    province_id = fields.Many2one(
        related="admin_unit_id.province_id", store=True, index=True, string="Province"
    )
    source = fields.Selection(BUDGET_SOURCES, required=True, index=True, tracking=True)
    decision_ref = fields.Char(
        string="Allocation Decision",
        tracking=True,
        help="The decision that allocates the funds, e.g. its number and date.",
    )
    date_allocated = fields.Date(string="Allocated on", tracking=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    allocated_amount = fields.Monetary(string="Allocated", tracking=True)
    committed_amount = fields.Monetary(
        string="Committed",
        compute="_compute_amounts",
        store=True,
        help="Sum of the amounts of the supports paid from this line, except "
        "cancelled ones.",
    )
    disbursed_amount = fields.Monetary(
        string="Disbursed",
        compute="_compute_amounts",
        store=True,
        help="Sum of what the supports paid from this line have disbursed.",
    )
    remaining_amount = fields.Monetary(
        string="Remaining",
        compute="_compute_amounts",
        store=True,
        help="Allocated minus disbursed.",
    )
    uncommitted_amount = fields.Monetary(
        string="Uncommitted",
        compute="_compute_amounts",
        store=True,
        help="Allocated minus committed.",
    )
    support_ids = fields.One2many("ocop.support", "budget_line_id", string="Supports")
    support_count = fields.Integer(compute="_compute_support_count")
    allow_overrun = fields.Boolean(
        string="Allow Disbursing over the Allocation",
        tracking=True,
        copy=False,
        help="An explicit, recorded decision to disburse more than allocated "
        "(e.g. while a budget supplement is on its way). Needs a reason.",
    )
    overrun_reason = fields.Text(tracking=True, copy=False)
    overrun_user_id = fields.Many2one(
        "res.users",
        string="Overrun Allowed by",
        readonly=True,
        copy=False,
        tracking=True,
    )
    state = fields.Selection(
        [("expected", "Expected"), ("allocated", "Allocated"), ("closed", "Closed")],
        default="expected",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        help="Expected: waiting for the budget (the seed: funds are allocated once "
        "the national target programme budget arrives); nothing can be "
        "disbursed yet.",
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "allocated_positive",
            "CHECK(allocated_amount >= 0)",
            "An allocated amount cannot be negative.",
        ),
    ]

    @api.depends("cycle_id")
    def _compute_admin_unit_id(self):
        for line in self:
            if not line.admin_unit_id or (
                line.cycle_id and not line._unit_in_territory()
            ):
                line.admin_unit_id = line.cycle_id.admin_unit_id

    def _unit_in_territory(self):
        self.ensure_one()
        territory = self.cycle_id.admin_unit_id
        return (self.admin_unit_id.parent_path or "").startswith(
            territory.parent_path or "/"
        )

    @api.depends(
        "allocated_amount",
        "support_ids.amount",
        "support_ids.disbursed_amount",
        "support_ids.state",
    )
    def _compute_amounts(self):
        saved = self.filtered("id")
        totals = {}
        if saved.ids:
            # sudo: the totals count every support, not those the user sees.
            supports = self.env["ocop.support"].sudo()
            for line, state, amount, disbursed in supports._read_group(
                [("budget_line_id", "in", saved.ids)],
                ["budget_line_id", "state"],
                ["amount:sum", "disbursed_amount:sum"],
            ):
                committed_sum, disbursed_sum = totals.get(line.id, (0.0, 0.0))
                if state != "cancelled":
                    committed_sum += amount
                totals[line.id] = (committed_sum, disbursed_sum + disbursed)
        for line in self:
            if line.id:
                committed, disbursed = totals.get(line.id, (0.0, 0.0))
            else:  # a new line in a form: its supports are in memory only
                supports = line.support_ids
                committed = sum(
                    supports.filtered(lambda s: s.state != "cancelled").mapped("amount")
                )
                disbursed = sum(supports.mapped("disbursed_amount"))
            line.committed_amount = committed
            line.disbursed_amount = disbursed
            line.remaining_amount = line.allocated_amount - disbursed
            line.uncommitted_amount = line.allocated_amount - committed

    def _compute_support_count(self):
        counts = dict(
            self.env["ocop.support"]._read_group(
                [("budget_line_id", "in", self.ids)], ["budget_line_id"], ["__count"]
            )
        )
        for line in self:
            line.support_count = counts.get(line, 0)

    @api.constrains("cycle_id", "admin_unit_id")
    def _check_unit(self):
        for line in self:
            if not line._unit_in_territory():
                raise ValidationError(
                    _(
                        "%(line)s: %(unit)s is not in the territory of the cycle "
                        "%(cycle)s.",
                        line=line.name,
                        unit=line.admin_unit_id.display_name,
                        cycle=line.cycle_id.display_name,
                    )
                )

    @api.constrains("allocated_amount", "allow_overrun", "overrun_reason", "state")
    def _check_overrun(self):
        """Disbursed may exceed allocated only by an explicit override with a
        reason; nothing may be disbursed from funds not yet allocated. Also
        called when a support's amounts or budget line change."""
        for line in self:
            if line.allow_overrun and not (line.overrun_reason or "").strip():
                raise ValidationError(
                    _(
                        "%(line)s: give the reason for allowing more to be "
                        "disbursed than allocated.",
                        line=line.name,
                    )
                )
            if line.currency_id.is_zero(line.disbursed_amount):
                continue
            if line.state == "expected":
                raise ValidationError(
                    _(
                        "%(line)s: the funds have not been allocated yet, nothing "
                        "can be disbursed from this budget line (disbursed: "
                        "%(disbursed)s).",
                        line=line.name,
                        disbursed=format_amount(
                            self.env, line.disbursed_amount, line.currency_id
                        ),
                    )
                )
            over = line.currency_id.compare_amounts(
                line.disbursed_amount, line.allocated_amount
            )
            if over > 0 and not line.allow_overrun:
                raise ValidationError(
                    _(
                        "%(line)s: %(disbursed)s would be disbursed, more than the "
                        "%(allocated)s allocated. Reduce the disbursement, or allow "
                        "the overrun on the budget line and give the reason.",
                        line=line.name,
                        disbursed=format_amount(
                            self.env, line.disbursed_amount, line.currency_id
                        ),
                        allocated=format_amount(
                            self.env, line.allocated_amount, line.currency_id
                        ),
                    )
                )

    @api.constrains("allocated_amount")
    def _check_allocated_amount(self):
        for line in self:
            if line.allocated_amount < 0:
                raise ValidationError(
                    _(
                        "%(line)s: an allocated amount cannot be negative.",
                        line=line.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # who allowed an overrun: the user who asked for it
        lines.filtered("allow_overrun")._ocop_write({"overrun_user_id": self.env.uid})
        return lines

    def write(self, vals):
        if "allow_overrun" in vals and not vals["allow_overrun"]:
            vals = dict(vals)
            vals.setdefault("overrun_reason", False)
        res = super().write(vals)
        if "allow_overrun" in vals:
            self._ocop_write(
                {"overrun_user_id": self.env.uid if vals["allow_overrun"] else False}
            )
        return res

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def action_allocate(self):
        self._ocop_check_transition(self._ocop_transitions["allocate"])
        for line in self:
            if line.currency_id.is_zero(line.allocated_amount):
                raise UserError(
                    _(
                        "%(line)s: enter the allocated amount before marking the "
                        "funds as allocated.",
                        line=line.name,
                    )
                )
        for line in self:
            line._ocop_transition(
                "allocate",
                {
                    "date_allocated": line.date_allocated
                    or fields.Date.context_today(line)
                },
            )

    def action_close(self):
        self._ocop_transition("close")

    def action_reopen(self):
        self._ocop_transition("reopen")

    def _check_open_for_supports(self):
        for line in self:
            if line.state == "closed":
                raise UserError(
                    _(
                        "The budget line %(line)s is closed: reopen it before "
                        "changing the supports paid from it.",
                        line=line.name,
                    )
                )

    def action_view_supports(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Supports"),
            "res_model": "ocop.support",
            "view_mode": "list,kanban,form,pivot,graph",
            "domain": [("budget_line_id", "=", self.id)],
            "context": {
                "default_budget_line_id": self.id,
                "default_cycle_id": self.cycle_id.id,
            },
        }
