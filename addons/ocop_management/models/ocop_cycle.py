# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..workflow import PROGRAMME, Transition

# The six steps of the yearly OCOP cycle (QĐ 26/2026; the seed letter, part II.2).
CYCLE_STEPS = [
    ("1", "Publicity and survey of potential products"),
    ("2", "Product ideas"),
    ("3", "Business plans"),
    ("4", "Carrying out the plans"),
    ("5", "Evaluation and star rating"),
    ("6", "Trade promotion"),
]
# Default deadlines (month, day) of each step, after the seed: the district
# evaluates before September.
DEFAULT_STEP_DEADLINES = {
    "1": (3, 31),
    "2": (4, 30),
    "3": (5, 31),
    "4": (7, 31),
    "5": (8, 31),
    "6": (12, 31),
}
_lt = LazyTranslate(__name__)
# A closed cycle is kept as it ran; it may still be archived.
CLOSED_FIELDS = (
    "name",
    "year",
    "admin_unit_id",
    "legal_framework",
    "programme_office_id",
    "step_ids",
    "report_frequency",
    "report_due_day",
    "report_reminder_days",
)


class OcopCycle(models.Model):
    """A programme year (chu trình OCOP thường niên) for a territory."""

    _name = "ocop.cycle"
    _description = "OCOP Yearly Cycle"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "year desc, id desc"

    # the programme office of the territory runs its cycle
    _ocop_transitions = {
        "start": Transition(
            ("draft",), "running", groups=(PROGRAMME,), label=_lt("Starting the cycle")
        ),
        "close": Transition(
            ("running",), "closed", groups=(PROGRAMME,), label=_lt("Closing the cycle")
        ),
    }
    _ocop_frozen = {"closed": CLOSED_FIELDS}
    _ocop_territory_field = "admin_unit_id"

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    admin_unit_id = fields.Many2one(
        "ocop.admin.unit",
        string="Territory",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('level', 'in', ('province', 'district'))]",
        help="The province (or, for records before 7/2025, the district) that "
        "runs the cycle.",
        tracking=True,
    )
    province_id = fields.Many2one(
        related="admin_unit_id.province_id", store=True, index=True
    )
    legal_framework = fields.Char(
        help="The decision in force for the cycle, e.g. QĐ 26/2026/QĐ-TTg.",
        default="QĐ 26/2026/QĐ-TTg",
    )
    programme_office_id = fields.Many2one(
        "res.partner",
        domain="[('ocop_entity_type', '=', 'agency')]",
        help="The office that runs the cycle (e.g. the district agriculture office).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    step_ids = fields.One2many("ocop.cycle.step", "cycle_id", string="Steps", copy=True)
    report_frequency = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")],
        default="monthly",
        required=True,
    )
    report_due_day = fields.Integer(
        default=10,
        help="Units report before this day of the month (the seed: the 10th).",
    )
    report_reminder_days = fields.Integer(
        default=3,
        help="How many days before the due day the owner of a report still in "
        "draft is reminded.",
    )
    progress_report_ids = fields.One2many("ocop.progress.report", "cycle_id")
    progress_report_count = fields.Integer(compute="_compute_progress_report_count")
    state = fields.Selection(
        [("draft", "Planned"), ("running", "Running"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    note = fields.Html()
    potential_count = fields.Integer(compute="_compute_counts")
    idea_count = fields.Integer(compute="_compute_counts")
    plan_count = fields.Integer(compute="_compute_counts")
    support_count = fields.Integer(compute="_compute_counts")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "year_unit_uniq",
            "unique(year, admin_unit_id)",
            "A territory has one cycle per year.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "step_ids" not in vals:
                year = vals.get("year") or fields.Date.context_today(self).year
                vals["step_ids"] = [
                    Command.create(
                        {
                            "step": step,
                            "deadline": date(year, *DEFAULT_STEP_DEADLINES[step]),
                        }
                    )
                    for step, _label in CYCLE_STEPS
                ]
        return super().create(vals_list)

    def _compute_counts(self):
        for field_name, model in (
            ("potential_count", "ocop.potential.product"),
            ("idea_count", "ocop.product.idea"),
            ("plan_count", "ocop.business.plan"),
            ("support_count", "ocop.support"),
        ):
            counts = dict(
                self.env[model]._read_group(
                    [("cycle_id", "in", self.ids)], ["cycle_id"], ["__count"]
                )
            )
            for cycle in self:
                cycle[field_name] = counts.get(cycle, 0)

    @api.constrains("year", "report_due_day", "report_reminder_days")
    def _check_year_and_reporting(self):
        for cycle in self:
            if not 2000 <= cycle.year <= 2100:
                raise ValidationError(
                    _(
                        "%(cycle)s: %(year)s is not a valid year.",
                        cycle=cycle.name,
                        year=cycle.year,
                    )
                )
            if not 1 <= cycle.report_due_day <= 31:
                raise ValidationError(
                    _(
                        "%(cycle)s: the reports' due day is a day of the month, "
                        "from 1 to 31.",
                        cycle=cycle.name,
                    )
                )
            if not 0 <= cycle.report_reminder_days <= 31:
                raise ValidationError(
                    _(
                        "%(cycle)s: the reminder is sent from 0 to 31 days before "
                        "the due day.",
                        cycle=cycle.name,
                    )
                )

    def action_start(self):
        """Start the cycle: each step's deadline goes into the calendar and the
        responsible users get an activity due on it."""
        self._ocop_check_transition(self._ocop_transitions["start"])
        for cycle in self:
            cycle.step_ids._plan_deadlines()
        self._ocop_transition("start")

    def action_close(self):
        self._ocop_transition("close")

    def _action_open(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,kanban,form,pivot,graph",
            "domain": [("cycle_id", "=", self.id)],
            "context": {"default_cycle_id": self.id},
        }

    def action_view_potentials(self):
        return self._action_open("ocop.potential.product", _("Potential Products"))

    def action_view_ideas(self):
        return self._action_open("ocop.product.idea", _("Product Ideas"))

    def action_view_plans(self):
        return self._action_open("ocop.business.plan", _("Business Plans"))

    def action_view_supports(self):
        return self._action_open("ocop.support", _("Supports"))

    @api.model
    def _compute_progress_report_count(self):
        counts = dict(
            self.env["ocop.progress.report"]._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id"], ["__count"]
            )
        )
        for cycle in self:
            cycle.progress_report_count = counts.get(cycle, 0)

    def action_view_progress_reports(self):
        action = self._action_open("ocop.progress.report", _("Progress Reports"))
        action["context"] = {"search_default_filter_open": 1}
        return action

    def action_prepare_progress_reports(self):
        """Prepare the drafts of the current period now (the daily job does
        the same)."""
        today = fields.Date.context_today(self)
        Report = self.env["ocop.progress.report"]
        for cycle in self:
            if cycle.state != "running":
                raise UserError(_("Start the cycle before preparing its reports."))
            Report._prepare_cycle_period(cycle, today)
        return self.action_view_progress_reports()

    def _progress_reporting_units(self, on_date=None):
        """(communes, agencies) that report to this cycle's programme office:
        the communes in force of its territory, and the agencies holding
        duties in the cycle, other than the commune committees (their commune
        reports) and the programme office itself (it receives)."""
        self.ensure_one()
        on_date = on_date or fields.Date.context_today(self)
        communes = self.env["ocop.admin.unit"].search(
            [
                ("id", "child_of", self.admin_unit_id.id),
                ("level", "=", "commune"),
                "|",
                ("date_start", "=", False),
                ("date_start", "<=", on_date),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", on_date),
            ]
        )
        agencies = (
            self.env["ocop.cycle.duty"]
            .sudo()
            ._read_group(
                [("cycle_id", "=", self.id), ("agency_id", "!=", False)], ["agency_id"]
            )
        )
        agencies = self.env["res.partner"].browse([a.id for (a,) in agencies])
        agencies = agencies.filtered(
            lambda a: (
                a.ocop_agency_role != "commune_committee"
                and a != self.programme_office_id
            )
        )
        return communes, agencies

    def _progress_report_owners(self, communes, agencies):
        """Who prepares each report: a commune officer of the commune (not a
        programme officer), and for an agency the user of its duties."""
        owners = {}
        for commune in communes:
            officers = commune._officers(
                "ocop_management.group_ocop_commune_officer",
                exclude_xmlid="ocop_management.group_ocop_programme_officer",
            )
            if officers:
                owners[("unit", commune.id)] = officers[0]
        if agencies:
            duties = (
                self.env["ocop.cycle.duty"]
                .sudo()
                ._read_group(
                    [
                        ("cycle_id", "=", self.id),
                        ("agency_id", "in", agencies.ids),
                        ("user_id", "!=", False),
                    ],
                    ["agency_id"],
                    ["user_id:array_agg"],
                )
            )
            for agency, user_ids in duties:
                owners[("agency", agency.id)] = self.env["res.users"].browse(
                    min(user_ids)
                )
        return owners

    def _current_for(self, unit):
        """The running cycle of the territory containing ``unit``."""
        if not unit:
            return self.browse()
        return self.search(
            [
                ("state", "=", "running"),
                ("admin_unit_id", "parent_of", unit.id),
            ],
            order="year desc",
            limit=1,
        )
