# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ocop_management.workflow import (
    INSPECTOR,
    MANAGER,
    PROGRAMME,
    Transition,
)


class OcopMarkUsage(models.Model):
    """Use of the "OCOP Việt Nam" certification mark (QĐ 1162/QĐ-VPĐP-OCOP)
    by a certified product, on one medium, from a start date to the end of the
    certificate's validity."""

    _name = "ocop.mark.usage"
    _description = "Use of the OCOP Mark"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "date_start desc, id desc"

    # Suspended and restored by the inspectors or the programme office of the
    # product's territory (or the team inspecting the certificate); ended by
    # the programme office (and by the certificate's expiry or revocation).
    _ocop_transitions = {
        "suspend": Transition(
            ("active",),
            "suspended",
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_mark_office",
            reason=True,
        ),
        "restore": Transition(
            ("suspended",),
            "active",
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_mark_office",
        ),
        "end": Transition(
            ("active", "suspended"),
            "ended",
            groups=(PROGRAMME,),
        ),
    }
    _ocop_guarded_fields = ("suspension_reason", "end_reason")
    _ocop_frozen = {
        "active": ("certificate_id",),
        "suspended": ("certificate_id",),
        "ended": "__all__",
    }
    _ocop_territory_field = "commune_id"

    certificate_id = fields.Many2one(
        "ocop.certificate",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    product_id = fields.Many2one(
        related="certificate_id.product_id", store=True, index=True
    )
    producer_id = fields.Many2one(
        related="certificate_id.producer_id", store=True, index=True
    )
    commune_id = fields.Many2one(
        related="certificate_id.commune_id", store=True, index=True
    )
    stars = fields.Integer(related="certificate_id.stars")
    medium = fields.Selection(
        [
            ("packaging", "Packaging and Labels"),
            ("premises", "Premises"),
            ("vehicles", "Vehicles"),
            ("advertising", "Advertising"),
            ("trade_documents", "Trade Documents"),
        ],
        required=True,
        tracking=True,
    )
    description = fields.Char(help="e.g. the packaging of the 500 g bag")
    date_start = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        compute="_compute_date_end",
        store=True,
        readonly=False,
        tracking=True,
        help="At the latest the end of the certificate's validity.",
    )
    state = fields.Selection(
        [("active", "In Use"), ("suspended", "Suspended"), ("ended", "Ended")],
        default="active",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    suspension_reason = fields.Text(readonly=True, tracking=True)
    end_reason = fields.Text(readonly=True, tracking=True)

    @api.depends("certificate_id.valid_until")
    def _compute_date_end(self):
        for usage in self:
            usage.date_end = usage.certificate_id.valid_until

    @api.constrains("state", "certificate_id", "date_start", "date_end")
    def _check_certificate_valid(self):
        for usage in self:
            certificate = usage.certificate_id
            if usage.state == "active" and certificate.state not in (
                "valid",
                "expiring",
            ):
                raise ValidationError(
                    _(
                        "The OCOP mark cannot be used while the certificate "
                        "%(name)s is not valid.",
                        name=certificate.name,
                    )
                )
            if usage.date_end and usage.date_end > (
                certificate.valid_until or usage.date_end
            ):
                raise ValidationError(
                    _(
                        "The mark may be used at most until the certificate "
                        "expires (%(date)s).",
                        date=certificate.valid_until,
                    )
                )
            if usage.date_end and usage.date_start > usage.date_end:
                raise ValidationError(_("The use of the mark ends before it starts."))

    @api.depends("product_id", "medium")
    def _compute_display_name(self):
        media = dict(self._fields["medium"]._description_selection(self.env))
        for usage in self:
            # inspectors read every use of the mark, not every product
            product = usage.product_id.sudo()
            usage.display_name = f"{product.name or ''} - {media.get(usage.medium, '')}"

    def _check_mark_office(self):
        """Programme officers act on the uses of their territory; inspectors
        on those of their territory, or of a certificate whose inspection
        (in progress or done) their team conducts; OCOP managers on all."""
        user = self.env.user
        if self.env.su or user.has_group(MANAGER):
            return
        inspected = self.browse()
        if user.has_group(INSPECTOR):
            inspections = (
                self.env["ocop.inspection"]
                .sudo()
                .search(
                    [
                        ("certificate_id", "in", self.certificate_id.ids),
                        ("state", "in", ("in_progress", "done")),
                        "|",
                        ("lead_inspector_id", "=", user.id),
                        ("inspector_ids", "in", user.id),
                    ]
                )
            )
            inspected = self.filtered(
                lambda u: u.certificate_id in inspections.certificate_id
            )
        (self - inspected)._ocop_check_territory()

    def action_suspend(self, reason=None):
        if not (reason and str(reason).strip()):
            raise UserError(_("Give the reason for suspending the use of the mark."))
        for usage in self:
            if usage.state != "active":
                raise UserError(_("Only a use in force can be suspended."))
        self._ocop_transition("suspend", {"suspension_reason": reason}, reason=reason)

    def action_restore(self):
        for usage in self:
            if usage.state != "suspended":
                raise UserError(_("Only a suspended use can be restored."))
        self._ocop_transition("restore", {"suspension_reason": False})

    def action_end(self, reason=None):
        self._ocop_check_transition(self._ocop_transitions["end"])
        self._end(reason or _("Ended by the programme office."))

    def _end(self, reason):
        """End the uses: from action_end, or as the consequence of the
        certificate's expiry (the job) or revocation (a transition of the
        certificate, which has checked the user)."""
        today = fields.Date.context_today(self)
        for usage in self:
            end = min(today, usage.date_end or today)
            usage._ocop_write(
                {
                    "state": "ended",
                    "end_reason": reason,
                    # a use planned to start later ends the day it starts
                    "date_end": max(end, usage.date_start or end),
                }
            )
            usage.message_post(body=reason)

    def action_open_suspend_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.mark.usage.suspend",
            "view_mode": "form",
            "target": "new",
            "context": {"default_usage_ids": self.ids},
        }
