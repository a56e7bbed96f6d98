# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount

from odoo.addons.ocop_management.workflow import INSPECTOR, PROGRAMME, Transition

from .ocop_certificate import REVOCATION_GROUNDS

# What an applied violation may no longer change.
LOCKED_FIELDS = {
    "inspection_id",
    "line_id",
    "description",
    "legal_basis",
    "action",
    "fine_amount",
    "revocation_ground",
}


class OcopInspectionViolation(models.Model):
    """A violation found by an inspection and the action taken on it. The
    action is applied once, when the inspection is completed (or earlier,
    from the violation's Apply button, e.g. to suspend the mark at once):

    - warning: a message to the producer;
    - suspend: the certificate's uses of the OCOP mark in force are suspended;
    - propose revocation: the certificate's revocation is proposed to the
      programme officers, who decide within 15 days of the finding;
    - fine: the fine is recorded on the inspection.

    A follow-up activity is scheduled for the lead inspector at the
    follow-up deadline; the violation is done once remedied."""

    _name = "ocop.inspection.violation"
    _description = "OCOP Inspection Violation"
    _inherit = ["ocop.workflow.mixin"]
    _order = "inspection_id, sequence, id"

    # The inspection's team or the programme office of its territory (the
    # inspection's check); the chatter line is the inspection's.
    _ocop_transitions = {
        "apply": Transition(
            ("open",),
            None,
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_inspection_team",
        ),
        "close": Transition(
            ("open",),
            "done",
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_inspection_team",
        ),
    }
    _ocop_guarded_fields = ("applied", "applied_date", "followup_activity_id")
    _ocop_frozen = {"done": "__all__"}
    _ocop_territory_field = "inspection_id.commune_id"

    inspection_id = fields.Many2one(
        "ocop.inspection", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    line_id = fields.Many2one(
        "ocop.inspection.line",
        string="Checklist Item",
        domain="[('inspection_id', '=', inspection_id)]",
        ondelete="set null",
    )
    description = fields.Text(required=True)
    legal_basis = fields.Char(
        help="e.g. Điều 5, Quy chế ban hành kèm QĐ 1162/QĐ-VPĐP-OCOP"
    )
    action = fields.Selection(
        [
            ("warning", "Warning"),
            ("suspend", "Suspend Mark Use"),
            ("propose_revocation", "Propose Revocation"),
            ("fine", "Fine"),
        ],
        required=True,
        default="warning",
    )
    currency_id = fields.Many2one(related="inspection_id.currency_id")
    fine_amount = fields.Monetary()
    revocation_ground = fields.Selection(REVOCATION_GROUNDS)
    followup_deadline = fields.Date(string="Follow-up Deadline")
    state = fields.Selection(
        [("open", "Open"), ("done", "Done")],
        string="Status",
        default="open",
        required=True,
        readonly=True,
    )
    applied = fields.Boolean(readonly=True, copy=False)
    applied_date = fields.Date(readonly=True, copy=False)
    followup_activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, ondelete="set null"
    )
    certificate_id = fields.Many2one(related="inspection_id.certificate_id")
    producer_id = fields.Many2one(related="inspection_id.producer_id")
    inspection_state = fields.Selection(
        related="inspection_id.state", string="Inspection Status"
    )

    _sql_constraints = [
        (
            "fine_amount_positive",
            "CHECK(fine_amount IS NULL OR fine_amount >= 0)",
            "A fine cannot be negative.",
        ),
    ]

    @api.constrains("action", "fine_amount", "revocation_ground", "inspection_id")
    def _check_action(self):
        for violation in self:
            # a negative amount: _check_amount_and_dates
            if violation.action == "fine" and not violation.fine_amount:
                raise ValidationError(_("Give the amount of the fine."))
            if (
                violation.action == "propose_revocation"
                and not violation.revocation_ground
            ):
                raise ValidationError(
                    _("Give the ground on which the revocation is proposed.")
                )
            if (
                violation.action in ("suspend", "propose_revocation")
                and not violation.inspection_id.certificate_id
            ):
                raise ValidationError(
                    _(
                        "Suspending the mark or proposing a revocation needs the "
                        "certificate of the inspection."
                    )
                )

    @api.constrains("fine_amount", "followup_deadline", "inspection_id")
    def _check_amount_and_dates(self):
        for violation in self:
            if violation.fine_amount < 0:
                raise ValidationError(_("A fine cannot be negative."))
            deadline = violation.followup_deadline
            if deadline:
                found = violation.inspection_id._inspection_date()
                if deadline < found:
                    raise ValidationError(
                        _(
                            "The follow-up deadline (%(deadline)s) cannot precede "
                            "the inspection (%(date)s).",
                            deadline=deadline.strftime("%d/%m/%Y"),
                            date=found.strftime("%d/%m/%Y"),
                        )
                    )

    @api.constrains("line_id", "inspection_id")
    def _check_line(self):
        for violation in self:
            if (
                violation.line_id
                and violation.line_id.inspection_id != violation.inspection_id
            ):
                raise ValidationError(
                    _("The checklist item belongs to another inspection.")
                )

    @api.onchange("action")
    def _onchange_action(self):
        if self.action != "fine":
            self.fine_amount = 0.0
        if self.action != "propose_revocation":
            self.revocation_ground = False

    @api.depends("description", "inspection_id")
    def _compute_display_name(self):
        for violation in self:
            violation.display_name = (violation.description or "").split("\n")[0][:80]

    # ------------------------------------------------------------------
    # CRUD guards
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        violations = super().create(vals_list)
        closed = violations.inspection_id.filtered(
            lambda i: i.state in ("done", "cancelled")
        )
        if closed:
            raise UserError(
                _(
                    "%(name)s is closed: no violation can be added to it.",
                    name=closed[0].name,
                )
            )
        # a violation is a finding of the inspection's team
        violations.inspection_id._check_inspection_team()
        return violations

    def write(self, vals):
        if LOCKED_FIELDS & set(vals):
            for violation in self:
                if violation.applied or violation.inspection_state == "cancelled":
                    raise UserError(
                        _(
                            'The violation "%(violation)s" can no longer be '
                            "changed: its action is applied or the inspection "
                            "cancelled.",
                            violation=violation.display_name,
                        )
                    )
        res = super().write(vals)
        if "followup_deadline" in vals:
            for violation in self.filtered("followup_activity_id"):
                if violation.followup_deadline:
                    violation.followup_activity_id.date_deadline = (
                        violation.followup_deadline
                    )
                else:
                    violation.followup_activity_id.unlink()
        return res

    def unlink(self):
        if any(violation.applied for violation in self):
            raise UserError(
                _("A violation whose action has been applied cannot be deleted.")
            )
        self.followup_activity_id.unlink()
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_inspection_team(self):
        self.inspection_id._check_inspection_team()

    def _ocop_check_territory(self):
        self.inspection_id._ocop_check_territory()

    def action_apply(self):
        """Apply the action now, before the inspection is completed."""
        for violation in self:
            if violation.inspection_state != "in_progress":
                raise UserError(
                    _(
                        "The action of a violation is applied during the "
                        "inspection or when it is completed."
                    )
                )
            if violation.applied:
                raise UserError(
                    _("The action of this violation has already been applied.")
                )
        self._ocop_check_transition(self._ocop_transitions["apply"])
        self._apply()

    def action_close(self):
        """The violation is remedied: its follow-up is done."""
        for violation in self:
            if not violation.applied or violation.state != "open":
                raise UserError(
                    _("Only an open violation whose action is applied can be closed.")
                )
        self._ocop_transition("close")
        for violation in self:
            activity = violation.followup_activity_id
            if activity:
                activity.action_feedback(feedback=_("The violation is remedied."))
            violation.inspection_id.message_post(
                body=_(
                    "Violation remedied: %(violation)s",
                    violation=violation.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _apply(self):
        today = fields.Date.context_today(self)
        for violation in self:
            getattr(violation, f"_apply_{violation.action}")()
            violation._ocop_write({"applied": True, "applied_date": today})
            violation._schedule_followup()

    def _action_label(self):
        self.ensure_one()
        return dict(self._fields["action"]._description_selection(self.env))[
            self.action
        ]

    def _certificate_in_force(self):
        certificate = self.inspection_id.certificate_id
        if certificate.state not in ("valid", "expiring"):
            raise UserError(
                _(
                    "%(action)s: the certificate %(name)s is no longer in force.",
                    action=self._action_label(),
                    name=certificate.name,
                )
            )
        return certificate

    def _apply_warning(self):
        inspection = self.inspection_id
        inspection.message_post(
            body=_(
                "Warning to %(producer)s after inspection %(name)s: %(violation)s",
                producer=inspection.producer_id.name,
                name=inspection.name,
                violation=self.description,
            ),
            partner_ids=inspection.producer_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _apply_suspend(self):
        inspection = self.inspection_id
        certificate = self._certificate_in_force()
        usages = certificate.mark_usage_ids.filtered(lambda u: u.state == "active")
        if usages:
            usages.action_suspend(
                _(
                    "Inspection %(name)s of %(date)s: %(violation)s",
                    name=inspection.name,
                    date=inspection._inspection_date(),
                    violation=self.description,
                )
            )
            body = _(
                "Use of the OCOP mark suspended (%(usages)s): %(violation)s",
                usages=", ".join(usages.mapped("display_name")),
                violation=self.description,
            )
        else:
            body = _(
                "No use of the OCOP mark in force to suspend for %(certificate)s.",
                certificate=certificate.name,
            )
        inspection.message_post(body=body, subtype_xmlid="mail.mt_note")

    def _apply_propose_revocation(self):
        inspection = self.inspection_id
        certificate = self._certificate_in_force()
        note = _(
            "Inspection %(name)s: %(violation)s",
            name=inspection.name,
            violation=self.description,
        )
        if self.legal_basis:
            note = f"{note} ({self.legal_basis})"
        # Inspectors read certificates but may not change them: the proposal
        # (not the revocation, decided by the programme officers) is their
        # duty, so it is made with the rights of the system.
        certificate.sudo()._propose_revocation(
            self.revocation_ground, inspection._inspection_date(), note
        )
        grounds = dict(
            self._fields["revocation_ground"]._description_selection(self.env)
        )
        inspection.message_post(
            body=_(
                "Revocation of %(certificate)s proposed (%(ground)s): the decision "
                "is due by %(deadline)s.",
                certificate=certificate.name,
                ground=grounds[self.revocation_ground],
                deadline=certificate.revocation_deadline,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _apply_fine(self):
        inspection = self.inspection_id
        inspection.message_post(
            body=_(
                "Fine of %(amount)s recorded against %(producer)s: %(violation)s",
                amount=format_amount(self.env, self.fine_amount, self.currency_id),
                producer=inspection.producer_id.name,
                violation=self.description,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _schedule_followup(self):
        self.ensure_one()
        inspection = self.inspection_id
        if not self.followup_deadline or self.followup_activity_id:
            return
        activity = inspection.activity_schedule(
            "ocop_certification.mail_activity_type_inspection_followup",
            date_deadline=self.followup_deadline,
            user_id=inspection.lead_inspector_id.id,
            summary=_("Follow up: %(violation)s", violation=self.display_name),
            note=self.description,
        )
        self._ocop_write({"followup_activity_id": activity.id})
