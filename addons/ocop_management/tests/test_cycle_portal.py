# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .test_cycle import OcopCycleMixin


@tagged("post_install", "-at_install")
class TestProducerPortal(OcopCycleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_cycle_data()
        cls.other_portal = new_test_user(
            cls.env,
            login="other_portal",
            password="other_portalpw",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create({"name": "Người Biển Hồ", "parent_id": cls.producer_bien_ho.id})
            .id,
        )

    def _post(self, url, data, files=None):
        data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, files=files)

    def test_register_idea_plan_and_upload(self):
        self.authenticate("htx_iahrung_portal", "htx_iahrung_portalpw")
        page = self.url_open("/my/ocop")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Register a Product Idea", page.text)
        response = self._post(
            "/my/ocop/ideas/new",
            {
                "name": "Cà phê chồn Ia Hrung",
                "product_group_id": self.product_set_coffee.id,
                "description": "Cà phê lên men",
                "submit": "1",
            },
        )
        self.assertEqual(response.status_code, 200)
        idea = self.env["ocop.product.idea"].search(
            [("name", "=", "Cà phê chồn Ia Hrung")]
        )
        self.assertEqual(idea.producer_id, self.producer_ia_hrung)
        self.assertEqual(idea.cycle_id, self.cycle)
        self.assertEqual(idea.state, "submitted")
        self.assertIn(self.officer_ia_hrung, idea.activity_ids.user_id)
        # Missing description: refused, nothing written.
        count = self.env["ocop.product.idea"].search_count([])
        response = self._post(
            "/my/ocop/ideas/new",
            {"name": "Thiếu", "product_group_id": self.product_set_coffee.id},
        )
        self.assertIn("o_ocop_error", response.text)
        self.assertEqual(self.env["ocop.product.idea"].search_count([]), count)
        # Selected by the office, the producer writes and submits the plan.
        idea.action_review()
        idea.action_select()
        self._post(f"/my/ocop/ideas/{idea.id}/plan", {})
        plan = idea.plan_ids
        self.assertEqual(len(plan), 1)
        self._post(
            f"/my/ocop/plans/{plan.id}",
            {"goals": "Đạt 4 sao", "investment_total": "250000000", "submit": "1"},
        )
        self.assertEqual(plan.goals, "Đạt 4 sao")
        self.assertEqual(plan.investment_total, 250e6)
        self.assertEqual(plan.state, "submitted")
        response = self._post(
            f"/my/ocop/plans/{plan.id}/upload",
            {},
            files={"file": ("phuong-an.pdf", b"%PDF-1.4 test", "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(plan.attachment_ids.mapped("name"), ["phuong-an.pdf"])

    def test_other_producers_records_are_out_of_reach(self):
        theirs = self._idea(producer=self.producer_bien_ho, name="Ý tưởng Biển Hồ")
        ours = self._idea()
        self.authenticate("htx_iahrung_portal", "htx_iahrung_portalpw")
        listing = self.url_open("/my/ocop")
        self.assertIn(ours.name, listing.text)
        self.assertNotIn(theirs.name, listing.text)
        with mute_logger("odoo.http"):
            response = self.url_open(f"/my/ocop/ideas/{theirs.id}")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(theirs.name, response.text)
        attachments = self.env["ir.attachment"].search_count([])
        with mute_logger("odoo.http"):
            response = self._post(
                f"/my/ocop/ideas/{theirs.id}/upload",
                {},
                files={"file": ("x.pdf", b"%PDF", "application/pdf")},
            )
            self.assertEqual(response.status_code, 403)
            response = self._post(f"/my/ocop/ideas/{theirs.id}/submit", {})
            self.assertEqual(response.status_code, 403)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
        self.assertEqual(theirs.state, "draft")
        for method, args in (
            ("read", [theirs.ids, ["name", "description"]]),
            ("write", [ours.ids, {"name": "Hacked"}]),
        ):
            with (
                self.assertRaises(JsonRpcException) as caught,
                mute_logger(
                    "odoo.http",
                    "odoo.addons.base.models.ir_rule",
                    "odoo.addons.base.models.ir_model",
                ),
            ):
                self.make_jsonrpc_request(
                    f"/web/dataset/call_kw/ocop.product.idea/{method}",
                    {
                        "model": "ocop.product.idea",
                        "method": method,
                        "args": args,
                        "kwargs": {},
                    },
                )
            self.assertIn("AccessError", str(caught.exception))
        self.assertEqual(ours.name, "Cà phê rang mộc Ia Hrung")

    def test_tours_producer_registers_and_officer_selects(self):
        self.start_tour("/my/ocop", "ocop_portal_idea_tour", login="htx_iahrung_portal")
        idea = self.env["ocop.product.idea"].search(
            [("name", "=", "Trà mãng cầu Ia Hrung")]
        )
        self.assertEqual(idea.state, "submitted")
        self.assertEqual(idea.product_group_id.set_no, 11)
        idea.with_user(self.officer_ia_hrung).action_review()
        self.start_tour(
            "/odoo/action-ocop_management.ocop_product_idea_action",
            "ocop_idea_selection_tour",
            login="programme_gia_lai",
        )
        self.assertEqual(idea.state, "selected")
        self.assertTrue(idea.ocop_product_id.code.startswith("52-23767-"))
