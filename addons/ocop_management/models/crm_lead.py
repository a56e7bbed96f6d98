# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmLead(models.Model):
    """OCOP attribution of a lead: the fair it comes from (``event_id`` of
    ``event_crm``), the booth, the producer and the OCOP products the buyer is
    interested in. The fair's UTM campaign and source are set on the lead, and
    ``sale_crm`` carries them into the quotations."""

    _inherit = "crm.lead"

    ocop_kind = fields.Selection(related="event_id.ocop_kind", string="OCOP Event Type")
    ocop_booth_id = fields.Many2one(
        "event.booth",
        string="Booth",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        domain="[('event_id', '=', event_id)]",
        help="The booth of the fair where the lead was met.",
    )
    ocop_producer_id = fields.Many2one(
        "res.partner",
        string="OCOP Producer",
        compute="_compute_ocop_producer_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        domain="[('ocop_is_producer', '=', True)]",
        help="The producer whose OCOP products the buyer is interested in.",
    )
    ocop_commune_id = fields.Many2one(
        related="ocop_producer_id.ocop_admin_unit_id",
        store=True,
        index="btree_not_null",
        string="Producer's Commune",
    )
    ocop_product_ids = fields.Many2many(
        "ocop.product",
        "crm_lead_ocop_product_rel",
        "lead_id",
        "ocop_product_id",
        string="OCOP Products",
        help="The OCOP products the buyer is interested in.",
    )

    @api.depends("ocop_booth_id.partner_id", "ocop_product_ids")
    def _compute_ocop_producer_id(self):
        for lead in self:
            renter = lead.ocop_booth_id.partner_id.commercial_partner_id
            producers = lead.ocop_product_ids.producer_id
            if renter.ocop_is_producer:
                lead.ocop_producer_id = renter
            elif len(producers) == 1:
                lead.ocop_producer_id = producers

    @api.constrains("ocop_booth_id", "event_id", "ocop_product_ids", "ocop_producer_id")
    def _check_ocop_attribution(self):
        for lead in self.sudo():
            booth = lead.ocop_booth_id
            if booth and booth.event_id != lead.event_id:
                raise ValidationError(
                    _(
                        "The booth %(booth)s belongs to %(booth_event)s, not to "
                        "the lead's event %(event)s.",
                        booth=booth.display_name,
                        booth_event=booth.event_id.display_name,
                        event=lead.event_id.display_name or _("(none)"),
                    )
                )
            products = lead.ocop_product_ids
            if booth.ocop_product_ids and products - booth.ocop_product_ids:
                raise ValidationError(
                    _(
                        "%(products)s is not shown at the booth %(booth)s, which "
                        "sells %(shown)s.",
                        products=", ".join(
                            (products - booth.ocop_product_ids).mapped("display_name")
                        ),
                        booth=booth.display_name,
                        shown=", ".join(booth.ocop_product_ids.mapped("display_name")),
                    )
                )
            producer = lead.ocop_producer_id
            foreign = products.filtered(
                lambda p, producer=producer: p.producer_id != producer
            )
            if producer and foreign:
                raise ValidationError(
                    _(
                        "%(products)s is not an OCOP product of %(producer)s.",
                        products=", ".join(foreign.mapped("display_name")),
                        producer=producer.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        booth_ids = [
            vals["ocop_booth_id"] for vals in vals_list if vals.get("ocop_booth_id")
        ]
        booths = self.env["event.booth"].sudo().browse(booth_ids)
        for vals in vals_list:
            if vals.get("ocop_booth_id") and not vals.get("event_id"):
                vals["event_id"] = booths.browse(vals["ocop_booth_id"]).event_id.id
        self._ocop_set_utm(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("ocop_booth_id") and "event_id" not in vals:
            booth = self.env["event.booth"].sudo().browse(vals["ocop_booth_id"])
            vals = dict(vals, event_id=booth.event_id.id)
        res = super().write(vals)
        if vals.get("event_id"):
            self._ocop_fill_missing()
        return res

    def _ocop_fill_missing(self):
        """A lead linked to an OCOP event afterwards gets the event's campaign
        and source where it has none."""
        for lead in self:
            values = {"event_id": lead.event_id.id}
            values["campaign_id"] = lead.campaign_id.id
            values["source_id"] = lead.source_id.id
            self._ocop_set_utm([values])
            changes = {
                key: value
                for key, value in values.items()
                if value and lead[key].id != value
            }
            if changes:
                lead.write(changes)

    @api.model
    def _ocop_set_utm(self, vals_list):
        """Leads of an OCOP event get the event's campaign and the OCOP source
        unless they already have their own."""
        event_ids = {vals["event_id"] for vals in vals_list if vals.get("event_id")}
        if not event_ids:
            return
        events = self.env["event.event"].sudo().browse(event_ids)
        sources = {
            "fair": self.env.ref(
                "ocop_management.utm_source_ocop_fair", raise_if_not_found=False
            ),
            "connection": self.env.ref(
                "ocop_management.utm_source_ocop_connection", raise_if_not_found=False
            ),
        }
        for vals in vals_list:
            event = events.browse(vals.get("event_id") or [])
            if not event.ocop_kind:
                continue
            if not vals.get("campaign_id") and event.ocop_campaign_id:
                vals["campaign_id"] = event.ocop_campaign_id.id
            if not vals.get("source_id") and sources.get(event.ocop_kind):
                vals["source_id"] = sources[event.ocop_kind].id
