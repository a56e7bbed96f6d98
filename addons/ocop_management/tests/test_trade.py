# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import gc
import logging
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import OcopTestMixin

_logger = logging.getLogger(__name__)


class OcopTradeMixin(OcopTestMixin):
    """A fair, channels, customers and the Odoo products sold as OCOP
    products, on top of the OCOP test data."""

    @classmethod
    def setup_trade_data(cls):
        cls.setup_ocop_data()
        Template = cls.env["product.template"]
        cls.tmpl_coffee = Template.create(
            {"name": "Cà phê bột Ia Hrung 500 g", "list_price": 120000}
        )
        cls.tmpl_coffee_gift = Template.create(
            {"name": "Hộp quà cà phê Ia Hrung", "list_price": 300000}
        )
        cls.tmpl_honey = Template.create(
            {"name": "Mật ong Biển Hồ 500 ml", "list_price": 150000}
        )
        cls.tmpl_plain = Template.create(
            {"name": "Túi giấy (không OCOP)", "list_price": 5000}
        )
        cls.product_ia_hrung.product_tmpl_ids = cls.tmpl_coffee | cls.tmpl_coffee_gift
        cls.product_bien_ho.product_tmpl_ids = cls.tmpl_honey
        cls.coffee = cls.tmpl_coffee.product_variant_id
        cls.coffee_gift = cls.tmpl_coffee_gift.product_variant_id
        cls.honey = cls.tmpl_honey.product_variant_id
        cls.plain = cls.tmpl_plain.product_variant_id
        cls.booth_category = cls.env.ref("event_booth.event_booth_category_standard")
        now = fields.Datetime.now()
        cls.fair = cls.env["event.event"].create(
            {
                "name": "Hội chợ OCOP thử nghiệm",
                "ocop_kind": "fair",
                "ocop_level": "province",
                "ocop_admin_unit_id": cls.gia_lai.id,
                "date_begin": now - timedelta(hours=2),
                "date_end": now + timedelta(days=2),
            }
        )
        cls.booth_ia_hrung = cls.env["event.booth"].create(
            {
                "name": "Gian T01",
                "event_id": cls.fair.id,
                "booth_category_id": cls.booth_category.id,
                "partner_id": cls.producer_ia_hrung.id,
                "ocop_product_ids": [Command.set(cls.product_ia_hrung.ids)],
                "ocop_support_note": "Miễn phí gian hàng",
                "ocop_support_amount": 2000000,
            }
        )
        cls.booth_bien_ho = cls.env["event.booth"].create(
            {
                "name": "Gian T02",
                "event_id": cls.fair.id,
                "booth_category_id": cls.booth_category.id,
                "partner_id": cls.producer_bien_ho.id,
                "ocop_product_ids": [Command.set(cls.product_bien_ho.ids)],
            }
        )
        Partner = cls.env["res.partner"]
        cls.showroom_operator = Partner.create(
            {"name": "Công ty vận hành điểm bán OCOP", "is_company": True}
        )
        cls.showroom_cashier = Partner.create(
            {"name": "Quầy thu ngân điểm bán", "parent_id": cls.showroom_operator.id}
        )
        cls.buyer = Partner.create({"name": "Cửa hàng Phố Núi", "is_company": True})
        cls.foreign_buyer = Partner.create(
            {
                "name": "Tokyo OCOP Import KK",
                "is_company": True,
                "country_id": cls.env.ref("base.jp").id,
            }
        )
        cls.team_ecommerce = cls.env["crm.team"].create({"name": "Bán hàng trực tuyến"})
        Channel = cls.env["ocop.distribution.channel"]
        cls.showroom = Channel.create(
            {
                "name": "Điểm bán OCOP thử nghiệm",
                "channel_type": "showroom",
                "operator_partner_ids": [Command.set(cls.showroom_operator.ids)],
                "admin_unit_id": cls.ia_hrung.id,
            }
        )
        cls.estore = Channel.create(
            {
                "name": "Gian hàng trực tuyến thử nghiệm",
                "channel_type": "ecommerce",
                "url": "https://shop.example.com/ocop",
                "team_id": cls.team_ecommerce.id,
            }
        )

    @classmethod
    def _order(cls, partner, lines, confirm=True, **values):
        order = cls.env["sale.order"].create(
            dict(
                values,
                partner_id=partner.id,
                order_line=[
                    Command.create(
                        {"product_id": p.id, "product_uom_qty": q, "price_unit": u}
                    )
                    for p, q, u in lines
                ],
            )
        )
        if confirm:
            order.action_confirm()
        return order

    def _report(self, domain, groupby, user=None):
        Report = self.env["sale.report"]
        if user:
            Report = Report.with_user(user)
        domain = list(domain) + [("state", "=", "sale")]
        return {
            group: (amount, qty)
            for group, amount, qty in Report._read_group(
                domain, [groupby], ["price_subtotal:sum", "product_uom_qty:sum"]
            )
        }


@tagged("post_install", "-at_install")
class TestOcopTrade(OcopTradeMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trade_data()

    # ------------------------------------------------------------------
    # Fair → booth → lead → quotation → order → revenue
    # ------------------------------------------------------------------
    def test_fair_to_revenue(self):
        fair = self.fair
        self.assertTrue(fair.ocop_campaign_id, "an OCOP fair gets its campaign")
        self.assertEqual(fair.ocop_campaign_id.title, fair.name)
        self.assertEqual(
            fair.ocop_producer_ids, self.producer_ia_hrung | self.producer_bien_ho
        )
        self.assertEqual(
            fair.ocop_product_ids, self.product_ia_hrung | self.product_bien_ho
        )
        self.assertEqual(fair.ocop_support_amount, 2000000)

        # Quick capture at booth T01
        action = self.booth_ia_hrung.action_ocop_capture_lead()
        wizard = Form(self.env["ocop.lead.capture"].with_context(**action["context"]))
        self.assertEqual(wizard.event_id, fair)
        self.assertEqual(wizard.producer_id, self.producer_ia_hrung)
        wizard.contact_name = "Chị Lan"
        wizard.partner_name = "Cửa hàng Phố Núi"
        wizard.phone = "0905 123 456"
        wizard.ocop_product_ids.add(self.product_ia_hrung)
        wizard.note = "Cần 50 hộp mỗi tháng <b>giá sỉ</b>"
        capture = wizard.save()
        capture.action_capture()
        lead = capture.lead_id
        self.assertEqual(lead.event_id, fair)
        self.assertEqual(lead.ocop_booth_id, self.booth_ia_hrung)
        self.assertEqual(lead.ocop_producer_id, self.producer_ia_hrung)
        self.assertEqual(lead.ocop_product_ids, self.product_ia_hrung)
        self.assertEqual(lead.campaign_id, fair.ocop_campaign_id)
        self.assertEqual(
            lead.source_id, self.env.ref("ocop_management.utm_source_ocop_fair")
        )
        self.assertIn("&lt;b&gt;", lead.description, "the note is text, not HTML")
        self.assertEqual(self.booth_ia_hrung.ocop_lead_count, 1)
        self.assertEqual(fair.ocop_lead_count, 1)

        # The lead becomes an opportunity, then a quotation (sale_crm).
        lead.convert_opportunity(self.showroom_cashier)
        quote_action = lead.action_new_quotation()
        quotation = Form(self.env["sale.order"].with_context(**quote_action["context"]))
        for product, qty, price in (
            (self.coffee, 10, 110000),
            (self.coffee_gift, 2, 280000),
            (self.plain, 10, 5000),
        ):
            with quotation.order_line.new() as line:
                line.product_id = product
                line.product_uom_qty = qty
                line.price_unit = price
        quotation = quotation.save()
        self.assertEqual(quotation.opportunity_id, lead)
        self.assertEqual(quotation.campaign_id, fair.ocop_campaign_id)
        self.assertEqual(quotation.ocop_event_id, fair)
        self.assertEqual(
            quotation.ocop_channel_id,
            self.showroom,
            "the customer is a contact of the showroom's operator",
        )
        ocop_lines = quotation.order_line.filtered("ocop_product_id")
        self.assertEqual(ocop_lines.product_id, self.coffee | self.coffee_gift)
        self.assertEqual(ocop_lines.ocop_product_id, self.product_ia_hrung)
        self.assertEqual(fair.ocop_quotation_count, 1)
        self.assertEqual(fair.ocop_order_count, 0)
        self.assertEqual(fair.ocop_revenue, 0.0)

        quotation.action_confirm()
        fair.invalidate_recordset()
        self.assertEqual(fair.ocop_quotation_count, 0)
        self.assertEqual(fair.ocop_order_count, 1)
        order_total = sum(quotation.order_line.mapped("price_subtotal"))
        ocop_total = sum(ocop_lines.mapped("price_subtotal"))
        self.assertEqual(ocop_total, 10 * 110000 + 2 * 280000)
        self.assertEqual(fair.ocop_revenue, order_total)

        # The analysis: by product, fair and channel, equal to the lines.
        by_product = self._report([], "ocop_product_id")
        self.assertEqual(by_product[self.product_ia_hrung], (ocop_total, 12))
        by_fair = self._report([("ocop_event_id", "!=", False)], "ocop_event_id")
        self.assertEqual(by_fair[fair][0], order_total)
        by_channel = self._report([("ocop_channel_id", "!=", False)], "ocop_channel_id")
        self.assertEqual(by_channel[self.showroom][0], order_total)
        by_producer = self._report([], "ocop_producer_id")
        self.assertEqual(by_producer[self.producer_ia_hrung][0], ocop_total)
        by_commune = self._report([], "ocop_commune_id")
        self.assertEqual(by_commune[self.ia_hrung][0], ocop_total)
        by_province = self._report([], "ocop_province_id")
        self.assertEqual(by_province[self.gia_lai][0], ocop_total)
        margin = self.env["sale.report"]._read_group(
            [("ocop_product_id", "=", self.product_ia_hrung.id)], [], ["margin:sum"]
        )[0][0]
        self.assertEqual(margin, sum(ocop_lines.mapped("margin")))

        # Shown on the product and the channel, and drilled into.
        self.product_ia_hrung.invalidate_recordset()
        self.assertEqual(self.product_ia_hrung.trade_revenue, ocop_total)
        self.assertEqual(self.product_ia_hrung.trade_order_count, 1)
        self.assertEqual(self.product_ia_hrung.trade_event_count, 1)
        self.assertEqual(self.showroom.revenue, order_total)
        self.assertEqual(self.showroom.order_count, 1)
        action = fair.action_ocop_view_analysis()
        self.assertEqual(action["res_model"], "sale.report")
        self.assertIn(("ocop_event_id", "=", fair.id), action["domain"])

    def test_attribution_from_campaign(self):
        """An order carrying the fair's campaign (e.g. from a mailing or a QR
        code printed for the fair) is attributed to the fair."""
        order = self._order(
            self.buyer,
            [(self.honey, 3, 150000)],
            confirm=False,
            campaign_id=self.fair.ocop_campaign_id.id,
        )
        self.assertEqual(order.ocop_event_id, self.fair)
        self.assertFalse(order.ocop_channel_id)
        # A salesperson may correct it; the change is tracked.
        other_fair = self.fair.copy({"name": "Hội chợ khác"})
        self.env.flush_all()
        self.cr.precommit.run()  # the order was saved (committed) before
        order.ocop_event_id = other_fair
        self.env.flush_all()
        self.cr.precommit.run()  # tracking values are written at commit
        self.assertEqual(order.ocop_event_id, other_fair)
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "sale.order"),
                ("mail_message_id.res_id", "=", order.id),
            ]
        )
        self.assertIn("ocop_event_id", tracked.field_id.mapped("name"))

    def test_registration_creates_lead_with_fair_attribution(self):
        """Visitors registering for an OCOP fair become leads (event_crm rule),
        with the fair's campaign and the OCOP source."""
        self.env["event.registration"].create(
            {
                "event_id": self.fair.id,
                "name": "Anh Tuấn",
                "email": "tuan@example.com",
                "phone": "0912 345 678",
            }
        )
        leads = self.env["crm.lead"].search([("event_id", "=", self.fair.id)])
        self.assertEqual(len(leads), 1)
        self.assertEqual(leads.campaign_id, self.fair.ocop_campaign_id)
        self.assertEqual(
            leads.source_id, self.env.ref("ocop_management.utm_source_ocop_fair")
        )
        self.assertEqual(
            leads.event_lead_rule_id,
            self.env.ref("ocop_management.event_lead_rule_ocop_visitors"),
        )

    def test_lead_linked_to_a_booth_later(self):
        lead = self.env["crm.lead"].create({"name": "Gặp lại sau hội chợ"})
        self.assertFalse(lead.campaign_id)
        lead.ocop_booth_id = self.booth_bien_ho
        self.assertEqual(lead.event_id, self.fair)
        self.assertEqual(lead.ocop_producer_id, self.producer_bien_ho)
        self.assertEqual(lead.campaign_id, self.fair.ocop_campaign_id)
        self.assertEqual(
            lead.source_id, self.env.ref("ocop_management.utm_source_ocop_fair")
        )

    def test_supply_demand_event_tracked_like_a_fair(self):
        event = self.env["event.event"].create(
            {
                "name": "Kết nối cung cầu thử nghiệm",
                "ocop_kind": "connection",
                "ocop_level": "national",
                "date_begin": fields.Datetime.now(),
                "date_end": fields.Datetime.now() + timedelta(hours=6),
            }
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Nhà phân phối miền Nam",
                "type": "opportunity",
                "partner_id": self.buyer.id,
                "event_id": event.id,
                "ocop_product_ids": [Command.set(self.product_bien_ho.ids)],
            }
        )
        self.assertEqual(lead.campaign_id, event.ocop_campaign_id)
        self.assertEqual(
            lead.source_id, self.env.ref("ocop_management.utm_source_ocop_connection")
        )
        self.assertEqual(lead.ocop_producer_id, self.producer_bien_ho)
        order = self._order(
            self.buyer, [(self.honey, 20, 140000)], opportunity_id=lead.id
        )
        self.assertEqual(order.ocop_event_id, event)
        self.assertEqual(event.ocop_order_count, 1)
        self.assertEqual(event.ocop_revenue, 20 * 140000)

    # ------------------------------------------------------------------
    # Channels
    # ------------------------------------------------------------------
    def test_channel_attribution_through_partners_and_teams(self):
        # Through the operator (its company or one of its contacts)
        to_operator = self._order(self.showroom_operator, [(self.coffee, 5, 100000)])
        to_contact = self._order(self.showroom_cashier, [(self.coffee, 1, 100000)])
        self.assertEqual(to_operator.ocop_channel_id, self.showroom)
        self.assertEqual(to_contact.ocop_channel_id, self.showroom)
        # Through the sales team
        online = self._order(
            self.buyer, [(self.honey, 2, 150000)], team_id=self.team_ecommerce.id
        )
        self.assertEqual(online.ocop_channel_id, self.estore)
        # Neither
        direct = self._order(self.buyer, [(self.honey, 1, 150000)])
        self.assertFalse(direct.ocop_channel_id)
        self.assertEqual(self.showroom.order_count, 2)
        self.assertEqual(self.showroom.revenue, 600000)
        self.assertEqual(self.estore.revenue, 300000)

        # A channel recorded later takes the orders already made to its
        # operator, without re-entering anything…
        agent = self.env["ocop.distribution.channel"].create(
            {
                "name": "Đại lý Phố Núi",
                "channel_type": "agent",
                "operator_partner_ids": [Command.set(self.buyer.ids)],
            }
        )
        self.assertEqual(direct.ocop_channel_id, agent)
        # …but does not take orders attributed to another channel.
        self.assertEqual(online.ocop_channel_id, self.estore)
        by_channel = self._report([("ocop_channel_id", "!=", False)], "ocop_channel_id")
        self.assertEqual(by_channel[agent][0], 150000)
        self.assertEqual(by_channel[self.estore][0], 300000)
        self.assertEqual(by_channel[self.showroom][0], 600000)

    def test_ecommerce_channel_needs_url(self):
        with self.assertRaisesMessage(ValidationError, "URL"):
            self.env["ocop.distribution.channel"].create(
                {"name": "Shop không địa chỉ", "channel_type": "ecommerce"}
            )

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------
    def test_mismatched_ocop_product_refused(self):
        order = self._order(self.buyer, [(self.coffee, 1, 100000)], confirm=False)
        line = order.order_line
        self.assertEqual(line.ocop_product_id, self.product_ia_hrung)
        with self.assertRaisesMessage(ValidationError, "is not sold as the OCOP"):
            line.ocop_product_id = self.product_bien_ho
        plain = self._order(self.buyer, [(self.plain, 1, 5000)], confirm=False)
        self.assertFalse(plain.order_line.ocop_product_id)
        with self.assertRaisesMessage(ValidationError, "is not sold as the OCOP"):
            plain.order_line.ocop_product_id = self.product_ia_hrung
        # Changing the product follows the new product's OCOP product.
        line.product_id = self.honey
        self.assertEqual(line.ocop_product_id, self.product_bien_ho)
        # A product linked later to an OCOP product is attributed on its lines.
        self.product_hoan_kiem.product_tmpl_ids = self.tmpl_plain
        self.assertEqual(plain.order_line.ocop_product_id, self.product_hoan_kiem)

    def test_mismatched_listing_and_lead_refused(self):
        with self.assertRaisesMessage(ValidationError, "is not sold as the OCOP"):
            self.env["ocop.distribution.channel.product"].create(
                {
                    "channel_id": self.showroom.id,
                    "ocop_product_id": self.product_ia_hrung.id,
                    "product_tmpl_ids": [Command.set(self.tmpl_honey.ids)],
                }
            )
        with self.assertRaisesMessage(ValidationError, "is not shown at the booth"):
            self.env["crm.lead"].create(
                {
                    "name": "Sai gian hàng",
                    "event_id": self.fair.id,
                    "ocop_booth_id": self.booth_ia_hrung.id,
                    "ocop_product_ids": [Command.set(self.product_bien_ho.ids)],
                }
            )
        with self.assertRaisesMessage(ValidationError, "is not an OCOP product of"):
            self.env["crm.lead"].create(
                {
                    "name": "Sai chủ thể",
                    "ocop_producer_id": self.producer_ia_hrung.id,
                    "ocop_product_ids": [Command.set(self.product_bien_ho.ids)],
                }
            )
        other_fair = self.fair.copy({"name": "Hội chợ khác"})
        with self.assertRaisesMessage(ValidationError, "belongs to"):
            self.env["crm.lead"].create(
                {
                    "name": "Sai hội chợ",
                    "event_id": other_fair.id,
                    "ocop_booth_id": self.booth_ia_hrung.id,
                }
            )
        with self.assertRaisesMessage(ValidationError, "a booth shows the products"):
            self.booth_bien_ho.ocop_product_ids = self.product_ia_hrung

    def test_capture_needs_a_way_to_reach_the_buyer(self):
        capture = self.env["ocop.lead.capture"].create(
            {"event_id": self.fair.id, "contact_name": "Không liên lạc"}
        )
        with self.assertRaisesMessage(UserError, "phone number or an e-mail"):
            capture.action_capture()

    def test_fair_with_leads_or_orders_cannot_be_deleted(self):
        empty = self.fair.copy({"name": "Hội chợ trống"})
        empty.unlink()
        self.env["crm.lead"].create({"name": "Khách", "event_id": self.fair.id})
        with self.assertRaisesMessage(UserError, "Archive it instead"):
            self.fair.unlink()
        with_order = self.fair.copy({"name": "Hội chợ có đơn"})
        self._order(self.buyer, [(self.honey, 1, 150000)], ocop_event_id=with_order.id)
        with self.assertRaisesMessage(UserError, "Archive it instead"):
            with_order.unlink()
        self.fair.action_archive()
        self.assertFalse(self.fair.active)

    # ------------------------------------------------------------------
    # Criterion 4.1 evidence
    # ------------------------------------------------------------------
    def _listing(self, channel, product, **values):
        return self.env["ocop.distribution.channel.product"].create(
            dict(values, channel_id=channel.id, ocop_product_id=product.id)
        )

    def _agents(self, count, unit):
        return self.env["ocop.distribution.channel"].create(
            [
                {
                    "name": f"Đại lý {n}",
                    "channel_type": "agent",
                    "admin_unit_id": unit.id,
                }
                for n in range(count)
            ]
        )

    def test_evidence_criterion_41(self):
        product = self.product_bien_ho
        self.assertFalse(product.trade_criterion_41)
        # A channel in its own commune: the commune market.
        local = self.env["ocop.distribution.channel"].create(
            {
                "name": "Chợ Biển Hồ",
                "channel_type": "agent",
                "admin_unit_id": self.bien_ho.id,
            }
        )
        self._listing(local, product)
        product.invalidate_recordset()
        self.assertEqual(product.trade_criterion_41, "commune")
        self.assertFalse(product.trade_outside_commune)
        self.assertEqual(product.trade_agent_count, 1)
        # Agents outside the commune: fewer than 5, then 5 or more.
        agents = self._agents(4, self.ia_hrung)
        for agent in agents[:3]:
            self._listing(agent, product)
        product.invalidate_recordset()
        self.assertEqual(product.trade_criterion_41, "outside_lt5")
        self.assertEqual(product.trade_agent_count, 4)
        self.assertEqual(product.trade_province_ids, self.gia_lai)
        self._listing(agents[3], product)
        # a suspended listing and an archived channel do not count
        self._listing(self._agents(1, self.hoan_kiem), product, state="suspended")
        archived = self._agents(1, self.hoan_kiem)
        self._listing(archived, product)
        archived.active = False
        product.invalidate_recordset()
        self.assertEqual(product.trade_agent_count, 5)
        self.assertEqual(product.trade_criterion_41, "outside_ge5")
        # A modern channel (supermarket, e-commerce) gives the top option.
        self._listing(self.estore, product, contract_ref="HĐ 01/2026")
        product.invalidate_recordset()
        self.assertEqual(product.trade_modern_channel_count, 1)
        self.assertEqual(product.trade_criterion_41, "modern")

    def test_evidence_export_orders_and_area(self):
        product = self.product_ia_hrung
        self.customer_ha_noi = self.env["res.partner"].create(
            {
                "name": "Đại lý Hoàn Kiếm",
                "is_company": True,
                "ocop_admin_unit_id": self.hoan_kiem.id,
            }
        )
        self._order(self.customer_ha_noi, [(self.coffee, 10, 100000)])
        product.invalidate_recordset()
        self.assertTrue(product.trade_outside_commune)
        self.assertEqual(product.trade_province_ids, self.ha_noi)
        self.assertEqual(product.trade_criterion_41, "outside_lt5")
        self.assertEqual(product.trade_export_order_count, 0)
        # Confirmed orders to a customer abroad are export evidence; a
        # quotation is not.
        self._order(self.foreign_buyer, [(self.coffee_gift, 5, 300000)], confirm=False)
        product.invalidate_recordset()
        self.assertEqual(product.trade_export_order_count, 0)
        self._order(self.foreign_buyer, [(self.coffee_gift, 5, 300000)])
        self._order(self.foreign_buyer, [(self.coffee, 50, 90000)])
        product.invalidate_recordset()
        self.assertEqual(product.trade_export_order_count, 2)
        self.assertEqual(product.trade_customer_count, 2)
        self.assertIn(self.env.ref("base.jp"), product.trade_country_ids)
        self.assertEqual(product.trade_criterion_41, "modern")
        # An export-market channel counts too.
        export = self.env["ocop.distribution.channel"].create(
            {
                "name": "Thị trường Nhật Bản",
                "channel_type": "export",
                "country_id": self.env.ref("base.jp").id,
            }
        )
        self._listing(export, product, contract_ref="EXP-2026-01")
        product.invalidate_recordset()
        self.assertEqual(product.trade_export_channel_count, 1)

    def test_community_tourism_sold_as_service(self):
        """Product set 26 (community tourism) works the same way, with a
        service product."""
        tourism = self.env["ocop.product"].create(
            {
                "name": "Du lịch cộng đồng làng Ia Hrung",
                "producer_id": self.producer_ia_hrung.id,
                "product_group_id": self.env.ref(
                    "ocop_management.product_group_qd26_set_26"
                ).id,
                "commune_id": self.ia_hrung.id,
                "code_year": 2026,
            }
        )
        tour = self.env["product.template"].create(
            {"name": "Tour một ngày làng Ia Hrung", "type": "service"}
        )
        tourism.product_tmpl_ids = tour
        agency = self.env["res.partner"].create(
            {"name": "Công ty lữ hành Phố Núi", "is_company": True}
        )
        travel_agent = self.env["ocop.distribution.channel"].create(
            {
                "name": "Lữ hành Phố Núi",
                "channel_type": "agent",
                "operator_partner_ids": [Command.set(agency.ids)],
                "admin_unit_id": self.bien_ho.id,
            }
        )
        self._listing(travel_agent, tourism)
        order = self._order(agency, [(tour.product_variant_id, 12, 350000)])
        self.assertEqual(order.order_line.ocop_product_id, tourism)
        self.assertEqual(order.ocop_channel_id, travel_agent)
        by_product = self._report([], "ocop_product_id")
        self.assertEqual(by_product[tourism], (12 * 350000, 12))
        tourism.invalidate_recordset()
        self.assertEqual(tourism.trade_criterion_41, "tourism_1")
        for agent in self._agents(2, self.hoan_kiem):
            self._listing(agent, tourism)
        tourism.invalidate_recordset()
        self.assertEqual(tourism.trade_criterion_41, "tourism_3")


@tagged("post_install", "-at_install")
class TestOcopTradeQueryCounts(OcopTradeMixin, TransactionCase):
    """The analysis views (pivot/graph on sale.report), the fairs' and
    channels' results and the products' 4.1 evidence read a constant number of
    queries, whatever the number of orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trade_data()
        cls.extra_fair = cls.fair.copy({"name": "Hội chợ OCOP thử nghiệm 2"})
        cls.env["ocop.distribution.channel.product"].create(
            [
                {"channel_id": cls.showroom.id, "ocop_product_id": p.id}
                for p in (cls.product_ia_hrung, cls.product_bien_ho)
            ]
        )

    def _make_orders(self, count):
        partners = (self.showroom_operator, self.buyer, self.foreign_buyer)
        fairs = (self.fair, self.extra_fair)
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": partners[n % 3].id,
                    "ocop_event_id": fairs[n % 2].id,
                    "team_id": self.team_ecommerce.id if n % 5 == 0 else False,
                    "order_line": [
                        Command.create(
                            {"product_id": self.coffee.id, "product_uom_qty": 1 + n}
                        ),
                        Command.create(
                            {"product_id": self.honey.id, "product_uom_qty": 2}
                        ),
                        Command.create(
                            {"product_id": self.plain.id, "product_uom_qty": 1}
                        ),
                    ],
                }
                for n in range(count)
            ]
        )
        orders.action_confirm()
        return orders

    def _analysis(self):
        Report = self.env["sale.report"]
        measures = ["price_subtotal:sum", "product_uom_qty:sum", "margin:sum"]
        domain = [("state", "=", "sale"), ("ocop_product_id", "!=", False)]
        for groupby in (
            ["ocop_product_id"],
            ["ocop_producer_id", "date:month"],
            ["ocop_commune_id"],
            ["ocop_event_id", "ocop_product_id"],
            ["ocop_channel_id"],
        ):
            Report.read_group(domain, measures, groupby, lazy=False)
        Report.web_read_group(domain, measures, ["ocop_channel_type"], lazy=False)

    def _results(self):
        fairs = self.fair | self.extra_fair
        fairs.read(
            ["ocop_lead_count", "ocop_quotation_count", "ocop_order_count"]
            + ["ocop_revenue", "ocop_product_ids", "ocop_producer_ids"]
        )
        (self.showroom | self.estore).read(["order_count", "revenue", "product_count"])
        products = self.product_ia_hrung | self.product_bien_ho
        products.read(
            [
                "trade_revenue",
                "trade_order_count",
                "trade_criterion_41",
                "trade_agent_count",
                "trade_export_order_count",
                "trade_province_ids",
                "trade_country_ids",
            ]
        )

    def _prepare(self):
        """Same starting point for every measure: nothing pending, no record
        cached, and no leftover environment (an environment computes its
        company once, whenever the garbage collector dropped it)."""
        self.env.flush_all()
        self.env.invalidate_all()
        gc.collect()

    def _count(self, func):
        self._prepare()
        func()  # warm the caches (ormcache, prefetched metadata)
        self._prepare()
        before = self.cr.sql_log_count
        func()
        return self.cr.sql_log_count - before

    def test_query_counts_constant_in_orders(self):
        self._make_orders(10)
        analysis_10 = self._count(self._analysis)
        results_10 = self._count(self._results)
        self._make_orders(90)
        analysis_100 = self._count(self._analysis)
        results_100 = self._count(self._results)
        self.assertEqual(analysis_10, analysis_100)
        self.assertEqual(results_10, results_100)
        self._prepare()
        with self.assertQueryCount(analysis_10):
            self._analysis()
        self._prepare()
        with self.assertQueryCount(results_10):
            self._results()
        _logger.info(
            "OCOP trade query counts: analysis %s, results %s (10 and 100 orders)",
            analysis_10,
            results_10,
        )
        self.assertLess(analysis_10, 20, f"analysis: {analysis_10} queries")
        self.assertLess(results_10, 40, f"results: {results_10} queries")
