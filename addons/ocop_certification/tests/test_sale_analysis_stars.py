# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.ocop_management.tests.test_trade import OcopTradeMixin


@tagged("post_install", "-at_install")
class TestOcopSaleAnalysisStars(OcopTradeMixin, TransactionCase):
    """The lean OCOP sales analysis groups revenue by the stars of the
    product, as ``sale.report`` does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trade_data()

    def test_revenue_by_stars(self):
        # The stars normally come from the valid certificate.
        self.product_ia_hrung.stars = 4
        self._order(
            self.buyer,
            [(self.coffee, 2, 100000), (self.honey, 1, 150000)],
            ocop_channel_id=self.showroom.id,
        )
        self._order(
            self.foreign_buyer,
            [(self.coffee_gift, 1, 300000)],
            ocop_channel_id=self.estore.id,
        )
        groupby = ["ocop_product_id", "ocop_stars", "ocop_channel_type"]
        analysis = self.env["ocop.sale.analysis"]._read_group(
            [], groupby, ["price_subtotal:sum"]
        )
        report = self.env["sale.report"]._read_group(
            [("ocop_product_id", "!=", False), ("state", "=", "sale")],
            groupby,
            ["price_subtotal:sum"],
        )
        self.assertEqual(sorted(analysis, key=str), sorted(report, key=str))
        by_stars = dict(
            self.env["ocop.sale.analysis"]._read_group(
                [], ["ocop_stars"], ["price_subtotal:sum"]
            )
        )
        self.assertEqual(by_stars, {4: 500000, 0: 150000})
