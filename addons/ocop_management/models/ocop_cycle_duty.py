# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..workflow import COMMUNE, PROGRAMME, Transition
from .ocop_cycle import CYCLE_STEPS
from .ocop_duty_template import TEMPLATE_ROLES

DUTY_STATES = [
    ("todo", "To Do"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
ACTIVITY_TYPE = "ocop_management.mail_activity_type_ocop_duty"
_lt = LazyTranslate(__name__)


class OcopCycleDuty(models.Model):
    """A duty of an agency (or a commune) in one yearly cycle: who, what, by
    when, and the evidence that it was done."""

    _name = "ocop.cycle.duty"
    _description = "OCOP Agency Duty"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "deadline, sequence, id"

    _ocop_transitions = {
        # the officers of the duty's unit carry it out, and so does its
        # responsible user, wherever they work (_check_duty_actor)
        "start": Transition(
            ("todo",),
            "in_progress",
            groups=(COMMUNE,),
            territory=False,
            check="_check_duty_actor",
            label=_lt("Starting"),
        ),
        "done": Transition(
            ("todo", "in_progress"),
            "done",
            groups=(COMMUNE,),
            territory=False,
            check="_check_duty_actor",
            label=_lt("Marking as done"),
        ),
        # the programme office that gave the duty drops or reopens it
        "cancel": Transition(
            ("todo", "in_progress"),
            "cancelled",
            groups=(PROGRAMME,),
            label=_lt("Cancelling"),
        ),
        "reset": Transition(
            ("done", "cancelled"), "todo", groups=(PROGRAMME,), label=_lt("Reopening")
        ),
    }
    _ocop_guarded_fields = ("date_done",)
    # the evidence of a duty done stays as it was recorded
    _ocop_frozen = {"done": ("evidence_note", "evidence_attachment_ids", "deadline")}
    _ocop_territory_field = "admin_unit_id"

    name = fields.Char(string="Duty", required=True, tracking=True)
    description = fields.Text()
    sequence = fields.Integer(default=10)
    cycle_id = fields.Many2one(
        "ocop.cycle",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    year = fields.Integer(related="cycle_id.year", store=True)
    template_id = fields.Many2one(
        "ocop.duty.template",
        index=True,
        ondelete="set null",
        readonly=True,
    )
    period = fields.Integer(
        string="Reporting Period",
        default=0,
        readonly=True,
        help="Month (or quarter) of a periodic report; 0 for a duty done once.",
    )
    section = fields.Char(string="Source Section")
    step = fields.Selection(CYCLE_STEPS, string="Cycle Step", tracking=True)
    agency_role = fields.Selection(TEMPLATE_ROLES, string="Owner Role", index=True)
    agency_name = fields.Char(string="Owner as Named")
    agency_id = fields.Many2one(
        "res.partner",
        string="Owner Agency",
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('ocop_entity_type', '=', 'agency')]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="Gets an activity due on the deadline.",
    )
    admin_unit_id = fields.Many2one(
        "ocop.admin.unit",
        string="Unit",
        compute="_compute_admin_unit_id",
        store=True,
        index=True,
        help="The owner agency's unit when it lies in the cycle's territory "
        "(e.g. a commune), otherwise the cycle's territory.",
    )
    province_id = fields.Many2one(
        related="admin_unit_id.province_id", store=True, index=True, string="Province"
    )
    deadline = fields.Date(required=True, index=True, tracking=True)
    date_done = fields.Date(string="Done on", readonly=True, copy=False)
    state = fields.Selection(
        DUTY_STATES,
        default="todo",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    evidence_note = fields.Text(
        string="Evidence",
        help="What was done: documents issued, events held, numbers reached.",
    )
    evidence_attachment_ids = fields.Many2many(
        "ir.attachment",
        "ocop_cycle_duty_ir_attachment_rel",
        "duty_id",
        "attachment_id",
        string="Evidence Documents",
    )
    color = fields.Integer()

    def init(self):
        # The last guard of the duty plan's idempotence: one duty per cycle,
        # template, owner and period.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS ocop_cycle_duty_plan_uniq
                ON ocop_cycle_duty
                   (cycle_id, template_id, COALESCE(agency_id, 0), period)
             WHERE template_id IS NOT NULL
            """
        )

    @api.depends("cycle_id.admin_unit_id", "agency_id.ocop_admin_unit_id")
    def _compute_admin_unit_id(self):
        for duty in self:
            territory = duty.cycle_id.admin_unit_id
            unit = duty.agency_id.ocop_admin_unit_id
            if (
                unit
                and territory
                and (unit.parent_path or "").startswith(territory.parent_path or "/")
            ):
                duty.admin_unit_id = unit
            else:
                duty.admin_unit_id = territory

    @api.constrains("deadline", "cycle_id")
    def _check_deadline(self):
        for duty in self:
            if duty.deadline and duty.deadline.year < duty.cycle_id.year:
                raise ValidationError(
                    _(
                        "%(duty)s: the deadline %(deadline)s falls before the year "
                        "%(year)s of its cycle.",
                        duty=duty.name,
                        deadline=format_date(self.env, duty.deadline),
                        year=duty.cycle_id.year,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        duties = super().create(vals_list)
        duties._sync_deadline_activities()
        return duties

    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "deadline", "name", "state"} & set(vals):
            self._sync_deadline_activities()
        return res

    def _sync_deadline_activities(self):
        """One activity per open duty, for its responsible user, due on its
        deadline. Done duties mark it done, cancelled ones drop it."""
        activity_type = self.env.ref(ACTIVITY_TYPE, raise_if_not_found=False)
        if not activity_type or not self:
            return
        Activity = self.env["mail.activity"]
        existing = Activity.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_duty = {activity.res_id: activity for activity in existing}
        model_id = self.env["ir.model"]._get_id(self._name)
        to_create = []
        to_unlink = Activity
        for duty in self:
            activity = by_duty.get(duty.id)
            if duty.state in ("done", "cancelled") or not duty.user_id:
                if activity and duty.state == "done":
                    activity.action_feedback(
                        feedback=_("Duty done on %(date)s.", date=duty.date_done)
                    )
                elif activity:
                    to_unlink |= activity
                continue
            vals = {
                "user_id": duty.user_id.id,
                "date_deadline": duty.deadline,
                "summary": duty.name[:200],
            }
            if activity:
                changed = {
                    key: value
                    for key, value in vals.items()
                    if (activity[key].id if key == "user_id" else activity[key])
                    != value
                }
                if changed:
                    activity.write(changed)
            else:
                to_create.append(
                    dict(
                        vals,
                        res_model_id=model_id,
                        res_id=duty.id,
                        activity_type_id=activity_type.id,
                    )
                )
        to_unlink.unlink()
        if to_create:
            Activity.create(to_create)

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _ocop_check_transition(self, transition, reason=None):
        if (
            transition is self._ocop_transitions["reset"]
            and not self.env.su
            and not self.env.user.has_group(PROGRAMME)
        ):
            raise AccessError(_("Only a programme officer can reopen a duty."))
        return super()._ocop_check_transition(transition, reason)

    def _check_duty_actor(self):
        """The responsible user acts on their own duties; anyone else only on
        the duties of their territory."""
        self.filtered(
            lambda duty: duty.user_id != self.env.user
        )._ocop_check_territory()

    def action_start(self):
        self._ocop_transition("start")

    def action_done(self):
        self._ocop_check_transition(self._ocop_transitions["done"])
        for duty in self:
            if (
                not (duty.evidence_note or "").strip()
                and not duty.evidence_attachment_ids
            ):
                raise UserError(
                    _(
                        "Record the evidence of the duty %(duty)s (a note or a "
                        "document) before marking it as done.",
                        duty=duty.name,
                    )
                )
        self._ocop_transition("done", {"date_done": fields.Date.context_today(self)})
        self._create_next_periods()

    def action_cancel(self):
        self._ocop_transition("cancel")

    def action_reset(self):
        self._ocop_transition("reset", {"date_done": False})

    def _create_next_periods(self):
        """A periodic duty done: the next period's duty, same owner."""
        vals_list = []
        for duty in self.filtered(lambda d: d.period and d.template_id):
            cycle, template = duty.cycle_id, duty.template_id
            period = duty.period + 1
            if period > template._last_period(cycle):
                continue
            if cycle.duty_ids.filtered(
                lambda d, t=template, p=period, a=duty.agency_id: (
                    d.template_id == t and d.period == p and d.agency_id == a
                )
            ):
                continue
            vals_list.append(
                cycle._duty_plan_vals(template, duty.agency_id, period, duty.user_id)
            )
        if vals_list:
            # The next report follows from the one done, whoever did it (a
            # commune officer may not create duties).
            self.sudo().create(vals_list)
