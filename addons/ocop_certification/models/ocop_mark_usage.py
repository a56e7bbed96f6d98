# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class OcopMarkUsage(models.Model):
    """Use of the "OCOP Việt Nam" certification mark (QĐ 1162/QĐ-VPĐP-OCOP)
    by a certified product, on one medium, from a start date to the end of the
    certificate's validity."""

    _name = "ocop.mark.usage"
    _description = "Use of the OCOP Mark"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

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
        tracking=True,
        index=True,
    )
    suspension_reason = fields.Text(tracking=True)
    end_reason = fields.Text(tracking=True)

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
            usage.display_name = (
                f"{usage.product_id.name or ''} - {media.get(usage.medium, '')}"
            )

    def action_suspend(self, reason=None):
        if not reason:
            raise UserError(_("Give the reason for suspending the use of the mark."))
        for usage in self:
            if usage.state != "active":
                raise UserError(_("Only a use in force can be suspended."))
        self.write({"state": "suspended", "suspension_reason": reason})

    def action_restore(self):
        for usage in self:
            if usage.state != "suspended":
                raise UserError(_("Only a suspended use can be restored."))
        self.write({"state": "active", "suspension_reason": False})

    def action_end(self, reason=None):
        self._end(reason or _("Ended by the programme office."))

    def _end(self, reason):
        today = fields.Date.context_today(self)
        for usage in self:
            usage.write(
                {
                    "state": "ended",
                    "end_reason": reason,
                    "date_end": min(today, usage.date_end or today),
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
