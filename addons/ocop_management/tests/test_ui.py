# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestOcopUi(HttpCase):
    def test_producer_and_product_tour(self):
        """Open the OCOP app, create a producer and a product, see the code."""
        self.start_tour("/odoo", "ocop_producer_product_tour", login="admin")
        product = self.env["ocop.product"].search(
            [("name", "=", "Cà phê tour Ia Hrung")]
        )
        self.assertEqual(len(product), 1)
        self.assertRegex(product.code, r"^52-23767-\d{3}-\d{4}$")
        self.assertEqual(product.producer_id.name, "HTX Tour Ia Hrung")
        self.assertEqual(product.producer_id.ocop_entity_type, "cooperative")
