# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CHANNEL_TYPES = [
    ("showroom", "OCOP Showroom or Point of Sale"),
    ("supermarket", "Supermarket Chain"),
    ("agent", "Traditional Market or Agent"),
    ("ecommerce", "E-commerce Store"),
    ("export", "Export Market"),
    ("tourism", "Tourism Site"),
    ("direct", "Direct Sales"),
]
# The modern channels of criterion 4.1 (supermarkets, e-commerce).
MODERN_CHANNEL_TYPES = ("supermarket", "ecommerce")
# Representatives and agents counted by criterion 4.1.
AGENT_CHANNEL_TYPES = ("agent",)


class OcopDistributionChannel(models.Model):
    """Where OCOP products are sold: an OCOP showroom or point of sale, a
    supermarket chain, a market or agent, an e-commerce store, an export
    market, a tourism site or direct sales.

    Nothing is typed twice: sales orders to the channel's operators (or to
    their contacts), or made by the channel's sales team, are attributed to
    the channel (``sale.order.ocop_channel_id``)."""

    _name = "ocop.distribution.channel"
    _description = "OCOP Distribution Channel"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer()
    channel_type = fields.Selection(
        CHANNEL_TYPES, string="Type", required=True, index=True, tracking=True
    )
    is_modern = fields.Boolean(
        string="Modern Channel",
        compute="_compute_is_modern",
        store=True,
        help="Supermarkets and e-commerce stores: the modern channels of "
        "criterion 4.1.",
    )
    url = fields.Char(
        string="Store URL", help="Address of the e-commerce store or its page."
    )
    operator_partner_ids = fields.Many2many(
        "res.partner",
        "ocop_distribution_channel_operator_rel",
        "channel_id",
        "partner_id",
        string="Operators",
        help="The partners running the channel (the showroom's operator, the "
        "supermarket chain, the agent, the importer…). Sales to them or to "
        "their contacts count for the channel.",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index="btree_not_null",
        tracking=True,
        help="Sales made by this team count for the channel.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    address = fields.Char(string="Location", help="Street address of the channel.")
    admin_unit_id = fields.Many2one(
        "ocop.admin.unit",
        string="Administrative Unit",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The commune (or province) where the channel is.",
    )
    province_id = fields.Many2one(
        related="admin_unit_id.province_id", string="Province", store=True, index=True
    )
    country_id = fields.Many2one(
        "res.country",
        help="Country of the market, for export markets and channels abroad.",
    )
    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    map_url = fields.Char(string="Map", compute="_compute_map_url")
    date_start = fields.Date(string="Opened On")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_line_ids = fields.One2many(
        "ocop.distribution.channel.product", "channel_id", string="OCOP Products"
    )
    product_count = fields.Integer(
        string="Products Listed", compute="_compute_product_count"
    )
    order_count = fields.Integer(
        string="Orders", compute="_compute_sales", compute_sudo=True
    )
    revenue = fields.Monetary(
        compute="_compute_sales",
        compute_sudo=True,
        help="Untaxed amount of the confirmed orders attributed to the channel.",
    )
    note = fields.Html()

    @api.depends("channel_type")
    def _compute_is_modern(self):
        for channel in self:
            channel.is_modern = channel.channel_type in MODERN_CHANNEL_TYPES

    @api.depends("latitude", "longitude")
    def _compute_map_url(self):
        for channel in self:
            if channel.latitude or channel.longitude:
                channel.map_url = (
                    "https://www.openstreetmap.org/?mlat=%(lat)s&mlon=%(lon)s"
                    "#map=16/%(lat)s/%(lon)s"
                    % {"lat": channel.latitude, "lon": channel.longitude}
                )
            else:
                channel.map_url = False

    @api.depends("product_line_ids.state")
    def _compute_product_count(self):
        counts = {}
        if self.ids:
            counts = dict(
                self.env["ocop.distribution.channel.product"]._read_group(
                    [("channel_id", "in", self.ids), ("state", "=", "listed")],
                    ["channel_id"],
                    ["__count"],
                )
            )
        for channel in self:
            channel.product_count = counts.get(channel, 0)

    def _compute_sales(self):
        orders = revenue = {}
        if self.ids:
            orders = dict(
                self.env["sale.order"]._read_group(
                    [
                        ("ocop_channel_id", "in", self.ids),
                        ("state", "=", "sale"),
                        ("company_id", "in", self.env.companies.ids),
                    ],
                    ["ocop_channel_id"],
                    ["__count"],
                )
            )
            revenue = self.env["sale.report"]._ocop_revenue_by(
                "ocop_channel_id", [("ocop_channel_id", "in", self.ids)]
            )
        for channel in self:
            channel.order_count = orders.get(channel, 0)
            channel.revenue = revenue.get(channel, 0.0)

    @api.constrains("channel_type", "url")
    def _check_url(self):
        for channel in self:
            if channel.channel_type == "ecommerce" and not channel.url:
                raise ValidationError(
                    _(
                        "Give the address (URL) of the e-commerce store %(channel)s: "
                        "criterion 4.1 asks for the link to the store.",
                        channel=channel.name,
                    )
                )

    # ------------------------------------------------------------------
    # Attribution of sales
    # ------------------------------------------------------------------
    @api.model
    def _channel_finder(self, partners, teams):
        """Return ``find(partner, team)`` giving the channel of a sale, with one
        search for all the given partners and teams: the channel operated by
        the partner itself, else by its commercial partner, else the channel of
        the sales team. Among several, the first by sequence wins."""
        by_partner, by_team = {}, {}
        if partners or teams:
            channels = self.sudo().search(
                [
                    "|",
                    ("operator_partner_ids", "in", partners.ids),
                    ("team_id", "in", teams.ids),
                ]
            )
            for channel in channels:
                for partner in channel.operator_partner_ids:
                    by_partner.setdefault(partner.id, channel.id)
                if channel.team_id:
                    by_team.setdefault(channel.team_id.id, channel.id)

        def find(partner, team):
            channel_id = (
                by_partner.get(partner.id)
                or by_partner.get(partner.commercial_partner_id.id)
                or by_team.get(team.id)
            )
            return self.browse(channel_id)

        return find

    def _attribute_existing_orders(self):
        """Attribute the orders already made to the channels' operators or by
        their teams, and not attributed to any channel yet."""
        partners = self.operator_partner_ids
        teams = self.team_id
        if not partners and not teams:
            return
        domain = [("ocop_channel_id", "=", False)]
        if partners and teams:
            domain += [
                "|",
                ("partner_id", "child_of", partners.ids),
                ("team_id", "in", teams.ids),
            ]
        elif partners:
            domain += [("partner_id", "child_of", partners.ids)]
        else:
            domain += [("team_id", "in", teams.ids)]
        orders = self.env["sale.order"].sudo().search(domain)
        if orders:
            self.env.add_to_compute(orders._fields["ocop_channel_id"], orders)
            orders._recompute_recordset(["ocop_channel_id"])

    @api.model_create_multi
    def create(self, vals_list):
        channels = super().create(vals_list)
        channels.filtered("active")._attribute_existing_orders()
        return channels

    def write(self, vals):
        res = super().write(vals)
        if {"operator_partner_ids", "team_id", "active"} & set(vals):
            self.filtered("active")._attribute_existing_orders()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_analysis(self):
        self.ensure_one()
        return self.env["sale.report"]._ocop_analysis_action(
            [("ocop_channel_id", "=", self.id)], groupby="ocop_product_id"
        )
