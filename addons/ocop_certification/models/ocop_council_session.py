# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ocop_management.workflow import (
    COUNCIL,
    MANAGER,
    PROGRAMME,
    Transition,
    permit,
)


class OcopCouncilSession(models.Model):
    """A meeting of a council: a ``calendar.event`` with the members invited,
    the dossiers on the agenda, the attendance, the scoring."""

    _name = "ocop.council.session"
    _description = "OCOP Council Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "date_start desc, id desc"

    # The programme office of the council's territory runs the session; the
    # council's secretary may close it.
    _ocop_transitions = {
        "confirm": Transition(
            ("draft",),
            "confirmed",
            groups=(PROGRAMME,),
            territory=False,
            check="_check_council_office",
        ),
        "start_scoring": Transition(
            ("confirmed",),
            "scoring",
            groups=(PROGRAMME,),
            territory=False,
            check="_check_council_office",
        ),
        "close": Transition(
            ("scoring",),
            "closed",
            groups=(PROGRAMME, COUNCIL),
            territory=False,
            check="_check_council_office_or_secretary",
        ),
        "cancel": Transition(
            ("draft", "confirmed"),
            "cancelled",
            groups=(PROGRAMME,),
            territory=False,
            check="_check_council_office",
        ),
    }
    _ocop_guarded_fields = ("calendar_event_id",)
    _ocop_frozen = {
        "scoring": ("council_id", "attendee_ids", "dossier_ids"),
        "closed": "__all__",
        "cancelled": "__all__",
    }
    _ocop_territory_field = "council_id.admin_unit_id"

    name = fields.Char(required=True, tracking=True)
    council_id = fields.Many2one(
        "ocop.council", required=True, index=True, ondelete="restrict", tracking=True
    )
    level = fields.Selection(related="council_id.level", store=True)
    framework_id = fields.Many2one(related="council_id.framework_id", store=True)
    date_start = fields.Datetime(
        string="Starts", required=True, default=fields.Datetime.now, tracking=True
    )
    duration = fields.Float(default=4.0, help="Hours")
    location = fields.Char()
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)
    dossier_ids = fields.One2many("ocop.dossier", "session_id", string="Agenda")
    dossier_count = fields.Integer(compute="_compute_counts")
    attendee_ids = fields.Many2many(
        "ocop.council.member",
        "ocop_council_session_attendee_rel",
        "session_id",
        "member_id",
        string="Present",
        domain="[('council_id', '=', council_id)]",
    )
    quorum_met = fields.Boolean(compute="_compute_quorum")
    quorum_message = fields.Char(compute="_compute_quorum")
    evaluation_ids = fields.One2many("ocop.evaluation", "session_id")
    evaluation_count = fields.Integer(compute="_compute_counts")
    state = fields.Selection(
        [
            ("draft", "Planned"),
            ("confirmed", "Invited"),
            ("scoring", "Scoring"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    minutes = fields.Html()

    def _compute_counts(self):
        # The sessions are readable by the user (their fields are being read):
        # the size of their agenda is counted as superuser, whoever reads it
        # (commune officers, inspectors and viewers may not read the sheets).
        # The sheets counted are those the user may open from the session;
        # none for a role without access to sheets.
        dossiers = dict(
            self.env["ocop.dossier"]
            .sudo()
            ._read_group([("session_id", "in", self.ids)], ["session_id"], ["__count"])
        )
        Sheet = self.env["ocop.evaluation"]
        sheets = {}
        if Sheet.has_access("read"):
            sheets = dict(
                Sheet._read_group(
                    [("session_id", "in", self.ids)], ["session_id"], ["__count"]
                )
            )
        for session in self:
            session.dossier_count = dossiers.get(session, 0)
            session.evaluation_count = sheets.get(session, 0)

    @api.depends("attendee_ids", "council_id.member_ids", "council_id.quorum_ratio")
    def _compute_quorum(self):
        for session in self:
            members = session.council_id.member_ids
            needed = math.ceil(len(members) * session.council_id.quorum_ratio - 1e-9)
            chair = members.filtered(lambda m: m.role == "chair")
            chair_present = not chair or chair in session.attendee_ids
            session.quorum_met = bool(
                members and len(session.attendee_ids) >= needed and chair_present
            )
            session.quorum_message = _(
                "%(present)s of %(total)s members present "
                "(%(needed)s needed%(chair)s).",
                present=len(session.attendee_ids),
                total=len(members),
                needed=needed,
                chair="" if chair_present else _(", the chair is missing"),
            )

    @api.constrains("duration")
    def _check_duration(self):
        for session in self:
            if session.duration < 0:
                raise ValidationError(
                    _("The duration of a council session cannot be negative.")
                )

    def _check_council_office(self):
        """A programme officer of the council's territory (the central
        council has none: OCOP managers)."""
        if self.env.user.has_group(MANAGER):
            return
        self._ocop_check_territory()
        if not self.env.user.has_group(PROGRAMME):
            raise AccessError(_("Only the programme office runs a council session."))

    def _check_council_office_or_secretary(self):
        if all(s.council_id.secretary_id == self.env.user for s in self):
            return
        self._check_council_office()

    def action_confirm(self):
        """Invite the members: a calendar event with every member as attendee."""
        self._ocop_check_transition(self._ocop_transitions["confirm"])
        for session in self:
            members = session.council_id.member_ids
            event = self.env["calendar.event"].create(
                {
                    "name": session.name,
                    "start": session.date_start,
                    "stop": session.date_start + timedelta(hours=session.duration or 1),
                    "location": session.location,
                    "partner_ids": [Command.set(members.partner_id.ids)],
                    "user_id": session.council_id.secretary_id.id or self.env.uid,
                    "description": _(
                        "OCOP council session: %(n)s dossiers on the agenda.",
                        n=len(session.dossier_ids),
                    ),
                }
            )
            session._ocop_transition("confirm", {"calendar_event_id": event.id})

    def action_start_scoring(self):
        """Check the quorum and hand every scoring member a sheet per dossier."""
        self._ocop_check_transition(self._ocop_transitions["start_scoring"])
        for session in self:
            if not session.quorum_met:
                raise UserError(
                    _("No scoring without quorum: %(msg)s", msg=session.quorum_message)
                )
            if not session.dossier_ids:
                raise UserError(_("Put dossiers on the agenda first."))
            session.dossier_ids._check_ready_for_council()
            session.dossier_ids._ocop_write({"state": "council"})
            session._create_evaluations()
            session._ocop_transition("start_scoring")

    def _create_evaluations(self):
        """One sheet per present scoring member and dossier, with one line per
        leaf criterion of the dossier's set, created in one batch."""
        self.ensure_one()
        scorers = self.attendee_ids.filtered("scores")
        existing = {(e.dossier_id.id, e.member_id.id) for e in self.evaluation_ids}
        vals_list = []
        for dossier in self.dossier_ids:
            leaves = dossier.criteria_set_id._leaf_criteria()
            for member in scorers:
                if (dossier.id, member.id) in existing:
                    continue
                vals_list.append(
                    {
                        "session_id": self.id,
                        "dossier_id": dossier.id,
                        "member_id": member.id,
                        "line_ids": [
                            Command.create({"criterion_id": leaf.id}) for leaf in leaves
                        ],
                    }
                )
        with permit([("ocop.evaluation", "create")]):
            evaluations = self.env["ocop.evaluation"].create(vals_list)
        for evaluation in evaluations:
            evaluation.activity_schedule(
                "ocop_certification.mail_activity_type_scoring",
                user_id=evaluation.user_id.id,
                date_deadline=fields.Date.context_today(self),
                summary=_(
                    "Score %(dossier)s", dossier=evaluation.dossier_id.display_name
                ),
            )
        return evaluations

    def action_close(self):
        """Close the session once every dossier has a result that may close."""
        self._ocop_check_transition(self._ocop_transitions["close"])
        for session in self:
            if not session.quorum_met:
                raise UserError(
                    _(
                        "No scoring closes without quorum: %(msg)s",
                        msg=session.quorum_message,
                    )
                )
            # the result is the council's, computed from every submitted
            # sheet whoever closes (the secretary reads no sheet lines)
            session.dossier_ids.sudo()._compute_council_result()
            blocked = session.dossier_ids.filtered("rescoring_required")
            if blocked:
                raise UserError(
                    _(
                        "The members' totals differ by more than %(max)s points for "
                        "%(dossiers)s: discuss and score again before closing.",
                        max=session.council_id.max_spread,
                        dossiers=", ".join(blocked.mapped("display_name")),
                    )
                )
            pending = session.evaluation_ids.filtered(lambda e: e.state != "submitted")
            if pending:
                raise UserError(
                    _(
                        "%(count)s scoring sheets are not submitted yet.",
                        count=len(pending),
                    )
                )
            # checked above: the secretary, who may not write dossiers or
            # sessions otherwise, closes through the transition as superuser
            session.dossier_ids.sudo()._apply_council_result()
            session.sudo()._ocop_transition("close")

    def action_cancel(self):
        self._ocop_check_transition(self._ocop_transitions["cancel"])
        self.calendar_event_id.unlink()
        self._ocop_transition("cancel")

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_certification.ocop_evaluation_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["context"] = {"search_default_group_dossier": 1}
        return action
