# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SaleOrderLine(models.Model):
    """The OCOP product a line sells: the OCOP product its ``product.template``
    is linked to (a template is sold as at most one OCOP product)."""

    _inherit = "sale.order.line"

    ocop_product_id = fields.Many2one(
        "ocop.product",
        string="OCOP Product",
        compute="_compute_ocop_product_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The OCOP product sold, from the product's link to OCOP products.",
    )

    @api.depends("product_id.product_tmpl_id.ocop_product_ids")
    def _compute_ocop_product_id(self):
        for line in self:
            line.ocop_product_id = line.product_id.product_tmpl_id.ocop_product_ids[:1]

    @api.constrains("ocop_product_id", "product_id")
    def _check_ocop_product(self):
        for line in self.sudo().filtered("ocop_product_id"):
            template = line.product_id.product_tmpl_id
            if template not in line.ocop_product_id.product_tmpl_ids:
                raise ValidationError(
                    _(
                        "The line %(line)s sells %(product)s, which is not sold as "
                        "the OCOP product %(ocop)s (its products: %(templates)s). "
                        "Link the product to the OCOP product first, or choose the "
                        "right OCOP product.",
                        line=line.order_id.name,
                        product=template.display_name or _("no product"),
                        ocop=line.ocop_product_id.display_name,
                        templates=", ".join(
                            line.ocop_product_id.product_tmpl_ids.mapped("display_name")
                        )
                        or _("none"),
                    )
                )
