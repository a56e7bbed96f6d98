# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .test_trade import OcopTradeMixin

MEASURES = ["price_subtotal:sum", "product_uom_qty:sum"]


class OcopTradeAccessMixin(OcopTradeMixin):
    @classmethod
    def setup_trade_access_data(cls):
        cls.setup_trade_data()
        cls.tmpl_tea = cls.env["product.template"].create(
            {"name": "Chè Hoàn Kiếm 200 g", "list_price": 80000}
        )
        cls.product_hoan_kiem.product_tmpl_ids = cls.tmpl_tea
        cls.tea = cls.tmpl_tea.product_variant_id
        # Sales of Gia Lai products (Ia Hrung coffee, Biển Hồ honey), of a Hà Nội
        # product, and of goods that are no OCOP product, at the fair and in
        # the showroom.
        cls.order = cls._order(
            cls.showroom_operator,
            [
                (cls.coffee, 10, 100000),
                (cls.honey, 4, 150000),
                (cls.tea, 5, 80000),
                (cls.plain, 20, 5000),
            ],
            ocop_event_id=cls.fair.id,
        )
        # A plain salesperson: no OCOP group at all.
        cls.salesman = new_test_user(
            cls.env,
            login="ocop_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
            password="ocop_salesmanpw",
        )


@tagged("post_install", "-at_install")
class TestOcopTradeAccess(OcopTradeAccessMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trade_access_data()

    def _analysis(self, user, groupby):
        return {
            group: amount
            for group, amount, _qty in self.env["sale.report"]
            .with_user(user)
            ._read_group([("state", "=", "sale")], [groupby], MEASURES)
        }

    def test_viewer_gets_analysis_without_orders(self):
        viewer = self.viewer_gia_lai
        self.assertFalse(viewer.has_group("sales_team.group_sale_salesman"))
        by_product = self._analysis(viewer, "ocop_product_id")
        # Only the OCOP products of Gia Lai: not Hà Nội's tea, not the bags.
        self.assertEqual(
            by_product,
            {self.product_ia_hrung: 10 * 100000, self.product_bien_ho: 4 * 150000},
        )
        by_fair = self._analysis(viewer, "ocop_event_id")
        self.assertEqual(by_fair, {self.fair: 10 * 100000 + 4 * 150000})
        by_channel = self._analysis(viewer, "ocop_channel_id")
        self.assertEqual(by_channel, {self.showroom: 10 * 100000 + 4 * 150000})
        by_producer = self._analysis(viewer, "ocop_producer_id")
        self.assertEqual(
            set(by_producer), {self.producer_ia_hrung, self.producer_bien_ho}
        )
        # The pivot and graph views' call, as the web client makes it.
        groups = (
            self.env["sale.report"]
            .with_user(viewer)
            .web_read_group(
                [("state", "=", "sale")],
                ["price_subtotal:sum"],
                ["ocop_event_id", "ocop_product_id"],
                lazy=False,
            )
        )
        self.assertEqual(groups["length"], 2)
        self.assertEqual(groups["groups"][0]["ocop_event_id"][1], self.fair.name)
        # A commune officer sees the products of the commune only.
        by_product = self._analysis(self.officer_bien_ho, "ocop_product_id")
        self.assertEqual(by_product, {self.product_bien_ho: 4 * 150000})
        # An OCOP manager sees every OCOP product, still no other goods.
        by_product = self._analysis(self.ocop_manager, "ocop_product_id")
        self.assertEqual(
            set(by_product),
            set(self.product_ia_hrung | self.product_bien_ho | self.product_hoan_kiem),
        )

        # The fair's, channel's and product's results are readable too.
        self.assertEqual(self.fair.with_user(viewer).ocop_order_count, 1)
        self.assertEqual(self.showroom.with_user(viewer).order_count, 1)
        self.assertEqual(
            self.product_ia_hrung.with_user(viewer).trade_revenue, 10 * 100000
        )

        # …but no order and no order line, by any path.
        for model, records in (
            ("sale.order", self.order),
            ("sale.order.line", self.order.order_line),
        ):
            with (
                self.assertRaises(AccessError),
                mute_logger("odoo.addons.base.models.ir_model"),
            ):
                self.env[model].with_user(viewer).search([])
            with (
                self.assertRaises(AccessError),
                mute_logger("odoo.addons.base.models.ir_model"),
            ):
                records.with_user(viewer).read(["display_name"])
        # Not even writing the report.
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.env["sale.report"].with_user(viewer).search([], limit=1).write(
                {"name": "x"}
            )

    def test_salesman_sees_and_sets_attribution_without_ocop_rights(self):
        salesman = self.salesman
        self.assertFalse(salesman.has_group("ocop_management.group_ocop_viewer"))
        env = self.env(user=salesman)
        # Creating an order: the lines get their OCOP product.
        order = Form(env["sale.order"])
        order.partner_id = self.buyer
        with order.order_line.new() as line:
            line.product_id = self.coffee
            line.product_uom_qty = 3
        order = order.save()
        self.assertEqual(order.order_line.ocop_product_id, self.product_ia_hrung)
        self.assertEqual(
            order.order_line.ocop_product_id.display_name,
            self.product_ia_hrung.display_name,
        )
        # Setting the fair and the channel by hand (they are picked from lists).
        self.assertIn(
            self.fair, env["event.event"].search([("ocop_kind", "!=", False)])
        )
        self.assertIn(self.showroom, env["ocop.distribution.channel"].search([]))
        order.write({"ocop_event_id": self.fair.id, "ocop_channel_id": self.estore.id})
        order.action_confirm()
        self.assertEqual(order.ocop_event_id, self.fair)
        self.assertEqual(order.ocop_channel_id, self.estore)
        # The mismatch is refused for them too.
        with self.assertRaisesMessage(ValidationError, "is not sold as the OCOP"):
            order.order_line.ocop_product_id = self.product_bien_ho
        # Leads: capture at the booth and read the OCOP fields.
        capture = env["ocop.lead.capture"].create(
            {
                "event_id": self.fair.id,
                "booth_id": self.booth_bien_ho.id,
                "contact_name": "Khách của nhân viên bán hàng",
                "email": "khach@example.com",
                "ocop_product_ids": [Command.set(self.product_bien_ho.ids)],
            }
        )
        capture.action_capture()
        lead = capture.lead_id
        self.assertEqual(lead.ocop_producer_id, self.producer_bien_ho)
        self.assertEqual(lead.campaign_id, self.fair.ocop_campaign_id)
        self.assertEqual(lead.user_id, salesman)
        # Their own sales analysis has the OCOP dimensions (Odoo's personal rule).
        by_product = self._analysis(salesman, "ocop_product_id")
        self.assertEqual(by_product, {self.product_ia_hrung: 3 * 120000})
        # No OCOP rights: they read OCOP products, never change them, and the
        # OCOP menus stay hidden.
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.product_ia_hrung.with_user(salesman).write({"name": "Đổi tên"})
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.showroom.with_user(salesman).write({"name": "Đổi tên"})
        menus = env["ir.ui.menu"]._visible_menu_ids()
        self.assertNotIn(self.env.ref("ocop_management.menu_ocop_root").id, menus)

    def test_officers_keep_their_territory_channels(self):
        Channel = self.env["ocop.distribution.channel"]
        hanoi_shop = Channel.create(
            {
                "name": "Điểm bán OCOP Hoàn Kiếm",
                "channel_type": "showroom",
                "admin_unit_id": self.hoan_kiem.id,
            }
        )
        officer = self.officer_ia_hrung
        # They read every channel, edit those of their territory.
        self.assertEqual(hanoi_shop.with_user(officer).name, "Điểm bán OCOP Hoàn Kiếm")
        self.showroom.with_user(officer).write({"address": "Chợ Ia Hrung"})
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            hanoi_shop.with_user(officer).write({"address": "Hàng Bạc"})
        # They list their commune's products, not other communes'.
        Listing = self.env["ocop.distribution.channel.product"].with_user(officer)
        Listing.create(
            {"channel_id": hanoi_shop.id, "ocop_product_id": self.product_ia_hrung.id}
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            Listing.create(
                {
                    "channel_id": self.showroom.id,
                    "ocop_product_id": self.product_bien_ho.id,
                }
            )
        # Viewers read channels and fairs, and change nothing.
        viewer = self.viewer_gia_lai
        # The OCOP forms open for them (every field of the view is readable).
        for record, view in (
            (self.fair, "ocop_management.event_event_view_form_ocop"),
            (self.showroom, "ocop_management.ocop_distribution_channel_view_form"),
            (self.product_ia_hrung, "ocop_management.ocop_product_view_form"),
        ):
            form = Form(record.with_user(viewer), view=view)
            self.assertEqual(form.id, record.id)
        self.assertEqual(form.trade_revenue, 10 * 100000)
        self.assertEqual(form.trade_criterion_41, "outside_lt5")
        self.assertEqual(self.fair.with_user(viewer).event_booth_count, 2)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.showroom.with_user(viewer).write({"address": "x"})
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.fair.with_user(viewer).write({"name": "x"})


@tagged("post_install", "-at_install")
class TestOcopTradeAccessRpc(OcopTradeAccessMixin, HttpCase):
    """The same through JSON-RPC, as the web client's pivot view calls it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trade_access_data()

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_viewer_over_json_rpc(self):
        self.authenticate("viewer_gia_lai", "viewer_gia_laipw")
        result = self._call(
            "sale.report",
            "web_read_group",
            [],
            {
                "domain": [("state", "=", "sale")],
                "fields": ["price_subtotal:sum"],
                "groupby": ["ocop_product_id"],
                "lazy": False,
            },
        )
        totals = {
            g["ocop_product_id"][0]: g["price_subtotal"] for g in result["groups"]
        }
        self.assertEqual(
            totals,
            {
                self.product_ia_hrung.id: 10 * 100000,
                self.product_bien_ho.id: 4 * 150000,
            },
        )
        for model, method, args in (
            ("sale.order", "web_search_read", []),
            ("sale.order", "read", [self.order.ids, ["name"]]),
            (
                "sale.order.line",
                "read",
                [self.order.order_line.ids, ["price_subtotal"]],
            ),
        ):
            kwargs = (
                {"domain": [], "specification": {"name": {}}}
                if method == "web_search_read"
                else {}
            )
            with (
                self.assertRaises(JsonRpcException) as caught,
                mute_logger("odoo.http", "odoo.addons.base.models.ir_model"),
            ):
                self._call(model, method, args, kwargs)
            self.assertIn("AccessError", str(caught.exception))
