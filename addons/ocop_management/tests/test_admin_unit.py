# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestAdminUnit(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Unit = cls.env["ocop.admin.unit"].with_context(active_test=False)

    def test_current_units_loaded(self):
        """34 provinces and 3,321 communes in force since 1/7/2025."""
        current = [("is_historical", "=", False)]
        self.assertEqual(
            self.Unit.search_count(current + [("level", "=", "province")]), 34
        )
        self.assertEqual(
            self.Unit.search_count(current + [("level", "=", "commune")]), 3321
        )
        self.assertFalse(self.Unit.search_count(current + [("level", "=", "district")]))
        # Every current commune hangs under a current province.
        orphans = self.Unit.search_count(
            current
            + [
                ("level", "=", "commune"),
                "|",
                ("parent_id", "=", False),
                ("parent_id.level", "!=", "province"),
            ]
        )
        self.assertEqual(orphans, 0)
        ha_noi = self.Unit.search([("level", "=", "province"), ("code", "=", "01")])
        self.assertEqual(ha_noi.name, "Thành phố Hà Nội")
        self.assertEqual(ha_noi.province_id, ha_noi)
        hoan_kiem = self.Unit.search(
            [("level", "=", "commune"), ("code", "=", "00070")]
        )
        self.assertEqual(hoan_kiem.province_id, ha_noi)
        self.assertIn(hoan_kiem, self.Unit.search([("id", "child_of", ha_noi.id)]))

    def test_loader_is_idempotent(self):
        before = self.Unit.search_read([], ["id", "write_date"], order="id")
        self.assertEqual(self.Unit._load_current_units(), {"created": 0, "updated": 0})
        self.assertEqual(
            self.Unit._load_historical_units(), {"created": 0, "updated": 0}
        )
        self.assertEqual(
            self.Unit.search_read([], ["id", "write_date"], order="id"), before
        )

    def test_loader_repairs_a_changed_unit(self):
        commune = self.Unit.search(
            [
                ("level", "=", "commune"),
                ("code", "=", "23767"),
                ("is_historical", "=", False),
            ]
        )
        commune.name = "Typo"
        stats = self.Unit._load_current_units()
        self.assertEqual(stats, {"created": 0, "updated": 1})
        self.assertEqual(commune.name, "Xã Ia Hrung")

    def test_menu_action_updates_units(self):
        action = self.Unit.action_update_units()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("0", action["params"]["message"])

    def test_historical_ia_grai_units_map_to_current_ones(self):
        historical = [("is_historical", "=", True)]
        old_gia_lai = self.Unit.search(historical + [("level", "=", "province")])
        self.assertEqual(old_gia_lai.name, "Tỉnh Gia Lai")
        self.assertEqual(old_gia_lai.code, "64")
        ia_grai = self.Unit.search(historical + [("level", "=", "district")])
        self.assertEqual(ia_grai.name, "Huyện Ia Grai")
        self.assertEqual(ia_grai.parent_id, old_gia_lai)
        self.assertEqual(len(ia_grai.child_ids), 13)
        self.assertTrue(all(c.date_end for c in ia_grai.child_ids))
        new_gia_lai = self.Unit.search(
            [
                ("is_historical", "=", False),
                ("level", "=", "province"),
                ("code", "=", "52"),
            ]
        )
        self.assertEqual(old_gia_lai.successor_ids, new_gia_lai)
        ia_sao = ia_grai.child_ids.filtered(lambda u: u.name == "Xã Ia Sao")
        self.assertEqual(ia_sao.successor_ids.name, "Xã Ia Hrung")
        self.assertFalse(ia_sao.successor_ids.is_historical)
        self.assertEqual(ia_sao.province_id, old_gia_lai)
        ia_kha = ia_grai.child_ids.filtered(lambda u: u.name == "Thị trấn Ia Kha")
        self.assertEqual(ia_kha.successor_ids.name, "Xã Ia Grai")
        # Every old commune has exactly one successor, all in the new province.
        for commune in ia_grai.child_ids:
            self.assertEqual(len(commune.successor_ids), 1, commune.name)
            self.assertEqual(commune.successor_ids.province_id, new_gia_lai)
        self.assertIn(ia_sao, ia_sao.successor_ids.predecessor_ids)

    def test_search_with_and_without_diacritics(self):
        for text in ("Ia Krái", "ia krai", "IA KRAI", "Ia Krai"):
            found = self.Unit.name_search(text, [("is_historical", "=", False)])
            self.assertIn("Xã Ia Krái", [name for _id, name in found][0], text)
        found = self.Unit.name_search("Đắk Lắk", [("level", "=", "province")])
        self.assertEqual(len(found), 1)
        self.assertEqual(
            found, self.Unit.name_search("dak lak", [("level", "=", "province")])
        )
        by_code = self.Unit.search(
            [("display_name", "ilike", "23767"), ("is_historical", "=", False)]
        )
        self.assertEqual(by_code.name, "Xã Ia Hrung")
        self.assertEqual(
            self.Unit.search(
                [("search_name", "=", "xa ia hrung"), ("is_historical", "=", False)]
            ).mapped("code"),
            ["23767"],
        )

    def test_hierarchy_is_checked(self):
        ha_noi = self.Unit.search([("level", "=", "province"), ("code", "=", "01")])
        hoan_kiem = self.Unit.search(
            [("level", "=", "commune"), ("code", "=", "00070")]
        )
        with self.assertRaises(ValidationError):
            self.Unit.create({"name": "Xã lạc", "code": "99999", "level": "commune"})
        gia_lai = self.Unit.search([("level", "=", "province"), ("code", "=", "52")])
        with self.assertRaises(ValidationError) as caught:
            ha_noi.parent_id = gia_lai
        self.assertIn("cannot belong to", str(caught.exception))
        with self.assertRaises(UserError):  # a loop in the tree
            ha_noi.parent_id = hoan_kiem
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.Unit.create(
                {
                    "name": "Province twin",
                    "code": "01",
                    "level": "province",
                }
            ).flush_recordset()
