# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .event_event import OCOP_EVENT_KINDS
from .ocop_distribution_channel import CHANNEL_TYPES


class OcopSaleDimensions(models.AbstractModel):
    """The OCOP attribution of a sold line, shared by Odoo's sales analysis
    (``sale.report``) and the lean OCOP sales analysis
    (``ocop.sale.analysis``): each view selects these columns."""

    _name = "ocop.sale.dimensions"
    _description = "OCOP Dimensions of a Sale"

    ocop_product_id = fields.Many2one(
        "ocop.product", string="OCOP Product", readonly=True
    )
    ocop_producer_id = fields.Many2one(
        "res.partner", string="OCOP Producer", readonly=True
    )
    ocop_commune_id = fields.Many2one(
        "ocop.admin.unit", string="OCOP Commune", readonly=True
    )
    ocop_province_id = fields.Many2one(
        "ocop.admin.unit", string="OCOP Province", readonly=True
    )
    ocop_product_group_id = fields.Many2one(
        "ocop.product.group", string="OCOP Product Set", readonly=True
    )
    ocop_event_id = fields.Many2one(
        "event.event", string="OCOP Fair / Event", readonly=True
    )
    ocop_event_kind = fields.Selection(
        OCOP_EVENT_KINDS, string="OCOP Event Type", readonly=True
    )
    ocop_channel_id = fields.Many2one(
        "ocop.distribution.channel", string="Distribution Channel", readonly=True
    )
    ocop_channel_type = fields.Selection(
        CHANNEL_TYPES, string="Channel Type", readonly=True
    )
