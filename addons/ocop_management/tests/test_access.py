# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import OcopTestMixin


@tagged("post_install", "-at_install")
class TestTerritorialAccess(OcopTestMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_ocop_data()
        cls.all_products = (
            cls.product_ia_hrung | cls.product_bien_ho | cls.product_hoan_kiem
        )
        cls.all_producers = (
            cls.producer_ia_hrung | cls.producer_bien_ho | cls.producer_hoan_kiem
        )

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_commune_officer_sees_only_own_commune(self):
        officer = self.officer_ia_hrung
        self.assertEqual(
            self._visible(officer, self.all_products), self.product_ia_hrung
        )
        self.assertEqual(
            self._visible(officer, self.all_producers), self.producer_ia_hrung
        )
        for record in (self.product_bien_ho, self.producer_bien_ho):
            with (
                self.assertRaises(AccessError),
                mute_logger("odoo.addons.base.models.ir_rule"),
            ):
                record.with_user(officer).read(["name"])
            with (
                self.assertRaises(AccessError),
                mute_logger("odoo.addons.base.models.ir_rule"),
            ):
                record.with_user(officer).write({"name": "Hacked"})
        self.assertEqual(self.product_bien_ho.name, "Mật ong Biển Hồ")
        # Their own records are theirs to keep.
        self.product_ia_hrung.with_user(officer).write({"name": "Cà phê Ia Hrung mới"})
        self.producer_ia_hrung.with_user(officer).write({"phone": "0269 000 000"})

    def test_commune_officer_cannot_create_in_another_commune(self):
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            self.env["ocop.product"].with_user(self.officer_ia_hrung).create(
                {
                    "name": "Sản phẩm ngoài xã",
                    "producer_id": self.producer_bien_ho.id,
                    "product_group_id": self.product_set_honey.id,
                    "commune_id": self.bien_ho.id,
                }
            )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            self.env["res.partner"].with_user(self.officer_ia_hrung).create(
                {
                    "name": "HTX ngoài xã",
                    "is_company": True,
                    "ocop_entity_type": "cooperative",
                    "ocop_is_producer": True,
                    "ocop_business_reg_no": "OUT-1",
                    "ocop_admin_unit_id": self.bien_ho.id,
                }
            )

    def test_commune_officer_creates_in_own_commune(self):
        officer_env = self.env(user=self.officer_ia_hrung)
        producer = officer_env["res.partner"].create(
            {
                "name": "HKD mới Ia Hrung",
                "is_company": True,
                "ocop_entity_type": "household",
                "ocop_is_producer": True,
                "ocop_business_reg_no": "NEW-HKD-1",
                "ocop_admin_unit_id": self.ia_hrung.id,
            }
        )
        product = officer_env["ocop.product"].create(
            {
                "name": "Tiêu Ia Hrung",
                "producer_id": producer.id,
                "product_group_id": self.product_set_coffee.id,
                "commune_id": self.ia_hrung.id,
            }
        )
        self.assertTrue(product.code.startswith("52-23767-"))

    def test_other_contacts_are_not_scoped(self):
        customer = self.env["res.partner"].create({"name": "Khách hàng bất kỳ"})
        self.assertEqual(self._visible(self.officer_ia_hrung, customer), customer)

    def test_programme_officer_sees_province_subtree(self):
        officer = self.programme_gia_lai
        self.assertEqual(
            self._visible(officer, self.all_products),
            self.product_ia_hrung | self.product_bien_ho,
        )
        self.assertEqual(
            self._visible(officer, self.all_producers),
            self.producer_ia_hrung | self.producer_bien_ho,
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            self.product_hoan_kiem.with_user(officer).read(["name"])

    def test_viewer_reads_but_cannot_write(self):
        viewer = self.viewer_gia_lai
        self.assertEqual(
            self._visible(viewer, self.all_products),
            self.product_ia_hrung | self.product_bien_ho,
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.product_ia_hrung.with_user(viewer).write({"name": "No"})

    def test_manager_sees_everything_and_configures(self):
        manager = self.ocop_manager
        self.assertEqual(self._visible(manager, self.all_products), self.all_products)
        self.assertEqual(self._visible(manager, self.all_producers), self.all_producers)
        action = self.env["ocop.admin.unit"].with_user(manager).action_update_units()
        self.assertEqual(action["params"]["type"], "success")

    def test_only_managers_update_units(self):
        with self.assertRaisesMessage(UserError, "Only OCOP managers"):
            self.env["ocop.admin.unit"].with_user(
                self.programme_gia_lai
            ).action_update_units()

    def test_users_without_ocop_rights_see_no_ocop_product(self):
        sales_user = self._ocop_user("plain_user", "base.group_user", self.gia_lai)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.env["ocop.product"].with_user(sales_user).search([])


@tagged("post_install", "-at_install")
class TestTerritorialAccessRpc(OcopTestMixin, HttpCase):
    """The same scopes hold through JSON-RPC, as the web client calls them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_ocop_data()

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_commune_officer_over_json_rpc(self):
        self.authenticate("officer_ia_hrung", "officer_ia_hrungpw")
        found = self._call(
            "ocop.product",
            "web_search_read",
            [],
            {
                "domain": [
                    (
                        "name",
                        "in",
                        ["Cà phê Ia Hrung", "Mật ong Biển Hồ", "Chè Hoàn Kiếm"],
                    )
                ],
                "specification": {"name": {}, "code": {}},
            },
        )
        self.assertEqual([r["id"] for r in found["records"]], self.product_ia_hrung.ids)
        for model, record in (
            ("ocop.product", self.product_bien_ho),
            ("res.partner", self.producer_bien_ho),
        ):
            with (
                self.assertRaises(JsonRpcException) as caught,
                mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"),
            ):
                self._call(model, "read", [record.ids, ["name"]])
            self.assertIn("AccessError", str(caught.exception))
            with (
                self.assertRaises(JsonRpcException) as caught,
                mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"),
            ):
                self._call(model, "write", [record.ids, {"name": "Hacked"}])
            self.assertIn("AccessError", str(caught.exception))
        self.assertEqual(self.product_bien_ho.name, "Mật ong Biển Hồ")
        self.assertEqual(self.producer_bien_ho.name, "Công ty Thử nghiệm Biển Hồ")
        # name_search leaks nothing either.
        names = self._call("res.partner", "name_search", [], {"name": "Thử nghiệm"})
        self.assertEqual([n[0] for n in names], self.producer_ia_hrung.ids)
