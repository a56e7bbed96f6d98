# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]


class OcopPotentialProduct(models.Model):
    """Step 1: the commune's survey of a potential product (khảo sát sản phẩm
    tiềm năng): market demand, raw-material area, skilled labour, capacity to
    invest."""

    _name = "ocop.potential.product"
    _description = "OCOP Potential Product (Survey)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "cycle_id desc, commune_id, id"

    name = fields.Char(string="Product", required=True, tracking=True)
    cycle_id = fields.Many2one(
        "ocop.cycle", required=True, index=True, ondelete="restrict", tracking=True
    )
    commune_id = fields.Many2one(
        "ocop.admin.unit",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('level', '=', 'commune')]",
        tracking=True,
    )
    province_id = fields.Many2one(
        related="commune_id.province_id", store=True, index=True
    )
    product_group_id = fields.Many2one(
        "ocop.product.group",
        string="Product Set",
        index=True,
        domain="[('level', '=', 'set')]",
        ondelete="restrict",
    )
    sector_id = fields.Many2one(
        "ocop.product.group", compute="_compute_sector_id", store=True, index=True
    )
    producer_id = fields.Many2one(
        "res.partner",
        domain="[('ocop_is_producer', '=', True)]",
        help="The producer, if one is known.",
        ondelete="set null",
    )
    market_demand = fields.Selection(LEVELS, tracking=True)
    market_note = fields.Text(string="Market Demand and Tastes")
    raw_material_area = fields.Float(string="Raw-material Area (ha)")
    raw_material_note = fields.Text(string="Raw Materials")
    skilled_labour = fields.Integer(string="Skilled Workers")
    labour_note = fields.Text(string="Labour")
    investment_capacity = fields.Selection(LEVELS, string="Capacity to Invest")
    investment_note = fields.Text(string="Investment")
    assessment = fields.Text()
    recommendation = fields.Selection(
        [
            ("register", "Guide the producer to register an idea"),
            ("support", "Support first, register later"),
            ("not_now", "Not now"),
        ],
        tracking=True,
    )
    surveyed_on = fields.Date(default=fields.Date.context_today)
    surveyed_by = fields.Many2one("res.users", default=lambda self: self.env.user)
    score = fields.Integer(
        compute="_compute_score",
        store=True,
        help="1 to 3 points each for market, raw materials, labour and investment.",
    )
    active = fields.Boolean(default=True)

    @api.depends("product_group_id.parent_path")
    def _compute_sector_id(self):
        for record in self:
            path = record.product_group_id.parent_path
            record.sector_id = int(path.split("/")[0]) if path else False

    @api.depends(
        "market_demand", "investment_capacity", "raw_material_area", "skilled_labour"
    )
    def _compute_score(self):
        points = {"low": 1, "medium": 2, "high": 3, False: 0}
        for record in self:
            area = (
                3
                if record.raw_material_area >= 50
                else 2
                if record.raw_material_area >= 10
                else 1
                if record.raw_material_area
                else 0
            )
            labour = (
                3
                if record.skilled_labour >= 30
                else 2
                if record.skilled_labour >= 10
                else 1
                if record.skilled_labour
                else 0
            )
            record.score = (
                points[record.market_demand]
                + points[record.investment_capacity]
                + area
                + labour
            )

    @api.constrains("commune_id")
    def _check_commune(self):
        # the commune's survey: a consolidated progress report counts the
        # potential products of its communes only (_figure_specs)
        for record in self:
            if record.commune_id.level != "commune":
                raise ValidationError(
                    _("%(unit)s is not a commune.", unit=record.commune_id.display_name)
                )
