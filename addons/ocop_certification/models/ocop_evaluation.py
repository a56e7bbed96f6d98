# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ocop_management.workflow import (
    COUNCIL,
    PROGRAMME,
    Transition,
)


class OcopEvaluation(models.Model):
    """One council member's scoring sheet (phiếu đánh giá) for one dossier."""

    _name = "ocop.evaluation"
    _description = "OCOP Scoring Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "session_id desc, dossier_id, member_id"
    _rec_name = "dossier_id"

    _ocop_transitions = {
        "submit": Transition(
            ("draft",),
            "submitted",
            groups=(COUNCIL,),
            territory=False,
            check="_check_own_sheet",
        ),
        # the council's secretary (or an OCOP manager), with a reason
        "reopen": Transition(
            ("submitted",),
            "draft",
            groups=(COUNCIL, PROGRAMME),
            territory=False,
            check="_check_secretary",
            reason=True,
        ),
    }
    # where the sheet counts is the session's decision, not the member's
    _ocop_guarded_fields = ("submitted_on", "session_id", "dossier_id", "member_id")
    _ocop_frozen = {"submitted": "__all__"}
    # sheets are handed out when the session starts scoring
    _ocop_create_by_transition = True

    session_id = fields.Many2one(
        "ocop.council.session", required=True, index=True, ondelete="cascade"
    )
    council_id = fields.Many2one(
        related="session_id.council_id", store=True, index=True
    )
    dossier_id = fields.Many2one(
        "ocop.dossier", required=True, index=True, ondelete="cascade"
    )
    product_id = fields.Many2one(related="dossier_id.product_id")
    product_code = fields.Char(related="dossier_id.product_code")
    criteria_set_id = fields.Many2one(related="dossier_id.criteria_set_id")
    member_id = fields.Many2one(
        "ocop.council.member",
        string="Council Seat",
        required=True,
        index=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        related="member_id.user_id", store=True, index=True, string="Member"
    )
    line_ids = fields.One2many(
        "ocop.evaluation.line", "evaluation_id", string="Criteria"
    )
    points_a = fields.Float(string="Part A", compute="_compute_totals", store=True)
    points_b = fields.Float(string="Part B", compute="_compute_totals", store=True)
    points_c = fields.Float(string="Part C", compute="_compute_totals", store=True)
    total = fields.Float(compute="_compute_totals", store=True)
    answered_count = fields.Integer(compute="_compute_totals", store=True)
    line_count = fields.Integer(compute="_compute_totals", store=True)
    opinion = fields.Text(help="The member's opinion on the product.")
    state = fields.Selection(
        [("draft", "To Score"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    submitted_on = fields.Datetime(readonly=True, copy=False)
    knockout_line_ids = fields.One2many(
        "ocop.evaluation.line",
        "evaluation_id",
        domain=[("knockout", "=", True)],
        string="Knock-outs",
    )

    _sql_constraints = [
        (
            "member_dossier_session_uniq",
            "unique(session_id, dossier_id, member_id)",
            "A member has one sheet per dossier and session.",
        ),
    ]

    @api.depends("line_ids.points", "line_ids.part_code", "line_ids.option_id")
    def _compute_totals(self):
        for sheet in self:
            parts = {"A": 0.0, "B": 0.0, "C": 0.0}
            answered = 0
            for line in sheet.line_ids:
                if line.option_id:
                    answered += 1
                    parts[line.part_code] = parts.get(line.part_code, 0.0) + line.points
            sheet.points_a = parts["A"]
            sheet.points_b = parts["B"]
            sheet.points_c = parts["C"]
            sheet.total = sum(parts.values())
            sheet.answered_count = answered
            sheet.line_count = len(sheet.line_ids)

    def _check_own_sheet(self):
        for sheet in self:
            if sheet.user_id != self.env.user and not self.env.su:
                raise AccessError(
                    _("Only %(member)s fills this sheet.", member=sheet.user_id.name)
                )

    @api.constrains("session_id", "dossier_id", "member_id")
    def _check_place(self):
        for sheet in self:
            if sheet.member_id.council_id != sheet.session_id.council_id:
                raise ValidationError(
                    _("The sheet's member does not sit in the session's council.")
                )
            if sheet.dossier_id.session_id != sheet.session_id:
                raise ValidationError(
                    _("The sheet's dossier is not on the session's agenda.")
                )

    def _check_secretary(self):
        if self.env.user.has_group("ocop_management.group_ocop_manager"):
            return
        for sheet in self:
            if self.env.user != sheet.council_id.secretary_id:
                raise AccessError(_("Only the council's secretary reopens a sheet."))

    def action_submit(self):
        self._ocop_check_transition(self._ocop_transitions["submit"])
        for sheet in self:
            # The sheet is the user's own (checked above): its lines are read
            # without the council members' record rule, whose "others' sheets
            # once yours is submitted" branch scans every sheet of the council
            # (105 ms at the national benchmark, 2 ms without).
            missing = sheet.sudo().line_ids.filtered(lambda line: not line.option_id)
            if missing:
                raise UserError(
                    _(
                        "Tick one option for every criterion before submitting; "
                        "missing: %(codes)s.",
                        codes=", ".join(missing.criterion_id.mapped("code")),
                    )
                )
            # and so is its session (read without the sessions' record rule:
            # one query less on every submission)
            if sheet.sudo().session_id.state != "scoring":
                raise UserError(_("The session is not scoring."))
        self._ocop_transition("submit", {"submitted_on": fields.Datetime.now()})
        self.activity_feedback(["ocop_certification.mail_activity_type_scoring"])
        # The result is the council's, not the member's: computed as superuser.
        self.dossier_id.sudo()._compute_council_result()

    def action_reopen(self, reason=None):
        """Only the council's secretary (or an OCOP manager) reopens a sheet,
        with a reason kept in the chatter."""
        if not reason:
            raise UserError(_("Give the reason for reopening the sheet."))
        self._ocop_check_transition(self._ocop_transitions["reopen"], reason)
        for sheet in self:
            if sheet.session_id.state != "scoring":
                raise UserError(_("The session is closed."))
        # the secretary may not write the member's sheet otherwise: the
        # transition writes as superuser once checked, and keeps the reason
        self.sudo()._ocop_transition("reopen", {"submitted_on": False}, reason=reason)
        # The result is the council's, not the member's: computed as superuser.
        self.dossier_id.sudo()._compute_council_result()

    def action_open_reopen_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.evaluation.reopen",
            "view_mode": "form",
            "target": "new",
            "context": {"default_evaluation_id": self.id},
        }
