# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import OcopCertificationMixin


@tagged("post_install", "-at_install")
class TestCouncilAccess(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.outsider = new_test_user(
            cls.env,
            login="member_elsewhere",
            groups="base.group_user,ocop_management.group_ocop_council_member",
        )
        cls.other_council = cls._make_council(
            "province", cls.fw26, cls.ha_noi, cls.outsider, name="Hội đồng Hà Nội"
        )

    def test_members_see_only_their_councils_dossiers(self):
        ours = self.make_dossier()
        self.make_session(ours)
        theirs = self.make_dossier(product=self.product_hoan_kiem)
        member = self.members[0]
        visible = self.env["ocop.dossier"].with_user(member).search([])
        self.assertIn(ours, visible)
        self.assertNotIn(theirs, visible)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            theirs.with_user(member).read(["name"])
        self.assertFalse(self.env["ocop.dossier"].with_user(self.outsider).search([]))
        # Members read the product on the agenda, not write it.
        self.assertTrue(ours.product_id.with_user(member).read(["name"]))
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            ours.with_user(member).write({"review_note": "x"})

    def test_others_sheets_hidden_until_own_submitted(self):
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        sheets = session.evaluation_ids.sorted("id")
        first, second = sheets[0], sheets[1]
        as_first = self.env["ocop.evaluation"].with_user(first.user_id)
        self.assertEqual(as_first.search([("dossier_id", "=", dossier.id)]), first)
        self.fill(second, self.points_for(70))  # another member submits
        self.assertEqual(as_first.search([("dossier_id", "=", dossier.id)]), first)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            second.with_user(first.user_id).read(["total"])
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            second.line_ids.with_user(first.user_id).read(["points"])
        self.fill(first, self.points_for(72))  # now the first submits its own
        self.assertEqual(as_first.search([("dossier_id", "=", dossier.id)]), sheets)
        self.assertEqual(second.with_user(first.user_id).total, 70)
        # An outsider sees none.
        self.assertFalse(
            self.env["ocop.evaluation"].with_user(self.outsider).search([])
        )
        # The secretary (programme officer of the province) sees them all.
        self.assertEqual(
            self.env["ocop.evaluation"]
            .with_user(self.secretary)
            .search([("dossier_id", "=", dossier.id)]),
            sheets,
        )

    def test_commune_officer_reads_own_dossiers_not_others(self):
        ours = self.make_dossier()
        theirs = self.make_dossier(product=self.product_bien_ho)
        visible = self.env["ocop.dossier"].with_user(self.officer_ia_hrung).search([])
        self.assertIn(ours, visible)
        self.assertNotIn(theirs, visible)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.env["ocop.evaluation"].with_user(self.officer_ia_hrung).search([])


@tagged("post_install", "-at_install")
class TestProducerPortal(OcopCertificationMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.portal_user = new_test_user(
            cls.env,
            login="htx_portal",
            password="htx_portalpw",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create(
                {
                    "name": "Nguyễn Văn Portal",
                    "parent_id": cls.producer_ia_hrung.id,
                    "email": "portal@example.com",
                }
            )
            .id,
        )

    def _recognised_dossier(self):
        dossier = self.make_dossier()
        session = self.make_session(dossier)
        self.score_all(session, dossier, [75, 76, 77, 75, 76, 77, 76])
        session.action_close()
        dossier.action_record_decision("9/QĐ-UBND", date(2026, 12, 1), "Chủ tịch")
        return dossier

    def test_producer_sees_own_dossier_and_result_never_the_sheets(self):
        dossier = self._recognised_dossier()
        other = self.make_dossier(product=self.product_bien_ho)
        Dossier = self.env["ocop.dossier"].with_user(self.portal_user)
        self.assertEqual(Dossier.search([]), dossier)
        self.assertEqual(
            self.env["ocop.certificate"].with_user(self.portal_user).search([]),
            dossier.certificate_id,
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.env["ocop.evaluation"].with_user(self.portal_user).search([])
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.env["ocop.evaluation.line"].with_user(self.portal_user).search([])

        self.authenticate("htx_portal", "htx_portalpw")
        page = self.url_open(f"/my/ocop/dossiers/{dossier.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(dossier.name, page.text)
        self.assertIn("★★★★", page.text)
        self.assertIn(dossier.certificate_id.name, page.text)
        member_name = dossier.evaluation_ids[0].user_id.name
        self.assertNotIn(member_name, page.text)
        listing = self.url_open("/my/ocop/dossiers")
        self.assertIn(dossier.name, listing.text)
        self.assertNotIn(other.name, listing.text)
        # Another producer's dossier by URL: sent back to /my, nothing shown.
        response = self.url_open(f"/my/ocop/dossiers/{other.id}")
        self.assertNotIn(other.name, response.text)
        self.assertTrue(response.url.endswith("/my"))
        # And through JSON-RPC: errors, no data.
        for model, method, args in (
            ("ocop.dossier", "read", [[other.id], ["name", "average_total"]]),
            ("ocop.evaluation", "search_read", [[], ["total"]]),
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
                    f"/web/dataset/call_kw/{model}/{method}",
                    {"model": model, "method": method, "args": args, "kwargs": {}},
                )
            self.assertIn("AccessError", str(caught.exception))
        certificates = self.url_open("/my/ocop/certificates")
        self.assertIn(dossier.certificate_id.name, certificates.text)

    def test_portal_home_counters(self):
        self._recognised_dossier()
        self.authenticate("htx_portal", "htx_portalpw")
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {"counters": ["ocop_dossier_count", "ocop_certificate_count"]},
        )
        self.assertEqual(
            counters, {"ocop_dossier_count": 1, "ocop_certificate_count": 1}
        )
