# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.ocop_management.tests.common import OcopTestMixin


@tagged("post_install", "-at_install")
class TestSaleReportStars(OcopTestMixin, TransactionCase):
    """The OCOP sales analysis groups revenue by the stars of the product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_ocop_data()

    def test_revenue_by_stars(self):
        Template = self.env["product.template"]
        coffee = Template.create({"name": "Cà phê 4 sao"})
        honey = Template.create({"name": "Mật ong chưa xếp hạng"})
        self.product_ia_hrung.product_tmpl_ids = coffee
        self.product_bien_ho.product_tmpl_ids = honey
        # The stars normally come from the valid certificate.
        self.product_ia_hrung.stars = 4
        customer = self.env["res.partner"].create({"name": "Khách hàng"})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": coffee.product_variant_id.id,
                            "product_uom_qty": 2,
                            "price_unit": 100000,
                        }
                    ),
                    Command.create(
                        {
                            "product_id": honey.product_variant_id.id,
                            "product_uom_qty": 1,
                            "price_unit": 150000,
                        }
                    ),
                ],
            }
        )
        order.action_confirm()
        rows = self.env["sale.report"]._read_group(
            [("order_reference", "=", f"sale.order,{order.id}")],
            ["ocop_stars"],
            ["price_subtotal:sum"],
        )
        self.assertEqual(dict(rows), {4: 200000, 0: 150000})
