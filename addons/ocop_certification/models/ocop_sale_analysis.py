# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OcopSaleAnalysis(models.Model):
    """The OCOP sales analysis by stars: the current star rating of the OCOP
    product sold (``ocop.product.stars``, from its current certificate), the
    same source as ``sale.report``'s ``ocop_stars``."""

    _inherit = "ocop.sale.analysis"

    _depends = {"ocop.product": ["stars"]}

    ocop_stars = fields.Integer(string="OCOP Stars", readonly=True, aggregator=False)

    def _select_fields(self):
        res = super()._select_fields()
        res["ocop_stars"] = "ocop_product.stars"
        return res
