# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    """The fair and the distribution channel an order is attributed to.

    Both are computed from what the order already says — its opportunity
    (``sale_crm``), its UTM campaign, its customer and its sales team — and
    stay editable, with tracking, by the salesperson."""

    _inherit = "sale.order"

    ocop_event_id = fields.Many2one(
        "event.event",
        string="OCOP Fair / Event",
        compute="_compute_ocop_event_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        domain="[('ocop_kind', '!=', False)]",
        help="The OCOP fair or supply–demand connection event that brought the "
        "order: the event of its opportunity, or the event whose campaign the "
        "order carries.",
    )
    ocop_channel_id = fields.Many2one(
        "ocop.distribution.channel",
        string="Distribution Channel",
        compute="_compute_ocop_channel_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        help="The distribution channel the order goes through: the channel "
        "operated by the customer (or its company), else the channel of the "
        "sales team. A channel chosen by hand is kept.",
    )

    @api.depends("opportunity_id.event_id.ocop_kind", "campaign_id")
    def _compute_ocop_event_id(self):
        campaigns = self.campaign_id
        by_campaign = {}
        if campaigns:
            events = self.env["event.event"].search(
                [
                    ("ocop_campaign_id", "in", campaigns.ids),
                    ("ocop_kind", "!=", False),
                ],
                order="date_begin desc, id desc",
            )
            for event in events:
                by_campaign.setdefault(event.ocop_campaign_id, event)
        for order in self:
            event = order.opportunity_id.event_id
            if event.ocop_kind:
                order.ocop_event_id = event
            elif order.campaign_id in by_campaign:
                order.ocop_event_id = by_campaign[order.campaign_id]

    @api.depends("partner_id.commercial_partner_id", "team_id")
    def _compute_ocop_channel_id(self):
        finder = self.env["ocop.distribution.channel"]._channel_finder(
            self.partner_id | self.partner_id.commercial_partner_id, self.team_id
        )
        for order in self:
            channel = finder(order.partner_id, order.team_id)
            if channel:
                order.ocop_channel_id = channel
