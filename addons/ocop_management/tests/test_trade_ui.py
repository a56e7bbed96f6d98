# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .test_trade import OcopTradeMixin


class OcopLeadCaptureTourMixin(OcopTradeMixin):
    @classmethod
    def setup_tour_data(cls):
        cls.setup_trade_data()
        cls.fair.name = "Hội chợ OCOP tour"
        # A salesperson at the fair who also follows OCOP (viewer of Gia Lai).
        cls.seller = cls._ocop_user(
            "booth_seller", "ocop_management.group_ocop_viewer", cls.gia_lai
        )
        cls.seller.groups_id |= cls.env.ref("sales_team.group_sale_salesman")

    def assert_leads_captured(self):
        leads = self.env["crm.lead"].search(
            [("event_id", "=", self.fair.id)], order="id"
        )
        self.assertEqual(leads.mapped("contact_name"), ["Chị Hoa", "Anh Tuấn"])
        first, second = leads
        self.assertEqual(leads.ocop_booth_id, self.booth_ia_hrung)
        self.assertEqual(leads.ocop_producer_id, self.producer_ia_hrung)
        self.assertEqual(leads.campaign_id, self.fair.ocop_campaign_id)
        self.assertEqual(leads.user_id, self.seller)
        self.assertEqual(first.ocop_product_ids, self.product_ia_hrung)
        self.assertEqual(first.phone, "0905 111 222")
        self.assertEqual(second.email_from, "tuan@example.com")
        self.assertEqual(second.partner_name, "Siêu thị mini Phố Núi")
        self.assertEqual(self.booth_ia_hrung.ocop_lead_count, 2)


@tagged("post_install", "-at_install")
class TestOcopLeadCaptureTour(OcopLeadCaptureTourMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_tour_data()

    def test_lead_capture_tour(self):
        """A salesperson opens the fairs from the OCOP app and captures two
        buyers met at a booth."""
        self.start_tour("/odoo", "ocop_lead_capture_tour", login="booth_seller")
        self.assert_leads_captured()


@tagged("post_install", "-at_install")
class TestOcopLeadCaptureMobileTour(OcopLeadCaptureTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_tour_data()

    def test_lead_capture_tour_on_a_phone(self):
        """The same capture on a phone-sized screen."""
        action = self.env.ref("ocop_management.ocop_fair_action")
        self.start_tour(
            f"/odoo/action-{action.id}",
            "ocop_lead_capture_mobile_tour",
            login="booth_seller",
        )
        self.assert_leads_captured()
