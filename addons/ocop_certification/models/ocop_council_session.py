# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError


class OcopCouncilSession(models.Model):
    """A meeting of a council: a ``calendar.event`` with the members invited,
    the dossiers on the agenda, the attendance, the scoring."""

    _name = "ocop.council.session"
    _description = "OCOP Council Session"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

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
        dossiers = dict(
            self.env["ocop.dossier"]._read_group(
                [("session_id", "in", self.ids)], ["session_id"], ["__count"]
            )
        )
        sheets = dict(
            self.env["ocop.evaluation"]._read_group(
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

    def _check_state(self, allowed):
        for session in self:
            if session.state not in allowed:
                raise UserError(
                    _(
                        "The session %(name)s is %(state)s: this step is not "
                        "possible now.",
                        name=session.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[session.state],
                    )
                )

    def action_confirm(self):
        """Invite the members: a calendar event with every member as attendee."""
        self._check_state(("draft",))
        for session in self:
            members = session.council_id.member_ids
            session.calendar_event_id = self.env["calendar.event"].create(
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
            session.state = "confirmed"

    def action_start_scoring(self):
        """Check the quorum and hand every scoring member a sheet per dossier."""
        self._check_state(("confirmed",))
        for session in self:
            if not session.quorum_met:
                raise UserError(
                    _("No scoring without quorum: %(msg)s", msg=session.quorum_message)
                )
            if not session.dossier_ids:
                raise UserError(_("Put dossiers on the agenda first."))
            session.dossier_ids._check_ready_for_council()
            session.dossier_ids.write({"state": "council"})
            session._create_evaluations()
            session.state = "scoring"

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
        self._check_state(("scoring",))
        for session in self:
            if not session.quorum_met:
                raise UserError(
                    _(
                        "No scoring closes without quorum: %(msg)s",
                        msg=session.quorum_message,
                    )
                )
            session.dossier_ids._compute_council_result()
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
            session.dossier_ids._apply_council_result()
            session.state = "closed"

    def action_cancel(self):
        self._check_state(("draft", "confirmed"))
        self.calendar_event_id.unlink()
        self.write({"state": "cancelled"})

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_certification.ocop_evaluation_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["context"] = {"search_default_group_dossier": 1}
        return action
