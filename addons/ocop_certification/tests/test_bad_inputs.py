# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input (issue #17, 6 and 7d): each is refused with a ValidationError or
a UserError, in Vietnamese for a vi_VN user, and nothing is written; over
JSON-RPC the error is one of these, never a database or Python error."""

import re
from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, tagged

from .common import OcopCertificationMixin
from .test_rpc_forgery import JsonRpcMixin

# letters only Vietnamese uses (the messages' fixed words carry them)
VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)
# words of the English messages that no Vietnamese message holds
ENGLISH = re.compile(
    r"\b(the|is|are|not|cannot|must|expected|required|valid|allowed|only|"
    r"through|workflow|number|text|characters|values|negative|more|give|most|"
    r"records?|changed?|entered|whole|unknown|maximum|field|of)\b",
    re.IGNORECASE,
)

MEGABYTE_NAME = "Cà phê " * (1024 * 1024 // 7)


class BadInputMixin(OcopCertificationMixin):
    @classmethod
    def setup_bad_input_data(cls):
        cls.setup_certification_data()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(
            ["ocop_management", "ocop_certification"], ["vi_VN"], overwrite=True
        )
        (cls.officer_ia_hrung | cls.programme_gia_lai | cls.ocop_manager).lang = "vi_VN"
        cls.criterion = cls.test_set.criterion_ids.filtered(lambda c: c.code == "1.1")

    def assertVietnamese(self, message):
        self.assertRegex(message, VIETNAMESE, f"not Vietnamese: {message}")
        self.assertNotRegex(message, ENGLISH, f"English left in: {message}")


@tagged("post_install", "-at_install")
class TestBadInputs(BadInputMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_bad_input_data()

    def as_user(self, user, model):
        return self.env[model].with_user(user).with_context(lang="vi_VN")

    @contextmanager
    def assertRefusedInVietnamese(self):
        """A ValidationError or a UserError (not an access error, not a
        database or Python error), in Vietnamese; the savepoint of
        assertRaises rolls back whatever the call started to write."""
        with self.assertRaises(UserError) as caught:
            yield caught
        self.assertIn(type(caught.exception), (UserError, ValidationError))
        self.assertVietnamese(str(caught.exception.args[0]))

    def product_vals(self, **vals):
        return dict(
            {
                "name": "Cà phê mới Ia Hrung",
                "producer_id": self.producer_ia_hrung.id,
                "product_group_id": self.product_set_coffee.id,
                "commune_id": self.ia_hrung.id,
            },
            **vals,
        )

    def assertNoNewProduct(self, count):
        self.env.invalidate_all()
        self.assertEqual(self.env["ocop.product"].search_count([]), count)

    def test_product_name(self):
        Product = self.as_user(self.officer_ia_hrung, "ocop.product")
        product = self.product_ia_hrung
        count = self.env["ocop.product"].search_count([])
        for name in ("", "   ", False, MEGABYTE_NAME, "x" * 513):
            with self.assertRefusedInVietnamese():
                Product.create(self.product_vals(name=name))
            with self.assertRefusedInVietnamese():
                product.with_env(Product.env).write({"name": name})
        self.assertNoNewProduct(count)
        self.env.invalidate_all()
        self.assertEqual(product.name, "Cà phê Ia Hrung")
        # a sensible name is accepted
        Product.create(self.product_vals(name="Cà phê " * 70))

    def test_wrong_types_of_ids(self):
        Product = self.as_user(self.officer_ia_hrung, "ocop.product")
        count = self.env["ocop.product"].search_count([])
        for vals in (
            {"producer_id": "HTX Thử nghiệm Ia Hrung"},
            {"producer_id": str(self.producer_ia_hrung.id)},
            {"producer_id": 1.5},
            {"producer_id": -3},
            {"producer_id": 2**40},
            {"commune_id": [self.ia_hrung.id]},
            {"commune_id": {"id": self.ia_hrung.id}},
            {"code_year": "hai nghìn"},
            {"code_year": 2**40},
        ):
            with self.assertRefusedInVietnamese():
                Product.create(self.product_vals(**vals))
        self.assertNoNewProduct(count)

    def test_dates(self):
        Dossier = self.as_user(self.officer_ia_hrung, "ocop.dossier")
        dossier = Dossier.create({"product_id": self.product_ia_hrung.id})
        filed = dossier.date_filed
        count = self.env["ocop.dossier"].search_count([])
        for value in ("31/02/2026", "2026-02-31", "hôm qua", "2026-13-01", 20260201):
            with self.assertRefusedInVietnamese():
                Dossier.create(
                    {"product_id": self.product_ia_hrung.id, "date_filed": value}
                )
            with self.assertRefusedInVietnamese():
                dossier.write({"date_filed": value})
        self.env.invalidate_all()
        self.assertEqual(self.env["ocop.dossier"].search_count([]), count)
        self.assertEqual(dossier.date_filed, filed)

    def test_unknown_selection_values(self):
        Dossier = self.as_user(self.officer_ia_hrung, "ocop.dossier")
        dossier = Dossier.create({"product_id": self.product_ia_hrung.id})
        for vals in ({"state": "approved"}, {"state": "scored"}, {"round": "3"}):
            with self.assertRefusedInVietnamese():
                dossier.write(vals)
            with self.assertRefusedInVietnamese():
                Dossier.create(dict(vals, product_id=self.product_ia_hrung.id))
        self.env.invalidate_all()
        self.assertEqual((dossier.state, dossier.round), ("draft", "1"))
        Council = self.as_user(self.programme_gia_lai, "ocop.council")
        council = self.council.with_env(Council.env)
        for value in ("sometimes", "", 3, "AVERAGE"):
            with self.assertRefusedInVietnamese():
                council.write({"minima_rule": value})
        self.env.invalidate_all()
        self.assertEqual(self.council.minima_rule, "average")

    def test_numbers_that_are_not_numbers(self):
        """JSON-RPC lets NaN and Infinity through: PostgreSQL would store
        them, and every average after them would be NaN."""
        Council = self.as_user(self.programme_gia_lai, "ocop.council")
        council = self.council.with_env(Council.env)
        for value in (float("nan"), float("inf"), float("-inf"), "10", True):
            with self.assertRefusedInVietnamese():
                council.write({"max_spread": value})
        Dossier = self.as_user(self.officer_ia_hrung, "ocop.dossier")
        dossier = Dossier.create({"product_id": self.product_ia_hrung.id})
        for value in (float("inf"), float("nan"), 2026.5, "2026"):
            with self.assertRefusedInVietnamese():
                dossier.write({"year": value})
        self.env.invalidate_all()
        self.assertEqual(self.council.max_spread, 10)
        self.assertEqual(dossier.year, dossier.create_date.year)

    def test_negative_points_and_spread(self):
        """(The constraints of options and councils, issue #17, 6.)"""
        Option = self.as_user(self.ocop_manager, "ocop.criterion.option")
        count = self.env["ocop.criterion.option"].search_count([])
        for points in (-5, -0.5, self.criterion.max_points + 1):
            with self.assertRefusedInVietnamese():
                Option.create(
                    {
                        "criterion_id": self.criterion.id,
                        "name": "Phương án sai",
                        "points": points,
                    }
                )
        option = self.criterion.option_ids[0].with_env(Option.env)
        with self.assertRefusedInVietnamese():
            option.write({"points": -5})
        self.env.invalidate_all()
        self.assertEqual(self.env["ocop.criterion.option"].search_count([]), count)
        self.assertEqual(option.points, 0)
        Council = self.as_user(self.programme_gia_lai, "ocop.council")
        council = self.council.with_env(Council.env)
        with self.assertRefusedInVietnamese():
            council.write({"max_spread": -10})
        councils = self.env["ocop.council"].search_count([])
        with self.assertRefusedInVietnamese():
            Council.create(
                {
                    "name": "Hội đồng sai",
                    "admin_unit_id": self.gia_lai.id,
                    "framework_id": self.fw26.id,
                    "max_spread": -1,
                }
            )
        self.env.invalidate_all()
        self.assertEqual(self.council.max_spread, 10)
        self.assertEqual(self.env["ocop.council"].search_count([]), councils)

    def test_bad_one2many_commands(self):
        Council = self.as_user(self.programme_gia_lai, "ocop.council")
        council = self.council.with_env(Council.env)
        members = council.member_ids.ids
        for value in (
            "member1",
            {"0": 1},
            [["create", "x"]],  # the ORM ignores an unknown command
            [[9, 0, 0]],
            [[0, 0, "x"]],
            [[1, "x", {}]],
            [[4, "abc"]],
            [[6, 0, "abc"]],
            [[6, 0, ["x"]]],
            [[4, self.members[0].id], 7],
            [7, "x"],
            [[]],
        ):
            with self.assertRefusedInVietnamese():
                council.write({"member_ids": value})
        with self.assertRefusedInVietnamese():
            council.write({"member_ids": [Command.create({"user_id": "Thành viên 1"})]})
        self.env.invalidate_all()
        self.assertEqual(self.council.member_ids.ids, members)


@tagged("post_install", "-at_install")
class TestBadInputsOverRpc(JsonRpcMixin, BadInputMixin, HttpCase):
    lang = "vi_VN"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_bad_input_data()

    def assertRefusedOverRpc(self, model, method, *args):
        error = self.assertRpcRefused(
            model, method, *args, names=["ValidationError", "UserError"]
        )
        self.assertVietnamese(error["data"]["message"])

    def test_bad_inputs_over_rpc(self):
        self.login(self.officer_ia_hrung)
        count = self.count("ocop.product")
        vals = {
            "name": "Cà phê mới Ia Hrung",
            "producer_id": self.producer_ia_hrung.id,
            "product_group_id": self.product_set_coffee.id,
            "commune_id": self.ia_hrung.id,
        }
        for bad in (
            {"name": ""},
            {"name": MEGABYTE_NAME},
            {"producer_id": "HTX Thử nghiệm Ia Hrung"},
            {"commune_id": [self.ia_hrung.id]},
            {"state": "approved"},
        ):
            self.assertRefusedOverRpc("ocop.product", "create", [dict(vals, **bad)])
        self.assertEqual(self.count("ocop.product"), count)
        dossier = self.env["ocop.dossier"].create(
            {"product_id": self.product_ia_hrung.id}
        )
        before = self.snapshot(dossier, ("date_filed", "state"))
        for bad in (
            {"date_filed": "31/02/2026"},
            {"date_filed": "hôm qua"},
            {"state": "approved"},
        ):
            self.assertRefusedOverRpc("ocop.dossier", "write", [dossier.id], bad)
        self.assertUnchanged(dossier, ("date_filed", "state"), before)
        self.login(self.programme_gia_lai)
        names = ("max_spread", "minima_rule")
        before = self.snapshot(self.council, names)
        for bad in (
            {"minima_rule": "sometimes"},
            {"max_spread": -10},
            {"max_spread": float("nan")},
            {"member_ids": [["create", {"user_id": self.programme_gia_lai.id}]]},
        ):
            self.assertRefusedOverRpc("ocop.council", "write", [self.council.id], bad)
        self.assertUnchanged(self.council, names, before)
        self.login(self.ocop_manager)
        count = self.count("ocop.criterion.option")
        self.assertRefusedOverRpc(
            "ocop.criterion.option",
            "create",
            [{"criterion_id": self.criterion.id, "name": "Sai", "points": -5}],
        )
        self.assertEqual(self.count("ocop.criterion.option"), count)
