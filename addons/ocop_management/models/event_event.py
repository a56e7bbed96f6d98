# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

OCOP_EVENT_KINDS = [
    ("fair", "OCOP Fair"),
    ("connection", "Supply–Demand Connection"),
]
OCOP_EVENT_LEVELS = [
    ("commune", "Commune"),
    ("district", "District"),
    ("province", "Province"),
    ("region", "Regional"),
    ("national", "National"),
    ("international", "International"),
]


class EventEvent(models.Model):
    """An OCOP fair or supply–demand connection event is an Odoo event: its
    booths are ``event.booth`` records rented by producers, its visitors'
    leads are ``crm.lead`` records (``event_id``), and its results are read
    from CRM and sales, never copied."""

    _inherit = "event.event"

    ocop_kind = fields.Selection(
        OCOP_EVENT_KINDS,
        string="OCOP Event Type",
        index=True,
        tracking=True,
        help="Set for the trade-promotion events of the OCOP programme: fairs "
        "and supply–demand connection events (kết nối cung cầu).",
    )
    ocop_level = fields.Selection(
        OCOP_EVENT_LEVELS,
        string="Level",
        tracking=True,
        help="Level of the event, from a commune fair to an international one.",
    )
    ocop_admin_unit_id = fields.Many2one(
        "ocop.admin.unit",
        string="Administrative Unit",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The province or commune where the event takes place.",
    )
    ocop_province_id = fields.Many2one(
        related="ocop_admin_unit_id.province_id",
        string="Province",
        store=True,
        index=True,
    )
    ocop_campaign_id = fields.Many2one(
        "utm.campaign",
        string="Campaign",
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The UTM campaign of the event. Leads captured at the event and "
        "the quotations made from them carry it, so that sales can be traced "
        "back to the event. Created with the event.",
    )
    ocop_producer_ids = fields.Many2many(
        "res.partner",
        "event_event_ocop_producer_rel",
        "event_id",
        "partner_id",
        string="OCOP Producers Taking Part",
        compute="_compute_ocop_participants",
        store=True,
    )
    ocop_product_ids = fields.Many2many(
        "ocop.product",
        "event_event_ocop_product_rel",
        "event_id",
        "ocop_product_id",
        string="OCOP Products Shown",
        compute="_compute_ocop_participants",
        store=True,
    )
    ocop_currency_id = fields.Many2one(
        "res.currency", string="OCOP Currency", compute="_compute_ocop_currency_id"
    )
    ocop_support_amount = fields.Monetary(
        string="Support Given",
        currency_field="ocop_currency_id",
        compute="_compute_ocop_support_amount",
        help="Total support given to the producers for taking part (sum of "
        "the booths).",
    )
    ocop_lead_count = fields.Integer(
        string="OCOP Leads", compute="_compute_ocop_results", compute_sudo=True
    )
    ocop_quotation_count = fields.Integer(
        string="OCOP Quotations", compute="_compute_ocop_results", compute_sudo=True
    )
    ocop_order_count = fields.Integer(
        string="OCOP Orders", compute="_compute_ocop_results", compute_sudo=True
    )
    ocop_revenue = fields.Monetary(
        string="OCOP Revenue",
        currency_field="ocop_currency_id",
        compute="_compute_ocop_results",
        compute_sudo=True,
        help="Untaxed amount of the confirmed sales orders attributed to the "
        "event, as in the sales analysis.",
    )

    @api.depends(
        "event_booth_ids.partner_id.commercial_partner_id.ocop_is_producer",
        "event_booth_ids.ocop_product_ids",
    )
    def _compute_ocop_participants(self):
        for event in self:
            booths = event.event_booth_ids
            partners = booths.partner_id.commercial_partner_id
            event.ocop_producer_ids = (
                partners.filtered("ocop_is_producer")
                | booths.ocop_product_ids.producer_id
            )
            event.ocop_product_ids = booths.ocop_product_ids

    @api.depends("company_id")
    def _compute_ocop_currency_id(self):
        for event in self:
            event.ocop_currency_id = (
                event.company_id.currency_id or self.env.company.currency_id
            )

    @api.depends("event_booth_ids.ocop_support_amount")
    def _compute_ocop_support_amount(self):
        for event in self:
            event.ocop_support_amount = sum(
                event.event_booth_ids.mapped("ocop_support_amount")
            )

    def _compute_ocop_results(self):
        """Leads, quotations, orders and revenue, a few grouped queries for
        the whole recordset whatever the number of leads and orders."""
        events = self.filtered("id")
        leads = orders = revenue = {}
        quotations = {}
        if events:
            leads = dict(
                self.env["crm.lead"]
                .with_context(active_test=False)
                ._read_group(
                    [("event_id", "in", events.ids)], ["event_id"], ["__count"]
                )
            )
            orders_by_state = self.env["sale.order"]._read_group(
                [
                    ("ocop_event_id", "in", events.ids),
                    ("company_id", "in", self.env.companies.ids),
                ],
                ["ocop_event_id", "state"],
                ["__count"],
            )
            quotations, orders = {}, {}
            for event, state, count in orders_by_state:
                if state in ("draft", "sent"):
                    quotations[event] = quotations.get(event, 0) + count
                elif state == "sale":
                    orders[event] = orders.get(event, 0) + count
            revenue = self.env["sale.report"]._ocop_revenue_by(
                "ocop_event_id", [("ocop_event_id", "in", events.ids)]
            )
        for event in self:
            event.ocop_lead_count = leads.get(event, 0)
            event.ocop_quotation_count = quotations.get(event, 0)
            event.ocop_order_count = orders.get(event, 0)
            event.ocop_revenue = revenue.get(event, 0.0)

    # ------------------------------------------------------------------
    # Campaign
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._ocop_ensure_campaign()
        return events

    def write(self, vals):
        res = super().write(vals)
        if vals.get("ocop_kind"):
            self._ocop_ensure_campaign()
        return res

    def _ocop_ensure_campaign(self):
        """Give each OCOP event its own UTM campaign (named after it)."""
        events = self.filtered(lambda e: e.ocop_kind and not e.ocop_campaign_id)
        if not events:
            return
        campaigns = (
            self.env["utm.campaign"]
            .sudo()
            .create([{"title": event.name} for event in events])
        )
        for event, campaign in zip(events, campaigns, strict=True):
            event.ocop_campaign_id = campaign

    # ------------------------------------------------------------------
    # Deletion
    # ------------------------------------------------------------------
    @api.ondelete(at_uninstall=False)
    def _unlink_except_ocop_results(self):
        ocop_events = self.filtered("ocop_kind")
        if not self:
            return
        has_leads = ocop_events and self.env["crm.lead"].sudo().with_context(
            active_test=False
        ).search_count([("event_id", "in", ocop_events.ids)], limit=1)
        has_orders = (
            self.env["sale.order"]
            .sudo()
            .search_count([("ocop_event_id", "in", self.ids)], limit=1)
        )
        if has_leads or has_orders:
            raise UserError(
                _(
                    "%(events)s cannot be deleted: leads or sales orders are "
                    "attributed to it, and its results would be lost. Archive "
                    "it instead.",
                    events=", ".join(self.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_ocop_capture_lead(self):
        self.ensure_one()
        return self.env["ocop.lead.capture"]._action_open(event=self)

    def action_ocop_view_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_management.ocop_crm_lead_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id,
            "active_test": False,
        }
        return action

    def action_ocop_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action["domain"] = [("ocop_event_id", "=", self.id)]
        action["context"] = {"default_ocop_event_id": self.id}
        return action

    def action_ocop_view_analysis(self):
        self.ensure_one()
        return self.env["sale.report"]._ocop_analysis_action(
            [("ocop_event_id", "=", self.id)], groupby="ocop_product_id"
        )
