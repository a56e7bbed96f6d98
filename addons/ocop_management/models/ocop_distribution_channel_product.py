# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class OcopDistributionChannelProduct(models.Model):
    """An OCOP product listed in a distribution channel, since a date, with
    its status and the contract that proves it (criterion 4.1)."""

    _name = "ocop.distribution.channel.product"
    _description = "OCOP Product Listed in a Channel"
    _order = "channel_id, sequence, id"
    _rec_name = "ocop_product_id"

    sequence = fields.Integer(default=10)
    channel_id = fields.Many2one(
        "ocop.distribution.channel",
        required=True,
        index=True,
        ondelete="cascade",
    )
    channel_type = fields.Selection(
        related="channel_id.channel_type", store=True, index=True
    )
    ocop_product_id = fields.Many2one(
        "ocop.product",
        string="OCOP Product",
        required=True,
        index=True,
        ondelete="cascade",
    )
    producer_id = fields.Many2one(
        related="ocop_product_id.producer_id", store=True, index=True
    )
    commune_id = fields.Many2one(related="ocop_product_id.commune_id", store=True)
    product_tmpl_ids = fields.Many2many(
        "product.template",
        "ocop_channel_product_template_rel",
        "listing_id",
        "product_tmpl_id",
        string="Articles Listed",
        help="The articles of the OCOP product sold in the channel (all of them "
        "if empty).",
    )
    date_start = fields.Date(
        string="Listed Since", default=fields.Date.context_today, required=True
    )
    date_end = fields.Date(string="Delisted On")
    state = fields.Selection(
        [
            ("listed", "Listed"),
            ("suspended", "Suspended"),
            ("delisted", "Delisted"),
        ],
        string="Status",
        default="listed",
        required=True,
        index=True,
    )
    contract_ref = fields.Char(
        string="Contract",
        help="Reference of the contract with the channel — the evidence "
        "criterion 4.1 asks for.",
    )
    company_id = fields.Many2one(related="channel_id.company_id", store=True)

    _sql_constraints = [
        (
            "channel_product_uniq",
            "unique(channel_id, ocop_product_id)",
            "This OCOP product is already listed in this channel.",
        ),
    ]

    @api.constrains("ocop_product_id", "product_tmpl_ids")
    def _check_product_templates(self):
        for line in self.sudo():
            wrong = line.product_tmpl_ids - line.ocop_product_id.product_tmpl_ids
            if wrong:
                raise ValidationError(
                    _(
                        "%(articles)s is not sold as the OCOP product %(ocop)s: it "
                        "cannot be listed as that product in %(channel)s.",
                        articles=", ".join(wrong.mapped("display_name")),
                        ocop=line.ocop_product_id.display_name,
                        channel=line.channel_id.display_name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for line in self:
            if line.date_end and line.date_end < line.date_start:
                raise ValidationError(
                    _(
                        "%(product)s is delisted from %(channel)s before it was "
                        "listed.",
                        product=line.ocop_product_id.display_name,
                        channel=line.channel_id.display_name,
                    )
                )

    @api.onchange("state")
    def _onchange_state(self):
        if self.state == "delisted" and not self.date_end:
            self.date_end = fields.Date.context_today(self)
