# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from .common import OcopTestMixin


@tagged("post_install", "-at_install")
class TestProducer(OcopTestMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_ocop_data()
        cls.Partner = cls.env["res.partner"]

    def _producer_vals(self, **vals):
        return dict(
            {
                "name": "Chủ thể thử",
                "is_company": True,
                "ocop_is_producer": True,
                "ocop_entity_type": "cooperative",
                "ocop_business_reg_no": "REG-X-1",
                "ocop_admin_unit_id": self.ia_hrung.id,
            },
            **vals,
        )

    def test_four_entity_types_are_eligible(self):
        for number, entity_type in enumerate(
            ("cooperative", "cooperative_group", "enterprise", "household")
        ):
            partner = self.Partner.create(
                self._producer_vals(
                    ocop_entity_type=entity_type, ocop_business_reg_no=f"REG-{number}"
                )
            )
            self.assertTrue(partner.ocop_is_producer)

    def test_ineligible_types_are_refused(self):
        count = self.Partner.search_count([])
        for entity_type in ("agency", "other", False):
            with self.assertRaisesMessage(ValidationError, "only cooperatives"):
                self.Partner.create(self._producer_vals(ocop_entity_type=entity_type))
        self.assertEqual(self.Partner.search_count([]), count)

    def test_household_without_registration_is_refused(self):
        with self.assertRaisesMessage(
            ValidationError, "household without a business registration"
        ):
            self.Partner.create(
                self._producer_vals(
                    ocop_entity_type="household", ocop_business_reg_no=False
                )
            )
        with self.assertRaisesMessage(
            ValidationError, "household without a business registration"
        ):
            self.Partner.create(
                self._producer_vals(
                    ocop_entity_type="household", ocop_business_reg_no="  "
                )
            )
        # Removing the number of an existing household producer is refused too.
        with self.assertRaisesMessage(
            ValidationError, "household without a business registration"
        ):
            self.producer_hoan_kiem.ocop_business_reg_no = False
        self.assertEqual(self.producer_hoan_kiem.ocop_business_reg_no, "TEST-HKD-003")

    def test_cooperative_group_needs_no_registration(self):
        group = self.Partner.create(
            self._producer_vals(
                ocop_entity_type="cooperative_group", ocop_business_reg_no=False
            )
        )
        self.assertTrue(group.ocop_is_producer)

    def test_producer_needs_a_commune(self):
        with self.assertRaisesMessage(ValidationError, "administrative unit"):
            self.Partner.create(self._producer_vals(ocop_admin_unit_id=False))
        with self.assertRaisesMessage(ValidationError, "not a commune"):
            self.Partner.create(self._producer_vals(ocop_admin_unit_id=self.gia_lai.id))

    def test_registration_number_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.Partner.create(
                self._producer_vals(ocop_business_reg_no="TEST-HTX-001")
            ).flush_recordset()

    def test_entity_type_onchange_marks_producer(self):
        form = Form(self.Partner)
        form.name = "HTX mới"
        form.company_type = "company"
        form.ocop_entity_type = "household"
        self.assertTrue(form.ocop_is_producer)
        self.assertTrue(form.is_company)
        form.ocop_entity_type = "agency"
        self.assertFalse(form.ocop_is_producer)

    def test_smart_button_counts_products(self):
        self.assertEqual(self.producer_ia_hrung.ocop_product_count, 1)
        action = self.producer_ia_hrung.action_view_ocop_products()
        self.assertEqual(
            self.env["ocop.product"].search(action["domain"]), self.product_ia_hrung
        )
        self.assertEqual(self.producer_ia_hrung.ocop_province_id, self.gia_lai)
