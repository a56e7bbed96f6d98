# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html


class OcopLeadCapture(models.TransientModel):
    """Quick capture of a buyer met at an OCOP fair's booth: a few fields that
    fit a phone screen. It creates an ordinary ``crm.lead`` carrying the fair,
    the booth, the producer, the OCOP products and the fair's UTM campaign."""

    _name = "ocop.lead.capture"
    _description = "Capture a Lead at an OCOP Fair"

    event_id = fields.Many2one(
        "event.event",
        string="Fair / Event",
        required=True,
        domain="[('ocop_kind', '!=', False)]",
        default=lambda self: self._default_event_id(),
    )
    booth_id = fields.Many2one("event.booth", domain="[('event_id', '=', event_id)]")
    producer_id = fields.Many2one(
        "res.partner",
        string="OCOP Producer",
        compute="_compute_producer_id",
        store=True,
        readonly=False,
        domain="[('ocop_is_producer', '=', True)]",
    )
    allowed_product_ids = fields.Many2many(
        "ocop.product", compute="_compute_allowed_product_ids"
    )
    ocop_product_ids = fields.Many2many(
        "ocop.product",
        string="Interested In",
        domain="[('id', 'in', allowed_product_ids)]",
    )
    contact_name = fields.Char(string="Name", required=True)
    partner_name = fields.Char(string="Company")
    phone = fields.Char()
    email = fields.Char()
    note = fields.Text(string="Notes", help="Quantities, prices, next step…")
    lead_id = fields.Many2one("crm.lead", string="Last Lead", readonly=True)

    @api.model
    def _default_event_id(self):
        """The OCOP event going on now, if there is exactly one."""
        now = fields.Datetime.now()
        events = self.env["event.event"].search(
            [
                ("ocop_kind", "!=", False),
                ("date_begin", "<=", now),
                ("date_end", ">=", now),
            ],
            limit=2,
        )
        return events.id if len(events) == 1 else False

    @api.depends("booth_id.partner_id")
    def _compute_producer_id(self):
        for wizard in self:
            renter = wizard.booth_id.partner_id.commercial_partner_id
            if renter.ocop_is_producer:
                wizard.producer_id = renter

    @api.depends("booth_id.ocop_product_ids", "producer_id", "event_id")
    def _compute_allowed_product_ids(self):
        Product = self.env["ocop.product"]
        for wizard in self:
            if wizard.booth_id.ocop_product_ids:
                wizard.allowed_product_ids = wizard.booth_id.ocop_product_ids
            elif wizard.producer_id:
                wizard.allowed_product_ids = Product.search(
                    [("producer_id", "=", wizard.producer_id.id)]
                )
            else:
                wizard.allowed_product_ids = wizard.event_id.ocop_product_ids

    @api.onchange("event_id")
    def _onchange_event_id(self):
        if self.booth_id.event_id != self.event_id:
            self.booth_id = False

    def _prepare_lead_values(self):
        self.ensure_one()
        return {
            "name": _(
                "%(contact)s at %(event)s",
                contact=self.partner_name or self.contact_name,
                event=self.event_id.name,
            ),
            "contact_name": self.contact_name,
            "partner_name": self.partner_name,
            "phone": self.phone,
            "email_from": self.email,
            "event_id": self.event_id.id,
            "ocop_booth_id": self.booth_id.id,
            "ocop_producer_id": self.producer_id.id,
            "ocop_product_ids": [fields.Command.set(self.ocop_product_ids.ids)],
            "description": plaintext2html(self.note) if self.note else False,
            "referred": self.event_id.name,
            "user_id": self.env.user.id,
        }

    def _create_lead(self):
        self.ensure_one()
        if not (self.phone or self.email):
            raise UserError(
                _("Give a phone number or an e-mail address to reach the buyer.")
            )
        lead = self.env["crm.lead"].create(self._prepare_lead_values())
        self.lead_id = lead
        return lead

    def action_capture(self):
        lead = self._create_lead()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("Lead “%(lead)s” saved.", lead=lead.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_capture_and_new(self):
        self._create_lead()
        return self._action_open(event=self.event_id, booth=self.booth_id)

    @api.model
    def _action_open(self, event=None, booth=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_management.ocop_lead_capture_action"
        )
        context = {}
        if event:
            context["default_event_id"] = event.id
        if booth:
            context["default_booth_id"] = booth.id
        action["context"] = context
        return action
