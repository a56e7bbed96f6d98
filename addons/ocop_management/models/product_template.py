# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    ocop_product_ids = fields.Many2many(
        "ocop.product",
        "ocop_product_product_template_rel",
        "product_tmpl_id",
        "ocop_product_id",
        string="OCOP Products",
        help="The OCOP product this article is sold as.",
    )

    @api.constrains("ocop_product_ids")
    def _check_single_ocop_product(self):
        for template in self:
            if len(template.ocop_product_ids) > 1:
                raise ValidationError(
                    _(
                        "%(product)s is sold as one OCOP product only, not as "
                        "%(ocop)s.",
                        product=template.display_name,
                        ocop=", ".join(
                            template.ocop_product_ids.mapped("display_name")
                        ),
                    )
                )
