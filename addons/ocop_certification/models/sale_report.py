# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleReport(models.Model):
    """The OCOP sales analysis by stars: the current star rating of the OCOP
    product sold (``ocop.product.stars``). ``ocop_management`` joins the OCOP
    product (alias ``ocop_product``); the stars live here because they come
    with the certification."""

    _inherit = "sale.report"

    _depends = {"ocop.product": ["stars"]}

    ocop_stars = fields.Integer(string="OCOP Stars", readonly=True, aggregator=False)

    def _select_additional_fields(self):
        res = super()._select_additional_fields()
        res["ocop_stars"] = "ocop_product.stars"
        return res

    def _group_by_sale(self):
        return super()._group_by_sale() + ",\n            ocop_product.stars"
