# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EventBooth(models.Model):
    """A booth of an OCOP fair, rented by (assigned to) a producer, with the
    OCOP products it shows and the support given for taking part."""

    _inherit = "event.booth"

    ocop_kind = fields.Selection(related="event_id.ocop_kind")
    ocop_is_producer = fields.Boolean(
        related="partner_id.commercial_partner_id.ocop_is_producer",
        string="Renter Is an OCOP Producer",
    )
    ocop_product_ids = fields.Many2many(
        "ocop.product",
        "event_booth_ocop_product_rel",
        "booth_id",
        "ocop_product_id",
        string="OCOP Products Shown",
        help="The OCOP products of the producer shown and sold at the booth.",
    )
    ocop_currency_id = fields.Many2one(related="event_id.ocop_currency_id")
    ocop_support_amount = fields.Monetary(
        string="Support Amount",
        currency_field="ocop_currency_id",
        tracking=True,
        help="Value of the support given to the producer for taking part "
        "(booth fee, transport, accommodation…).",
    )
    ocop_support_note = fields.Char(
        string="Support Given",
        help="What the producer received for taking part, e.g. free booth and "
        "transport of the goods.",
    )
    ocop_lead_count = fields.Integer(
        string="Leads", compute="_compute_ocop_lead_count", compute_sudo=True
    )

    def _compute_ocop_lead_count(self):
        counts = {}
        if self.ids:
            counts = dict(
                self.env["crm.lead"]
                .with_context(active_test=False)
                ._read_group(
                    [("ocop_booth_id", "in", self.ids)], ["ocop_booth_id"], ["__count"]
                )
            )
        for booth in self:
            booth.ocop_lead_count = counts.get(booth, 0)

    @api.constrains("ocop_product_ids", "partner_id")
    def _check_ocop_products(self):
        for booth in self.filtered("ocop_product_ids"):
            renter = booth.partner_id.commercial_partner_id
            producers = booth.ocop_product_ids.sudo().producer_id
            if (renter and producers != renter) or len(producers) > 1:
                raise ValidationError(
                    _(
                        "The booth %(booth)s shows OCOP products of %(producers)s; "
                        "a booth shows the products of the producer it is "
                        "assigned to (%(renter)s).",
                        booth=booth.display_name,
                        producers=", ".join(producers.mapped("display_name")),
                        renter=renter.display_name or _("no renter"),
                    )
                )

    def action_ocop_capture_lead(self):
        self.ensure_one()
        return self.env["ocop.lead.capture"]._action_open(
            event=self.event_id, booth=self
        )
