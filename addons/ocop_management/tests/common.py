# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo.tests import new_test_user


class OcopTestMixin:
    """Territories, producers and users shared by the OCOP tests. Every record
    is created here: the tests never rely on demo data (they pass with or
    without it)."""

    @contextmanager
    def assertRaisesMessage(self, exception, text):
        """``assertRaises`` (which rolls back to a savepoint, so nothing is left
        written) plus a check of the message shown to the user."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    @classmethod
    def _unit(cls, level, code, historical=False):
        return cls.env["ocop.admin.unit"].search(
            [
                ("level", "=", level),
                ("code", "=", code),
                ("is_historical", "=", historical),
            ]
        )

    @classmethod
    def setup_ocop_data(cls):
        cls.Unit = cls.env["ocop.admin.unit"]
        cls.gia_lai = cls._unit("province", "52")
        cls.ha_noi = cls._unit("province", "01")
        cls.ia_hrung = cls._unit("commune", "23767")  # Xã Ia Hrung, Gia Lai
        cls.bien_ho = cls._unit("commune", "23590")  # Xã Biển Hồ, Gia Lai
        cls.hoan_kiem = cls._unit("commune", "00070")  # Phường Hoàn Kiếm, Hà Nội
        cls.product_set_coffee = cls.env.ref(
            "ocop_management.product_group_qd26_set_13"
        )
        cls.product_set_honey = cls.env.ref("ocop_management.product_group_qd26_set_04")
        Partner = cls.env["res.partner"]
        cls.producer_ia_hrung = Partner.create(
            {
                "name": "HTX Thử nghiệm Ia Hrung",
                "is_company": True,
                "ocop_entity_type": "cooperative",
                "ocop_is_producer": True,
                "ocop_business_reg_no": "TEST-HTX-001",
                "ocop_admin_unit_id": cls.ia_hrung.id,
                "email": "htx.iahrung@example.com",
            }
        )
        cls.producer_bien_ho = Partner.create(
            {
                "name": "Công ty Thử nghiệm Biển Hồ",
                "is_company": True,
                "ocop_entity_type": "enterprise",
                "ocop_is_producer": True,
                "ocop_business_reg_no": "TEST-DN-002",
                "ocop_admin_unit_id": cls.bien_ho.id,
            }
        )
        cls.producer_hoan_kiem = Partner.create(
            {
                "name": "Hộ kinh doanh Thử nghiệm Hoàn Kiếm",
                "is_company": True,
                "ocop_entity_type": "household",
                "ocop_is_producer": True,
                "ocop_business_reg_no": "TEST-HKD-003",
                "ocop_admin_unit_id": cls.hoan_kiem.id,
            }
        )
        Product = cls.env["ocop.product"]
        cls.product_ia_hrung = Product.create(
            {
                "name": "Cà phê Ia Hrung",
                "producer_id": cls.producer_ia_hrung.id,
                "product_group_id": cls.product_set_coffee.id,
                "commune_id": cls.ia_hrung.id,
                "code_year": 2026,
            }
        )
        cls.product_bien_ho = Product.create(
            {
                "name": "Mật ong Biển Hồ",
                "producer_id": cls.producer_bien_ho.id,
                "product_group_id": cls.product_set_honey.id,
                "commune_id": cls.bien_ho.id,
                "code_year": 2026,
            }
        )
        cls.product_hoan_kiem = Product.create(
            {
                "name": "Chè Hoàn Kiếm",
                "producer_id": cls.producer_hoan_kiem.id,
                "product_group_id": cls.product_set_coffee.id,
                "commune_id": cls.hoan_kiem.id,
                "code_year": 2026,
            }
        )
        cls.officer_ia_hrung = cls._ocop_user(
            "officer_ia_hrung",
            "ocop_management.group_ocop_commune_officer",
            cls.ia_hrung,
        )
        cls.officer_bien_ho = cls._ocop_user(
            "officer_bien_ho", "ocop_management.group_ocop_commune_officer", cls.bien_ho
        )
        cls.programme_gia_lai = cls._ocop_user(
            "programme_gia_lai",
            "ocop_management.group_ocop_programme_officer",
            cls.gia_lai,
        )
        cls.viewer_gia_lai = cls._ocop_user(
            "viewer_gia_lai", "ocop_management.group_ocop_viewer", cls.gia_lai
        )
        cls.ocop_manager = cls._ocop_user(
            "ocop_manager", "ocop_management.group_ocop_manager", cls.Unit
        )

    @classmethod
    def _ocop_user(cls, login, group, units, **values):
        user = new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,{group}",
            password=login + "pw",
            **values,
        )
        user.ocop_admin_unit_ids = units
        return user

    @classmethod
    def setup_workflow_users(cls):
        """Roles of the workflow tests, besides those of setup_ocop_data: a
        commune officer of Hà Nội and a commune-level programme officer of Ia
        Hrung (who reads the province's records but acts on the commune's
        only), both working in Vietnamese, and a portal user of two
        producers."""
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.officer_hoan_kiem = cls._ocop_user(
            "officer_hoan_kiem",
            "ocop_management.group_ocop_commune_officer",
            cls.hoan_kiem,
            lang="vi_VN",
        )
        cls.programme_ia_hrung = cls._ocop_user(
            "programme_ia_hrung",
            "ocop_management.group_ocop_programme_officer",
            cls.ia_hrung,
            lang="vi_VN",
        )
        cls.portal_ia_hrung = cls._portal_user("portal_ia_hrung", cls.producer_ia_hrung)
        cls.portal_bien_ho = cls._portal_user("portal_bien_ho", cls.producer_bien_ho)

    @classmethod
    def _portal_user(cls, login, producer):
        contact = cls.env["res.partner"].create(
            {"name": f"Liên hệ {producer.name}", "parent_id": producer.id}
        )
        return new_test_user(
            cls.env,
            login=login,
            password=login + "pw",
            groups="base.group_portal",
            partner_id=contact.id,
        )
