# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from .test_trade import OcopTradeMixin


@tagged("post_install", "-at_install")
class TestOcopSaleAnalysis(OcopTradeMixin, TransactionCase):
    """``ocop.sale.analysis`` (the lean view of the confirmed order lines of
    OCOP products) gives the same figures as Odoo's ``sale.report`` with the
    OCOP filters, and its menus open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trade_data()
        cls.order_showroom = cls._order(
            cls.showroom_operator,
            [(cls.coffee, 3, 120000), (cls.honey, 2, 150000), (cls.plain, 5, 5000)],
            ocop_channel_id=cls.showroom.id,
        )
        cls.order_fair = cls._order(
            cls.buyer,
            [(cls.coffee_gift, 4, 300000), (cls.honey, 1, 140000)],
            ocop_event_id=cls.fair.id,
        )
        cls.order_estore = cls._order(
            cls.foreign_buyer,
            [(cls.coffee, 10, 110000)],
            ocop_channel_id=cls.estore.id,
        )
        # Neither a draft nor a cancelled order counts.
        cls._order(cls.buyer, [(cls.coffee, 7, 120000)], confirm=False)
        cls._order(cls.buyer, [(cls.honey, 9, 150000)])._action_cancel()

    def _analysis(self, groupby, domain=()):
        return {
            tuple(group[:-3]): tuple(group[-3:])
            for group in self.env["ocop.sale.analysis"]._read_group(
                list(domain),
                groupby,
                ["price_subtotal:sum", "product_uom_qty:sum", "margin:sum"],
            )
        }

    def _sale_report(self, groupby, domain=()):
        domain = list(domain) + [
            ("ocop_product_id", "!=", False),
            ("state", "in", self.env["sale.report"]._get_done_states()),
        ]
        return {
            tuple(group[:-3]): tuple(group[-3:])
            for group in self.env["sale.report"]._read_group(
                domain,
                groupby,
                ["price_subtotal:sum", "product_uom_qty:sum", "margin:sum"],
            )
        }

    def test_same_figures_as_sale_report(self):
        for groupby in (
            ["ocop_product_id"],
            ["ocop_channel_id"],
            ["ocop_product_id", "ocop_channel_type"],
            ["ocop_product_id", "ocop_channel_id"],
            ["ocop_producer_id", "ocop_commune_id", "ocop_province_id"],
            ["ocop_product_group_id"],
            ["ocop_event_id", "ocop_event_kind"],
            ["partner_id", "team_id", "user_id", "product_id"],
            ["date:month"],
        ):
            with self.subTest(groupby=groupby):
                analysis = self._analysis(groupby)
                self.assertTrue(analysis)
                self.assertEqual(analysis, self._sale_report(groupby))
        by_product = self._analysis(["ocop_product_id"])
        self.assertEqual(
            by_product[(self.product_ia_hrung,)][:2],
            (3 * 120000 + 4 * 300000 + 1100000, 17),
        )
        self.assertEqual(
            by_product[(self.product_bien_ho,)][:2], (2 * 150000 + 140000, 3)
        )
        # One row per confirmed line of an OCOP product, nothing else.
        lines = (
            self.order_showroom | self.order_fair | self.order_estore
        ).order_line.filtered("ocop_product_id")
        rows = self.env["ocop.sale.analysis"].search([])
        self.assertEqual(set(rows.ids), set(lines.ids))
        row = rows.browse(self.order_fair.order_line[0].id)
        self.assertEqual(row.order_id, self.order_fair)
        self.assertEqual(row.ocop_event_id, self.fair)
        self.assertEqual(row.currency_id, self.order_fair.company_id.currency_id)

    def test_same_figures_filtered(self):
        for domain in (
            [("ocop_event_id", "=", self.fair.id)],
            [("ocop_channel_id", "!=", False)],
            [("ocop_commune_id", "child_of", self.gia_lai.ids)],
        ):
            with self.subTest(domain=domain):
                self.assertEqual(
                    self._analysis(["ocop_product_id", "ocop_channel_id"], domain),
                    self._sale_report(["ocop_product_id", "ocop_channel_id"], domain),
                )

    def test_sees_new_orders(self):
        """Values written in the same transaction are flushed before reading."""
        before = self._analysis(["ocop_channel_id"])
        self.order_fair.ocop_channel_id = self.showroom
        after = self._analysis(["ocop_channel_id"])
        self.assertNotEqual(before, after)
        self.assertEqual(after, self._sale_report(["ocop_channel_id"]))

    def test_actions_open(self):
        for xmlid in (
            "ocop_management.ocop_sale_analysis_action",
            "ocop_management.ocop_sale_analysis_action_by_fair",
            "ocop_management.ocop_sale_analysis_action_by_channel",
        ):
            with self.subTest(action=xmlid):
                action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
                self.assertEqual(action["res_model"], "ocop.sale.analysis")
                views = self.env["ocop.sale.analysis"].get_views(
                    [(False, mode) for mode in action["view_mode"].split(",")]
                    + [(action["search_view_id"][0], "search")]
                )
                self.assertEqual(
                    set(views["views"]), {"pivot", "graph", "list", "search"}
                )
        menu = self.env.ref("ocop_management.menu_ocop_sale_analysis")
        self.assertEqual(
            menu.action, self.env.ref("ocop_management.ocop_sale_analysis_action")
        )
