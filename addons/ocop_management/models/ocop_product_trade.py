# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import fields, models

from .ocop_distribution_channel import AGENT_CHANNEL_TYPES, MODERN_CHANNEL_TYPES

# Types of channel whose market lies beyond the commune wherever they are.
WIDE_CHANNEL_TYPES = ("supermarket", "ecommerce", "export")
TOURISM_PRODUCT_SET = "ocop_management.product_group_qd26_set_26"

CRITERION_41_OPTIONS = [
    ("commune", "Market within the commune"),
    ("outside_lt5", "Outside the commune, fewer than 5 agents"),
    ("outside_ge5", "Outside the commune, 5 agents or more"),
    ("modern", "International contracts or modern channels"),
    ("tourism_1", "Tourism: at least one promoting agent"),
    ("tourism_3", "Tourism: 3 promoting agents or more"),
    ("tourism_5", "Tourism: 5 promoting agents or more"),
]


class OcopProduct(models.Model):
    """Trade promotion and distribution of an OCOP product: its channels, its
    sales and fairs, and the evidence criterion 4.1 (main distribution area)
    asks for, summarised from the channels and the confirmed sales."""

    _inherit = "ocop.product"

    channel_line_ids = fields.One2many(
        "ocop.distribution.channel.product",
        "ocop_product_id",
        string="Distribution Channels",
    )
    trade_channel_count = fields.Integer(
        string="Channels", compute="_compute_trade_evidence", compute_sudo=True
    )
    trade_agent_count = fields.Integer(
        string="Agents",
        compute="_compute_trade_evidence",
        compute_sudo=True,
        help="Markets and agents where the product is listed now.",
    )
    trade_modern_channel_count = fields.Integer(
        string="Modern Channels",
        compute="_compute_trade_evidence",
        compute_sudo=True,
        help="Supermarket chains and e-commerce stores where the product is "
        "listed now.",
    )
    trade_export_channel_count = fields.Integer(
        string="Export Markets", compute="_compute_trade_evidence", compute_sudo=True
    )
    trade_export_order_count = fields.Integer(
        string="Export Orders",
        compute="_compute_trade_evidence",
        compute_sudo=True,
        help="Confirmed orders of the product to customers abroad.",
    )
    trade_province_ids = fields.Many2many(
        "ocop.admin.unit",
        string="Provinces Covered",
        compute="_compute_trade_evidence",
        compute_sudo=True,
        help="Provinces of the channels listing the product and of the customers "
        "registered with an administrative unit.",
    )
    trade_country_ids = fields.Many2many(
        "res.country",
        string="Countries Reached",
        compute="_compute_trade_evidence",
        compute_sudo=True,
        help="Countries of the customers of confirmed orders.",
    )
    trade_customer_count = fields.Integer(
        string="Customers", compute="_compute_trade_evidence", compute_sudo=True
    )
    trade_outside_commune = fields.Boolean(
        string="Sold Outside the Commune",
        compute="_compute_trade_evidence",
        compute_sudo=True,
    )
    trade_criterion_41 = fields.Selection(
        CRITERION_41_OPTIONS,
        string="Criterion 4.1 (suggested)",
        compute="_compute_trade_evidence",
        compute_sudo=True,
        help="The option of criterion 4.1 the recorded channels and sales "
        "support. The council decides on the contracts and documents.",
    )
    trade_order_count = fields.Integer(
        string="Orders", compute="_compute_trade_sales", compute_sudo=True
    )
    trade_revenue = fields.Monetary(
        string="Revenue",
        currency_field="trade_currency_id",
        compute="_compute_trade_sales",
        compute_sudo=True,
        help="Untaxed amount of the confirmed order lines of the product.",
    )
    trade_currency_id = fields.Many2one(
        "res.currency", compute="_compute_trade_currency_id"
    )
    trade_event_count = fields.Integer(
        string="Fairs", compute="_compute_trade_sales", compute_sudo=True
    )

    def _compute_trade_currency_id(self):
        self.trade_currency_id = self.env.company.currency_id

    def _compute_trade_sales(self):
        revenue, orders, events = {}, {}, {}
        if self.ids:
            rows = self.env["sale.report"]._ocop_read_done(
                [("ocop_product_id", "in", self.ids)],
                ["ocop_product_id"],
                ["price_subtotal:sum", "order_reference:count_distinct"],
            )
            for product, amount, count in rows:
                revenue[product] = amount
                orders[product] = count
            events = dict(
                self.env["event.event"]
                .with_context(active_test=False)
                ._read_group(
                    [("ocop_product_ids", "in", self.ids)],
                    ["ocop_product_ids"],
                    ["__count"],
                )
            )
        for product in self:
            product.trade_revenue = revenue.get(product, 0.0)
            product.trade_order_count = orders.get(product, 0)
            product.trade_event_count = events.get(product, 0)

    def _compute_trade_evidence(self):
        """Criterion 4.1 evidence: a constant number of queries for the whole
        recordset, whatever the number of channels and orders."""
        listings = self.env["ocop.distribution.channel.product"]
        if self.ids:
            listings = listings.search(
                [
                    ("ocop_product_id", "in", self.ids),
                    ("state", "=", "listed"),
                    ("channel_id.active", "=", True),
                ]
            )
        by_product = defaultdict(lambda: listings.browse())
        for listing in listings:
            by_product[listing.ocop_product_id.id] |= listing
        customers = self._trade_customers()
        home_country = self.env.company.country_id or self.env.ref("base.vn")
        tourism = self.env.ref(TOURISM_PRODUCT_SET, raise_if_not_found=False)
        for product in self:
            lines = by_product[product.id]
            channels = lines.channel_id
            agents = channels.filtered(lambda c: c.channel_type in AGENT_CHANNEL_TYPES)
            modern = channels.filtered(lambda c: c.channel_type in MODERN_CHANNEL_TYPES)
            export = channels.filtered(lambda c: c.channel_type == "export")
            partners, foreign_orders = customers.get(product.id, ([], 0))
            partners = self.env["res.partner"].browse(partners)
            commercial = partners.commercial_partner_id
            product.trade_channel_count = len(channels)
            product.trade_agent_count = len(agents)
            product.trade_modern_channel_count = len(modern)
            product.trade_export_channel_count = len(export)
            product.trade_export_order_count = foreign_orders
            product.trade_customer_count = len(commercial)
            product.trade_province_ids = (
                channels.admin_unit_id.province_id | commercial.ocop_province_id
            )
            product.trade_country_ids = commercial.country_id | channels.country_id
            outside = product._trade_is_outside_commune(
                channels, commercial, home_country
            )
            product.trade_outside_commune = outside
            if tourism and product.product_group_id == tourism:
                count = len(agents)
                product.trade_criterion_41 = (
                    "tourism_5"
                    if count >= 5
                    else "tourism_3"
                    if count >= 3
                    else "tourism_1"
                    if count
                    else False
                )
            elif modern or export or foreign_orders:
                product.trade_criterion_41 = "modern"
            elif outside:
                product.trade_criterion_41 = (
                    "outside_ge5" if len(agents) >= 5 else "outside_lt5"
                )
            elif channels or commercial:
                product.trade_criterion_41 = "commune"
            else:
                product.trade_criterion_41 = False

    def _trade_customers(self):
        """{product id: (customer ids, confirmed orders abroad)} from the
        confirmed order lines of the products."""
        if not self.ids:
            return {}
        home_country = self.env.company.country_id or self.env.ref("base.vn")
        rows = self.env["sale.order.line"]._read_group(
            [
                ("ocop_product_id", "in", self.ids),
                ("state", "=", "sale"),
                ("company_id", "in", self.env.companies.ids),
            ],
            ["ocop_product_id", "order_partner_id"],
            ["order_id:count_distinct"],
        )
        result = {}
        for product, partner, order_count in rows:
            partner_ids, foreign = result.get(product.id, ([], 0))
            partner_ids.append(partner.id)
            country = partner.commercial_partner_id.country_id or partner.country_id
            if country and country != home_country:
                foreign += order_count
            result[product.id] = (partner_ids, foreign)
        return result

    def _trade_is_outside_commune(self, channels, customers, home_country):
        """Whether the product reaches a market beyond its commune."""
        self.ensure_one()
        commune = self.commune_id
        for channel in channels:
            unit = channel.admin_unit_id
            if channel.channel_type in WIDE_CHANNEL_TYPES:
                return True
            if unit and unit != commune:
                # a channel in another commune, or one serving a district or
                # a province (e.g. the province's showroom)
                return True
        for customer in customers:
            if customer.country_id and customer.country_id != home_country:
                return True
            if customer.ocop_admin_unit_id and customer.ocop_admin_unit_id != commune:
                return True
        return False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_trade_analysis(self):
        self.ensure_one()
        return self.env["sale.report"]._ocop_analysis_action(
            [("ocop_product_id", "=", self.id)], groupby="ocop_channel_id"
        )

    def action_view_trade_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_management.ocop_fair_action_all"
        )
        action["domain"] = [("ocop_product_ids", "in", self.ids)]
        return action
