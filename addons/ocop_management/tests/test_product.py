# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import OcopTestMixin


@tagged("post_install", "-at_install")
class TestOcopProduct(OcopTestMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_ocop_data()
        cls.Product = cls.env["ocop.product"]

    def _vals(self, **vals):
        return dict(
            {
                "name": "Sản phẩm thử",
                "producer_id": self.producer_ia_hrung.id,
                "product_group_id": self.product_set_coffee.id,
                "commune_id": self.ia_hrung.id,
                "code_year": 2026,
            },
            **vals,
        )

    def test_code_format_and_per_commune_sequence(self):
        # Nothing else lives in Hoàn Kiếm: the first product there is number 1.
        self.assertEqual(self.product_hoan_kiem.code, "01-00070-001-2026")
        first = self.product_ia_hrung
        self.assertEqual(first.code, "52-23767-%03d-2026" % first.code_sequence)
        second, third = self.Product.create([self._vals(), self._vals(code_year=2027)])
        self.assertEqual(second.code_sequence, first.code_sequence + 1)
        self.assertEqual(second.code, "52-23767-%03d-2026" % second.code_sequence)
        self.assertEqual(third.code, "52-23767-%03d-2027" % (first.code_sequence + 2))
        self.assertEqual(third.display_name, "[%s] Sản phẩm thử" % third.code)
        # Another commune keeps its own numbering.
        other = self.Product.create(
            self._vals(producer_id=self.producer_bien_ho.id, commune_id=self.bien_ho.id)
        )
        self.assertEqual(other.code_sequence, self.product_bien_ho.code_sequence + 1)
        self.assertTrue(other.code.startswith("52-23590-"))

    def test_code_on_historical_units(self):
        ia_to = self._unit("commune", "23779", historical=True)  # Xã Ia Tô, Ia Grai
        producer = self.env["res.partner"].create(
            {
                "name": "HTX Ia Tô 2021",
                "is_company": True,
                "ocop_entity_type": "cooperative",
                "ocop_is_producer": True,
                "ocop_business_reg_no": "IATO-2021",
                "ocop_admin_unit_id": ia_to.id,
            }
        )
        product = self.Product.create(
            self._vals(producer_id=producer.id, commune_id=ia_to.id, code_year=2021)
        )
        self.assertEqual(product.code, "64-23779-001-2021")
        # A producer registered before the reform may have products in the
        # successor province's communes.
        current = self.Product.create(self._vals(producer_id=producer.id))
        self.assertEqual(current.province_id, self.gia_lai)

    def test_duplicate_code_is_refused(self):
        count = self.Product.search_count([])
        product = self.Product.create(self._vals())
        with self.assertRaisesMessage(ValidationError, "already used"):
            product.code = self.product_ia_hrung.code
        self.assertNotEqual(product.code, self.product_ia_hrung.code)
        with self.assertRaisesMessage(ValidationError, "already used"):
            self.Product.create(self._vals(code=self.product_hoan_kiem.code))
        self.assertEqual(self.Product.search_count([]), count + 1)

    def test_commune_outside_producer_province_is_refused(self):
        count = self.Product.search_count([])
        with self.assertRaisesMessage(ValidationError, "outside the province"):
            self.Product.create(self._vals(commune_id=self.hoan_kiem.id))
        self.assertEqual(self.Product.search_count([]), count)

    def test_ineligible_producer_is_refused(self):
        agency = self.env["res.partner"].create(
            {
                "name": "Phòng Nông nghiệp",
                "is_company": True,
                "ocop_entity_type": "agency",
            }
        )
        with self.assertRaisesMessage(ValidationError, "is not an OCOP producer"):
            self.Product.create(self._vals(producer_id=agency.id))

    def test_product_set_required_at_set_level(self):
        # Set 13 (coffee, cocoa) is a group without subgroups: its parent is
        # the sector itself.
        sector = self.product_set_coffee.parent_id
        self.assertEqual(sector.level, "sector")
        with self.assertRaisesMessage(ValidationError, "Choose a product set"):
            self.Product.create(self._vals(product_group_id=sector.id))
        self.assertEqual(self.product_ia_hrung.sector_id, sector)

    def test_commune_locked_once_coded(self):
        with self.assertRaisesMessage(UserError, "cannot be changed"):
            self.product_ia_hrung.commune_id = self.bien_ho
        self.assertEqual(self.product_ia_hrung.commune_id, self.ia_hrung)

    def test_state_transitions(self):
        product = self.product_ia_hrung

        def tracked_states():
            self.env.flush_all()
            self.env.cr.precommit.run()  # tracking values are written at commit
            return product.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "state"
            )

        product.action_start_development()
        self.assertEqual(product.state, "developing")
        self.assertEqual(len(tracked_states()), 1)
        with self.assertRaisesMessage(UserError, "not possible"):
            product.action_start_development()
        product.action_stop_production()
        self.assertEqual(product.state, "stopped")
        self.assertEqual(len(tracked_states()), 2)
        product.action_reset_to_draft()
        self.assertEqual(product.state, "draft")
        self.assertEqual(len(tracked_states()), 3)

    def test_linked_product_templates(self):
        template = self.env["product.template"].create({"name": "Cà phê 500 g"})
        self.product_ia_hrung.product_tmpl_ids = template
        self.assertEqual(template.ocop_product_ids, self.product_ia_hrung)
        with self.assertRaisesMessage(ValidationError, "one OCOP product only"):
            self.product_bien_ho.product_tmpl_ids = template
        action = self.product_ia_hrung.action_view_product_templates()
        self.assertEqual(action["domain"], [("id", "in", template.ids)])

    def test_form_creates_product_with_code(self):
        form = Form(self.Product)
        form.name = "Mật ong rừng"
        form.producer_id = self.producer_ia_hrung
        form.product_group_id = self.product_set_honey
        form.commune_id = self.ia_hrung
        product = form.save()
        self.assertRegex(product.code, r"^52-23767-\d{3}-\d{4}$")
