# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import OcopTestMixin


class OcopCycleMixin(OcopTestMixin):
    @classmethod
    def setup_cycle_data(cls):
        cls.setup_ocop_data()
        cls.cycle = cls.env["ocop.cycle"].create(
            {
                "name": "Chu trình OCOP 2026 tỉnh Gia Lai",
                "year": 2026,
                "admin_unit_id": cls.gia_lai.id,
                "user_id": cls.programme_gia_lai.id,
            }
        )
        cls.cycle.step_ids.filtered(
            lambda s: s.step == "2"
        ).user_ids = cls.officer_ia_hrung
        cls.cycle.action_start()
        cls.portal_user = new_test_user(
            cls.env,
            login="htx_iahrung_portal",
            password="htx_iahrung_portalpw",
            groups="base.group_portal",
            name="Ksor H'Nga",
            partner_id=cls.env["res.partner"]
            .create(
                {
                    "name": "Ksor H'Nga",
                    "parent_id": cls.producer_ia_hrung.id,
                    "email": "hnga@example.com",
                }
            )
            .id,
        )

    def _idea(self, producer=None, **vals):
        producer = producer or self.producer_ia_hrung
        return self.env["ocop.product.idea"].create(
            dict(
                {
                    "name": "Cà phê rang mộc Ia Hrung",
                    "cycle_id": self.cycle.id,
                    "producer_id": producer.id,
                    "product_group_id": self.product_set_coffee.id,
                    "description": "Cà phê Robusta rang mộc",
                },
                **vals,
            )
        )


@tagged("post_install", "-at_install")
class TestCycle(OcopCycleMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_cycle_data()

    def test_cycle_steps_deadlines_in_calendar_and_activities(self):
        self.assertEqual(self.cycle.state, "running")
        self.assertEqual(len(self.cycle.step_ids), 6)
        step5 = self.cycle.step_ids.filtered(lambda s: s.step == "5")
        # The seed: the district evaluates before September.
        self.assertEqual(step5.deadline, date(2026, 8, 31))
        self.assertTrue(step5.calendar_event_id.allday)
        self.assertEqual(step5.calendar_event_id.start_date, date(2026, 8, 31))
        activities = self.cycle.activity_ids
        self.assertEqual(len(activities), 6)
        step2 = self.cycle.step_ids.filtered(lambda s: s.step == "2")
        self.assertIn(
            self.officer_ia_hrung,
            activities.filtered(lambda a: a.date_deadline == step2.deadline).user_id,
        )
        with self.assertRaises(UserError):
            self.cycle.action_start()
        with self.assertRaises(ValidationError):
            step2.date_start = date(2026, 12, 1)

    def test_potential_product_survey(self):
        survey = self.env["ocop.potential.product"].create(
            {
                "name": "Tiêu Ia Hrung",
                "cycle_id": self.cycle.id,
                "commune_id": self.ia_hrung.id,
                "product_group_id": self.product_set_coffee.id,
                "market_demand": "high",
                "raw_material_area": 120,
                "skilled_labour": 40,
                "investment_capacity": "medium",
                "recommendation": "register",
            }
        )
        self.assertEqual(survey.score, 11)
        self.assertEqual(survey.sector_id, self.product_set_coffee.parent_id)
        self.assertEqual(survey.province_id, self.gia_lai)
        self.assertEqual(self.cycle.potential_count, 1)
        groups = self.env["ocop.potential.product"].read_group(
            [("cycle_id", "=", self.cycle.id)],
            ["score:sum"],
            ["commune_id", "sector_id"],
            lazy=False,
        )
        self.assertEqual(groups[0]["score"], 11)
        # a survey belongs to a commune (the progress reports count the
        # surveys of the communes only), not to the province
        with self.assertRaisesRegex(ValidationError, "is not a commune"):
            survey.commune_id = self.gia_lai

    def test_whole_path_as_each_user(self):
        """Portal producer registers an idea, the commune reviews it, the
        programme office selects it, the producer writes the plan, the office
        evaluates and selects it, supports follow."""
        Idea = self.env["ocop.product.idea"]
        idea = (
            Idea.with_user(self.portal_user)
            .sudo()
            .create(
                {
                    "name": "Mật ong cà phê Ia Hrung",
                    "cycle_id": self.cycle.id,
                    "producer_id": self.producer_ia_hrung.id,
                    "product_group_id": self.product_set_honey.id,
                    "description": "Mật ong từ hoa cà phê",
                }
            )
        )
        idea.action_submit()
        self.assertEqual(idea.state, "submitted")
        self.assertIn(self.officer_ia_hrung, idea.activity_ids.user_id)
        self.assertNotIn(self.officer_bien_ho, idea.activity_ids.user_id)
        # The commune officer reviews; the programme officer gets the activity.
        idea.with_user(self.officer_ia_hrung).write({"review_note": "Đạt yêu cầu"})
        idea.with_user(self.officer_ia_hrung).action_review()
        self.assertEqual(idea.state, "reviewed")
        self.assertIn(self.programme_gia_lai, idea.activity_ids.user_id)
        self.assertNotIn(self.officer_ia_hrung, idea.activity_ids.user_id)
        with self.assertRaises(UserError):
            idea.with_user(self.officer_ia_hrung).action_review()
        # The programme office selects it: an OCOP product is created.
        idea.with_user(self.programme_gia_lai).action_select()
        self.assertEqual(idea.state, "selected")
        self.assertFalse(idea.activity_ids)
        product = idea.ocop_product_id
        self.assertTrue(product.code.startswith("52-23767-"))
        self.assertEqual(product.product_group_id, self.product_set_honey)
        self.assertTrue(idea.result_pending)
        self.env["ocop.product.idea"]._cron_notify_results()
        self.assertFalse(idea.result_pending)
        self.assertIn("is selected", idea.message_ids[0].body)
        self.assertIn(self.producer_ia_hrung, idea.message_ids[0].partner_ids)
        # The business plan.
        plan = (
            self.env["ocop.business.plan"]
            .sudo()
            .create(
                {
                    "name": "Phương án mật ong",
                    "idea_id": idea.id,
                    "investment_total": 500e6,
                }
            )
        )
        self.assertEqual(len(plan.score_ids), 8)
        plan.action_submit()
        self.assertIn(self.programme_gia_lai, plan.activity_ids.user_id)
        as_office = plan.with_user(self.programme_gia_lai)
        with self.assertRaises(UserError):
            as_office.action_evaluate()  # nothing scored yet
        for line in as_office.score_ids:
            line.score = line.max_score * 0.8
        self.assertAlmostEqual(plan.score_total, 80)
        as_office.action_evaluate()
        wizard = Form(
            self.env["ocop.business.plan.decision"]
            .with_user(self.programme_gia_lai)
            .with_context(active_model="ocop.business.plan", active_ids=plan.ids)
        ).save()
        wizard.action_confirm()
        self.assertEqual(plan.state, "selected")
        mail = plan.message_ids[0]
        self.assertIn("đã được lựa chọn", mail.body)
        self.assertIn(self.producer_ia_hrung, mail.partner_ids)
        self.assertIn(self.officer_ia_hrung.partner_id, mail.partner_ids)
        # Supports and follow-up.
        support = (
            self.env["ocop.support"]
            .with_user(self.programme_gia_lai)
            .create(
                {
                    "name": "Hỗ trợ thiết kế bao bì",
                    "plan_id": plan.id,
                    "support_type": "packaging_labels",
                    "amount": 30e6,
                }
            )
        )
        self.assertEqual(support.producer_id, self.producer_ia_hrung)
        self.assertEqual(support.product_id, product)
        self.assertEqual(support.cycle_id, self.cycle)
        support.action_start()
        support.action_done()
        with self.assertRaises(UserError):
            support.action_start()
        plan.progress_ids = [
            Command.create(
                {"date": date(2026, 9, 1), "progress": 40, "difficulties": "Thiếu vốn"}
            ),
            Command.create(
                {"date": date(2026, 10, 1), "progress": 70, "needs": "Tập huấn"}
            ),
        ]
        self.assertEqual(plan.progress, 70)
        self.assertEqual(plan.support_amount, 30e6)
        self.assertEqual(self.cycle.idea_count, 1)
        self.assertEqual(self.cycle.plan_count, 1)

    def test_bad_input(self):
        agency = self.env["res.partner"].create(
            {"name": "Phòng NN", "is_company": True, "ocop_entity_type": "agency"}
        )
        count = self.env["ocop.product.idea"].search_count([])
        with self.assertRaisesMessage(ValidationError, "not an eligible OCOP producer"):
            self._idea(producer=agency)
        self.assertEqual(self.env["ocop.product.idea"].search_count([]), count)
        idea = self._idea()
        with self.assertRaisesMessage(ValidationError, "is not selected"):
            self.env["ocop.business.plan"].create({"name": "PA", "idea_id": idea.id})
        with self.assertRaisesMessage(UserError, "Selecting"):
            idea.action_select()  # from draft
        with self.assertRaisesMessage(UserError, "reason"):
            idea.action_submit() or idea.action_reject("")
        with self.assertRaisesMessage(ValidationError, "negative"):
            self.env["ocop.support"].create(
                {
                    "name": "Âm",
                    "producer_id": self.producer_ia_hrung.id,
                    "support_type": "credit",
                    "amount": -5,
                }
            )

    def test_bulk_decision_wizard(self):
        ideas = (
            self._idea() | self._idea(name="Ý tưởng 2") | self._idea(name="Ý tưởng 3")
        )
        ideas.action_submit()
        ideas[:2].action_review()
        wizard = (
            self.env["ocop.product.idea.decision"]
            .with_context(active_model="ocop.product.idea", active_ids=ideas[:2].ids)
            .create({"decision": "select"})
        )
        wizard.action_confirm()
        self.assertEqual(set(ideas[:2].mapped("state")), {"selected"})
        self.assertEqual(len(ideas[:2].ocop_product_id), 2)
        reject = self.env["ocop.product.idea.decision"].create(
            {"idea_ids": [Command.set(ideas[2:].ids)], "decision": "reject"}
        )
        with self.assertRaises(UserError):
            reject.action_confirm()
        reject.reason = "Không phù hợp"
        reject.action_confirm()
        self.assertEqual(ideas[2].state, "rejected")
        self.assertEqual(ideas[2].reject_reason, "Không phù hợp")

    def test_access_by_role(self):
        ours = self._idea()
        theirs = self._idea(producer=self.producer_hoan_kiem, name="Hà Nội")
        Idea = self.env["ocop.product.idea"]
        self.assertIn(ours, Idea.with_user(self.officer_ia_hrung).search([]))
        self.assertNotIn(theirs, Idea.with_user(self.officer_ia_hrung).search([]))
        self.assertNotIn(ours, Idea.with_user(self.officer_bien_ho).search([]))
        self.assertIn(ours, Idea.with_user(self.programme_gia_lai).search([]))
        self.assertIn(theirs, Idea.with_user(self.ocop_manager).search([]))
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_rule"),
        ):
            theirs.with_user(self.officer_ia_hrung).read(["name"])
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            ours.with_user(self.viewer_gia_lai).write({"name": "x"})
        # The province's cycle is visible to the commune officers inside it.
        self.assertIn(
            self.cycle,
            self.env["ocop.cycle"].with_user(self.officer_ia_hrung).search([]),
        )
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            self.cycle.with_user(self.officer_ia_hrung).write({"name": "x"})
        # Portal: own ideas only, no write.
        portal_ideas = Idea.with_user(self.portal_user).search([])
        self.assertEqual(portal_ideas, ours)
        with (
            self.assertRaises(AccessError),
            mute_logger("odoo.addons.base.models.ir_model"),
        ):
            ours.with_user(self.portal_user).write({"name": "x"})
        for model in ("ocop.potential.product", "ocop.support"):
            with (
                self.assertRaises(AccessError),
                mute_logger("odoo.addons.base.models.ir_model"),
            ):
                self.env[model].with_user(self.portal_user).search([])
