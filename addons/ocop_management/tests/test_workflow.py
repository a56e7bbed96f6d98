# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow of the programme models holds at the server: states, results
and decisions change only through their actions, each action is reserved to
its role and territory, the chatter keeps every step, bad input is refused.
Every check is made as the real roles (never as the superuser, who is
trusted)."""

import json
from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from .test_duties import ProgrammeOfficeMixin

GUARDED = "change only through the workflow"
FORCED = "set by the workflow"
FROZEN = "can no longer be changed"
RESERVED = "is reserved to"
OUTSIDE = "outside your territory"
# the same, for the Vietnamese-speaking users of setup_workflow_users
OUTSIDE_VI = "nằm ngoài địa bàn phụ trách của bạn"
RESERVED_VI = "chỉ dành cho"
MUTED = (
    "odoo.addons.base.models.ir_rule",
    "odoo.addons.base.models.ir_model",
    "odoo.http",
)


class WorkflowCommon(ProgrammeOfficeMixin):
    @classmethod
    def setup_workflow_data(cls):
        cls.setup_programme_office_data()
        cls.setup_workflow_users()
        cls.cycle.action_start()
        cls.cycle_ha_noi.action_start()

    def _idea(self, producer=None, **vals):
        producer = producer or self.producer_ia_hrung
        return self.env["ocop.product.idea"].create(
            dict(
                {
                    "name": f"Ý tưởng của {producer.name}",
                    "cycle_id": self.cycle.id,
                    "producer_id": producer.id,
                    "product_group_id": self.product_set_coffee.id,
                    "description": "Cà phê rang xay",
                },
                **vals,
            )
        )

    def _plan(self, producer=None, **vals):
        idea = self._idea(producer, state="selected")
        return self.env["ocop.business.plan"].create(
            dict({"name": f"Phương án {idea.name}", "idea_id": idea.id}, **vals)
        )

    def refused(self, exception, text, func):
        """``func`` raises ``exception`` with ``text`` in its message."""
        with self.assertRaisesMessage(exception, text), mute_logger(*MUTED):
            func()

    def denied(self, func):
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            func()

    def as_vi(self, records, user):
        """``records`` as ``user`` in their language, as the web client
        calls them."""
        return records.with_user(user).with_context(lang=user.lang)

    def end_request(self):
        """What the end of a request does: the tracking of the changes made
        is written (each call of the web client is its own transaction; a
        test runs in one, where the first writer of a batch would sign the
        tracking of the next ones)."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def assertStateTracked(self, record, before, after, user):
        """The chatter has the change of state, by ``user``."""
        self.end_request()
        labels = dict(record._fields["state"]._description_selection(self.env))
        values = record.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: (
                value.field_id.name == "state"
                and value.old_value_char == labels[before]
                and value.new_value_char == labels[after]
            )
        )
        self.assertTrue(values, f"{record.display_name}: {before} → {after}")
        self.assertEqual(values[0].mail_message_id.author_id, user.partner_id)

    def assertReasonPosted(self, record, reason):
        """The reason is in the chatter: a note of the transition, or the
        tracked value of the field holding it."""
        self.end_request()
        messages = record.sudo().message_ids
        self.assertTrue(
            any(reason in str(body) for body in messages.mapped("body"))
            or reason in messages.tracking_value_ids.mapped("new_value_text")
            or reason in messages.tracking_value_ids.mapped("new_value_char"),
            f"{record.display_name}: the reason {reason!r} is not in the chatter",
        )


@tagged("post_install", "-at_install")
class TestWorkflowProgramme(WorkflowCommon, TransactionCase):
    """Products, ideas, plans, supports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_workflow_data()

    # ------------------------------------------------------------------
    # Products
    # ------------------------------------------------------------------
    def test_product(self):
        product = self.product_ia_hrung
        officer = product.with_user(self.officer_ia_hrung)
        # (a) state and code only through the workflow
        for vals in ({"state": "certified"}, {"code": "52-23767-999-2026"}):
            self.refused(UserError, GUARDED, lambda v=vals: officer.write(v))
        count = self.env["ocop.product"].search_count([])
        self.refused(
            UserError,
            FORCED,
            lambda: (
                self.env["ocop.product"]
                .with_user(self.officer_ia_hrung)
                .create(
                    {
                        "name": "Cà phê đã chứng nhận",
                        "producer_id": self.producer_ia_hrung.id,
                        "product_group_id": self.product_set_coffee.id,
                        "commune_id": self.ia_hrung.id,
                        "state": "certified",
                    }
                )
            ),
        )
        self.assertEqual(self.env["ocop.product"].search_count([]), count)
        self.assertEqual(product.state, "draft")
        # (b) the wrong role, another commune, another province
        self.refused(
            AccessError,
            RESERVED,
            lambda: product.with_user(self.viewer_gia_lai).action_start_development(),
        )
        self.denied(
            lambda: product.with_user(self.officer_bien_ho).action_start_development()
        )
        self.denied(
            lambda: product.with_user(self.programme_ha_noi).action_start_development()
        )
        self.assertEqual(product.state, "draft")
        # (c) the commune develops it, only the programme office resets it
        officer.action_start_development()
        self.assertEqual(product.state, "developing")
        self.assertStateTracked(product, "draft", "developing", self.officer_ia_hrung)
        self.refused(AccessError, RESERVED, officer.action_reset_to_draft)
        self.refused(UserError, "is not possible for", officer.action_start_development)
        product.with_user(self.programme_gia_lai).action_reset_to_draft()
        self.assertStateTracked(product, "developing", "draft", self.programme_gia_lai)
        # (d) a year of evaluation that cannot be
        self.refused(
            ValidationError,
            "not a valid year",
            lambda: officer.write({"code_year": 1900}),
        )
        self.assertEqual(product.code_year, 2026)

    # ------------------------------------------------------------------
    # Product ideas
    # ------------------------------------------------------------------
    def test_idea_guarded_and_frozen(self):
        idea = self._idea()
        officer = idea.with_user(self.officer_ia_hrung)
        for vals in (
            {"state": "selected"},
            {"result_pending": True},
            {"reject_reason": "Không đạt"},
        ):
            self.refused(UserError, GUARDED, lambda v=vals: officer.write(v))
        Idea = self.env["ocop.product.idea"]
        count = Idea.search_count([])
        self.refused(
            UserError,
            FORCED,
            lambda: Idea.with_user(self.officer_ia_hrung).create(
                {
                    "name": "Ý tưởng đã chọn sẵn",
                    "cycle_id": self.cycle.id,
                    "producer_id": self.producer_ia_hrung.id,
                    "product_group_id": self.product_set_coffee.id,
                    "description": "x",
                    "state": "selected",
                }
            ),
        )
        self.assertEqual(Idea.search_count([]), count)
        # filed: what the producer registered is frozen, the review is not
        idea.with_user(self.portal_ia_hrung).action_submit()
        self.refused(UserError, FROZEN, lambda: officer.write({"description": "Khác"}))
        officer.write({"review_note": "Đạt yêu cầu"})
        officer.action_review()
        idea.with_user(self.programme_gia_lai).action_select()
        # selected: the decision is kept as taken
        self.refused(
            UserError,
            FROZEN,
            lambda: idea.with_user(self.programme_gia_lai).write({"review_note": "x"}),
        )
        self.assertEqual(idea.description, "Cà phê rang xay")
        self.assertEqual(idea.review_note, "Đạt yêu cầu")

    def test_idea_roles_and_chatter(self):
        idea = self._idea()
        theirs = self._idea(self.producer_bien_ho)
        # the producer files their own idea, not another producer's
        self.denied(lambda: theirs.with_user(self.portal_ia_hrung).action_submit())
        self.assertEqual(theirs.state, "draft")
        idea.with_user(self.portal_ia_hrung).action_submit()
        self.assertEqual(idea.state, "submitted")
        self.assertStateTracked(idea, "draft", "submitted", self.portal_ia_hrung)
        self.assertIn(self.officer_ia_hrung, idea.activity_ids.user_id)
        # the producer decides nothing
        as_producer = idea.with_user(self.portal_ia_hrung)
        self.denied(as_producer.action_review)
        self.denied(lambda: as_producer.action_reject("Tự từ chối"))
        self.denied(as_producer.action_reset_to_draft)
        self.assertEqual(idea.state, "submitted")
        # another commune, another province
        self.denied(lambda: idea.with_user(self.officer_bien_ho).action_review())
        self.denied(lambda: idea.with_user(self.officer_hoan_kiem).action_review())
        idea.with_user(self.officer_ia_hrung).action_review()
        self.assertStateTracked(idea, "submitted", "reviewed", self.officer_ia_hrung)
        # selecting and rejecting are the programme office's decisions
        officer = idea.with_user(self.officer_ia_hrung)
        self.refused(AccessError, RESERVED, officer.action_select)
        self.refused(AccessError, RESERVED, lambda: officer.action_reject("Không đạt"))
        self.denied(lambda: idea.with_user(self.programme_ha_noi).action_select())
        self.assertEqual(idea.state, "reviewed")
        self.assertFalse(idea.ocop_product_id)
        # a reason is required to reject, and kept in the chatter
        programme = idea.with_user(self.programme_gia_lai)
        self.refused(UserError, "reason", lambda: programme.action_reject("  "))
        self.assertEqual(idea.state, "reviewed")
        programme.action_reject("Nguyên liệu không ổn định")
        self.assertEqual(idea.reject_reason, "Nguyên liệu không ổn định")
        self.assertTrue(idea.result_pending)
        self.assertStateTracked(idea, "reviewed", "rejected", self.programme_gia_lai)
        self.assertReasonPosted(idea, "Nguyên liệu không ổn định")
        # the commune reopens it for the producer; the office selects it
        officer.action_reset_to_draft()
        self.assertFalse(idea.reject_reason)
        self.end_request()
        idea.with_user(self.portal_ia_hrung).action_submit()
        self.end_request()
        officer.action_review()
        self.end_request()
        programme.action_select()
        self.assertEqual(idea.state, "selected")
        self.assertEqual(idea.ocop_product_id.producer_id, self.producer_ia_hrung)
        self.assertStateTracked(idea, "reviewed", "selected", self.programme_gia_lai)

    def test_idea_decision_wizard_is_the_office_s(self):
        ideas = self._idea() | self._idea(name="Ý tưởng 2")
        ideas.write({"state": "reviewed"})
        Wizard = self.env["ocop.product.idea.decision"]
        self.denied(
            lambda: (
                Wizard.with_user(self.officer_ia_hrung)
                .with_context(active_model=ideas._name, active_ids=ideas.ids)
                .create({"decision": "select"})
            )
        )
        # another province's officer: the ideas are not theirs to list
        wizard = (
            Wizard.with_user(self.programme_ha_noi)
            .with_context(active_model=ideas._name, active_ids=ideas.ids)
            .create({"decision": "reject", "reason": "Ngoài địa bàn"})
        )
        # (either not listed to them, or refused when read)
        with self.assertRaises(UserError), mute_logger(*MUTED):
            wizard.action_confirm()
        self.denied(lambda: ideas.with_user(self.programme_ha_noi).action_reject("x"))
        self.assertEqual(set(ideas.mapped("state")), {"reviewed"})
        wizard = (
            Wizard.with_user(self.programme_gia_lai)
            .with_context(active_model=ideas._name, active_ids=ideas.ids)
            .create({"decision": "reject", "reason": "Chưa đủ điều kiện"})
        )
        wizard.action_confirm()
        self.assertEqual(set(ideas.mapped("state")), {"rejected"})
        for idea in ideas:
            self.assertReasonPosted(idea, "Chưa đủ điều kiện")

    # ------------------------------------------------------------------
    # Business plans
    # ------------------------------------------------------------------
    def test_plan(self):
        plan = self._plan()
        officer = plan.with_user(self.officer_ia_hrung)
        programme = plan.with_user(self.programme_gia_lai)
        # (a) state and results only through the workflow
        for vals in ({"state": "selected"}, {"score_total": 99}, {"progress": 100}):
            self.refused(UserError, GUARDED, lambda v=vals: officer.write(v))
        # (b, c) the producer submits; their plan is then frozen
        self.denied(lambda: plan.with_user(self.portal_bien_ho).action_submit())
        plan.with_user(self.portal_ia_hrung).action_submit()
        self.assertStateTracked(plan, "draft", "submitted", self.portal_ia_hrung)
        self.refused(UserError, FROZEN, lambda: officer.write({"goals": "Khác"}))
        # evaluating and selecting are the programme office's
        self.refused(AccessError, RESERVED, officer.action_evaluate)
        self.denied(lambda: plan.with_user(self.portal_ia_hrung).action_evaluate())
        self.denied(lambda: plan.with_user(self.programme_ha_noi).action_evaluate())
        for line in programme.score_ids:
            line.score = line.max_score / 2
        programme.action_evaluate()
        self.assertStateTracked(plan, "submitted", "evaluated", self.programme_gia_lai)
        # the evaluation done is frozen, through the plan or its lines
        line = programme.score_ids[0]
        self.refused(
            UserError,
            "evaluation can no longer be changed",
            lambda: line.write({"score": 0}),
        )
        self.refused(
            UserError,
            FROZEN,
            lambda: programme.write(
                {"score_ids": [Command.update(line.id, {"score": 0})]}
            ),
        )
        self.assertEqual(line.score, line.max_score / 2)
        self.refused(AccessError, RESERVED, officer.action_select)
        self.refused(
            AccessError, RESERVED, lambda: officer.action_reject("Không khả thi")
        )
        programme.action_reject("Thị trường chưa rõ")
        self.assertStateTracked(plan, "evaluated", "rejected", self.programme_gia_lai)
        self.assertReasonPosted(plan, "Thị trường chưa rõ")
        self.assertEqual(plan.evaluation_note, "Thị trường chưa rõ")
        self.refused(
            UserError, FROZEN, lambda: programme.write({"evaluation_note": "Khác"})
        )

    def test_plan_selected_through_the_wizard(self):
        plan = self._plan(state="evaluated")
        Wizard = self.env["ocop.business.plan.decision"]
        self.denied(
            lambda: (
                Wizard.with_user(self.officer_ia_hrung)
                .with_context(active_model=plan._name, active_ids=plan.ids)
                .create({"decision": "select"})
            )
        )
        wizard = (
            Wizard.with_user(self.programme_gia_lai)
            .with_context(active_model=plan._name, active_ids=plan.ids)
            .create({"decision": "select"})
        )
        wizard.action_confirm()
        self.assertEqual(plan.state, "selected")
        self.assertStateTracked(plan, "evaluated", "selected", self.programme_gia_lai)

    def test_plan_bad_input(self):
        plan = self._plan()
        officer = plan.with_user(self.officer_ia_hrung)
        for vals in ({"investment_total": -1}, {"revenue_forecast": -5e6}):
            self.refused(
                ValidationError, "cannot be negative", lambda v=vals: officer.write(v)
            )
        self.assertEqual(plan.investment_total, 0)
        plan.state = "submitted"
        line = plan.score_ids[0].with_user(self.programme_gia_lai)
        for score in (-1, line.max_score + 1):
            self.refused(
                ValidationError,
                "must lie between",
                lambda s=score: line.write({"score": s}),
            )
        self.assertEqual(line.score, 0)

    # ------------------------------------------------------------------
    # Supports
    # ------------------------------------------------------------------
    def _support(self, **vals):
        return (
            self.env["ocop.support"]
            .with_user(self.programme_gia_lai)
            .create(
                dict(
                    {
                        "name": "Hỗ trợ bao bì",
                        "cycle_id": self.cycle.id,
                        "producer_id": self.producer_ia_hrung.id,
                        "support_type": "packaging_labels",
                        "amount": 10_000_000,
                    },
                    **vals,
                )
            )
        )

    def test_support(self):
        Support = self.env["ocop.support"]
        count = Support.search_count([])
        self.refused(UserError, FORCED, lambda: self._support(state="done"))
        self.assertEqual(Support.search_count([]), count)
        support = self._support()
        self.refused(UserError, GUARDED, lambda: support.write({"state": "done"}))
        # (b) supports are given by the programme office of the territory
        self.refused(
            AccessError,
            RESERVED,
            lambda: support.with_user(self.officer_ia_hrung).action_start(),
        )
        self.denied(lambda: support.with_user(self.programme_ha_noi).action_start())
        self.assertEqual(support.state, "planned")
        # (c)
        support.action_start()
        self.assertStateTracked(support, "planned", "ongoing", self.programme_gia_lai)
        self.refused(UserError, "Starting is not possible", support.action_start)
        support.action_cancel()
        self.assertStateTracked(support, "ongoing", "cancelled", self.programme_gia_lai)
        # a cancelled support stays as it was
        self.refused(UserError, FROZEN, lambda: support.write({"amount": 1}))
        self.assertEqual(support.amount, 10_000_000)
        # (d)
        self.refused(ValidationError, "negative", lambda: self._support(amount=-1))
        self.refused(
            ValidationError,
            "end before it starts",
            lambda: self._support(
                date_start=date(2026, 6, 1), date_end=date(2026, 5, 1)
            ),
        )
        self.assertEqual(Support.search_count([]), count + 1)


@tagged("post_install", "-at_install")
class TestWorkflowProgrammeOffice(WorkflowCommon, TransactionCase):
    """Cycles, duties, budget lines, commendations, progress reports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_workflow_data()
        Duty = cls.env["ocop.cycle.duty"]
        cls.duty_commune = Duty.create(
            {
                "name": "Tuyên truyền chương trình OCOP tại xã",
                "cycle_id": cls.cycle.id,
                "agency_id": cls.committee_ia_hrung.id,
                "user_id": cls.officer_ia_hrung.id,
                "deadline": date(2026, 6, 30),
            }
        )
        cls.duty_province = Duty.create(
            {
                "name": "Tổng hợp kết quả đánh giá sản phẩm",
                "cycle_id": cls.cycle.id,
                "agency_id": cls.agriculture_gia_lai.id,
                "user_id": cls.programme_gia_lai.id,
                "deadline": date(2026, 8, 31),
            }
        )
        cls.duty_bien_ho = Duty.create(
            {
                "name": "Khảo sát sản phẩm xã Biển Hồ",
                "cycle_id": cls.cycle.id,
                "agency_id": cls.committee_bien_ho.id,
                "user_id": cls.officer_bien_ho.id,
                "deadline": date(2026, 5, 31),
            }
        )
        cls.duty_ha_noi_done = Duty.create(
            {
                "name": "Báo cáo kết quả năm",
                "cycle_id": cls.cycle_ha_noi.id,
                "agency_id": cls.agriculture_ha_noi.id,
                "user_id": cls.programme_ha_noi.id,
                "deadline": date(2026, 12, 15),
                "evidence_note": "Báo cáo số 1/BC",
                "state": "done",
            }
        )
        cls.line = cls.env["ocop.budget.line"].create(
            {
                "name": "Ngân sách tỉnh hỗ trợ bao bì",
                "cycle_id": cls.cycle.id,
                "source": "provincial",
                "allocated_amount": 100_000_000,
            }
        )
        cls.commendation = cls.env["ocop.commendation"].create(
            {
                "cycle_id": cls.cycle.id,
                "partner_id": cls.producer_ia_hrung.id,
                "achievement": "Sản phẩm OCOP 4 sao đầu tiên của xã",
            }
        )

    # ------------------------------------------------------------------
    # Cycles
    # ------------------------------------------------------------------
    def test_cycle(self):
        cycle = self.cycle.with_user(self.programme_gia_lai)
        Cycle = self.env["ocop.cycle"]
        count = Cycle.search_count([])
        self.refused(
            UserError,
            FORCED,
            lambda: Cycle.with_user(self.programme_gia_lai).create(
                {
                    "name": "Chu trình 2027",
                    "year": 2027,
                    "admin_unit_id": self.gia_lai.id,
                    "state": "running",
                }
            ),
        )
        self.assertEqual(Cycle.search_count([]), count)
        self.refused(UserError, GUARDED, lambda: cycle.write({"state": "closed"}))
        # (b) a commune officer, a programme officer of a commune (who reads
        # the province's cycle) and one of another province
        self.refused(
            AccessError,
            RESERVED,
            lambda: self.cycle.with_user(self.officer_ia_hrung).action_close(),
        )
        self.refused(
            AccessError,
            OUTSIDE_VI,
            self.as_vi(self.cycle, self.programme_ia_hrung).action_close,
        )
        self.denied(lambda: self.cycle.with_user(self.programme_ha_noi).action_close())
        self.assertEqual(self.cycle.state, "running")
        # (c)
        cycle.action_close()
        self.assertStateTracked(self.cycle, "running", "closed", self.programme_gia_lai)
        self.refused(UserError, "Closing the cycle is not possible", cycle.action_close)
        # closed: kept as it ran, and may be archived
        self.refused(UserError, FROZEN, lambda: cycle.write({"year": 2030}))
        cycle.write({"active": False})
        self.assertEqual(self.cycle.year, 2026)

    def test_cycle_bad_input(self):
        Cycle = self.env["ocop.cycle"].with_user(self.programme_gia_lai)
        count = Cycle.search_count([])
        for vals, text in (
            ({"year": 1800}, "not a valid year"),
            ({"report_due_day": 40}, "from 1 to 31"),
            ({"report_due_day": 0}, "from 1 to 31"),
            ({"report_reminder_days": -2}, "days before the due day"),
        ):
            self.refused(
                ValidationError,
                text,
                lambda v=vals: Cycle.create(
                    dict(
                        {"name": "Sai", "year": 2028, "admin_unit_id": self.gia_lai.id},
                        **v,
                    )
                ),
            )
        self.assertEqual(Cycle.search_count([]), count)

    # ------------------------------------------------------------------
    # Duties
    # ------------------------------------------------------------------
    def test_duty_guarded_and_frozen(self):
        duty = self.duty_commune.with_user(self.officer_ia_hrung)
        for vals in ({"state": "done"}, {"date_done": date(2026, 6, 1)}):
            self.refused(UserError, GUARDED, lambda v=vals: duty.write(v))
        self.refused(
            UserError,
            FORCED,
            lambda: (
                self.env["ocop.cycle.duty"]
                .with_user(self.programme_gia_lai)
                .create(
                    {
                        "name": "Đã xong sẵn",
                        "cycle_id": self.cycle.id,
                        "deadline": date(2026, 9, 1),
                        "state": "done",
                    }
                )
            ),
        )
        duty.write({"evidence_note": "Đã tổ chức 3 buổi tuyên truyền"})
        duty.action_done()
        self.assertEqual(self.duty_commune.date_done, fields.Date.context_today(duty))
        self.assertStateTracked(
            self.duty_commune, "todo", "done", self.officer_ia_hrung
        )
        # the evidence of a duty done stays as recorded
        self.refused(UserError, FROZEN, lambda: duty.write({"evidence_note": "Khác"}))
        self.assertEqual(
            self.duty_commune.evidence_note, "Đã tổ chức 3 buổi tuyên truyền"
        )

    def test_duty_roles(self):
        # a commune officer does not act on the province's duties, which they
        # read, nor on another province's
        self.refused(
            AccessError,
            OUTSIDE,
            lambda: self.duty_province.with_user(self.officer_bien_ho).action_start(),
        )
        self.denied(
            lambda: self.duty_commune.with_user(self.programme_ha_noi).action_start()
        )
        # the responsible user acts on their duty even outside their territory
        duty = self.duty_bien_ho.with_user(self.officer_ia_hrung)
        self.denied(duty.action_start)
        self.duty_bien_ho.user_id = self.officer_ia_hrung
        self.end_request()
        duty.action_start()
        self.assertStateTracked(
            self.duty_bien_ho, "todo", "in_progress", self.officer_ia_hrung
        )
        duty.write({"evidence_note": "Đã phối hợp khảo sát"})
        duty.action_done()
        self.assertEqual(self.duty_bien_ho.state, "done")
        # cancelling and reopening are the programme office's
        commune = self.duty_commune.with_user(self.officer_ia_hrung)
        self.refused(AccessError, RESERVED, commune.action_cancel)
        self.refused(
            UserError,
            "Only a programme officer",
            duty.action_reset,
        )
        self.refused(
            AccessError,
            OUTSIDE_VI,
            self.as_vi(self.duty_province, self.programme_ia_hrung).action_cancel,
        )
        self.duty_commune.with_user(self.programme_gia_lai).action_cancel()
        self.assertStateTracked(
            self.duty_commune, "todo", "cancelled", self.programme_gia_lai
        )
        self.duty_bien_ho.with_user(self.programme_gia_lai).action_reset()
        self.assertEqual(self.duty_bien_ho.state, "todo")
        self.assertFalse(self.duty_bien_ho.date_done)

    def test_messages_in_vietnamese(self):
        """A commune officer of Hà Nội working in Vietnamese: the refusals
        (wrong role, wrong state, bad input) come in Vietnamese."""
        officer = self.officer_hoan_kiem
        duty = self.as_vi(self.duty_ha_noi_done, officer)
        self.refused(
            AccessError,
            "Chỉ cán bộ chương trình mới được mở lại nhiệm vụ.",
            duty.action_reset,
        )
        self.refused(
            UserError,
            'Không thể thực hiện thao tác "Bắt đầu" cho Báo cáo kết quả năm',
            duty.action_start,
        )
        self.assertEqual(self.duty_ha_noi_done.state, "done")
        self.refused(
            AccessError,
            RESERVED_VI,
            self.as_vi(self.cycle_ha_noi, officer).action_close,
        )
        self.assertEqual(self.cycle_ha_noi.state, "running")
        product = self.as_vi(self.product_hoan_kiem, officer)
        self.refused(
            ValidationError,
            "năm 1900 không phải là năm đánh giá hợp lệ",
            lambda: product.write({"code_year": 1900}),
        )
        self.refused(
            UserError,
            "chỉ thay đổi qua các thao tác của quy trình",
            lambda: product.write({"state": "certified"}),
        )
        self.assertEqual(self.product_hoan_kiem.code_year, 2026)
        self.assertEqual(self.product_hoan_kiem.state, "draft")

    def test_duty_bad_input(self):
        duty = self.duty_province.with_user(self.programme_gia_lai)
        self.refused(
            ValidationError,
            "falls before the year",
            lambda: duty.write({"deadline": date(2025, 12, 31)}),
        )
        self.assertEqual(self.duty_province.deadline, date(2026, 8, 31))

    # ------------------------------------------------------------------
    # Budget lines
    # ------------------------------------------------------------------
    def test_budget_line(self):
        line = self.line.with_user(self.programme_gia_lai)
        Line = self.env["ocop.budget.line"].with_user(self.programme_gia_lai)
        count = Line.search_count([])
        self.refused(
            UserError,
            FORCED,
            lambda: Line.create(
                {
                    "name": "Ngân sách đã cấp sẵn",
                    "cycle_id": self.cycle.id,
                    "source": "provincial",
                    "allocated_amount": 5_000_000,
                    "state": "allocated",
                }
            ),
        )
        self.assertEqual(Line.search_count([]), count)
        for vals in (
            {"state": "allocated"},
            {"overrun_user_id": self.programme_gia_lai.id},
            {"disbursed_amount": 5_000_000},
        ):
            self.refused(UserError, GUARDED, lambda v=vals: line.write(v))
        # (b) allocating is the programme office's, in its territory
        self.refused(
            AccessError,
            RESERVED,
            lambda: self.line.with_user(self.officer_ia_hrung).action_allocate(),
        )
        self.refused(
            AccessError,
            OUTSIDE_VI,
            self.as_vi(self.line, self.programme_ia_hrung).action_allocate,
        )
        self.denied(
            lambda: self.line.with_user(self.programme_ha_noi).action_allocate()
        )
        self.assertEqual(self.line.state, "expected")
        # (c)
        line.action_allocate()
        self.assertStateTracked(
            self.line, "expected", "allocated", self.programme_gia_lai
        )
        self.assertTrue(self.line.date_allocated)
        line.write({"allow_overrun": True, "overrun_reason": "QĐ bổ sung kinh phí"})
        self.assertEqual(self.line.overrun_user_id, self.programme_gia_lai)
        line.action_close()
        self.refused(UserError, FROZEN, lambda: line.write({"name": "Khác"}))
        self.refused(UserError, "Closing is not possible", line.action_close)
        # (d) a negative allocation (the database refuses it too)
        other = Line.create(
            {"name": "Ngân sách xã", "cycle_id": self.cycle.id, "source": "commune"}
        )
        self.refused(
            ValidationError,
            "cannot be negative",
            lambda: other.write({"allocated_amount": -1}),
        )
        self.assertEqual(other.allocated_amount, 0)

    # ------------------------------------------------------------------
    # Commendations
    # ------------------------------------------------------------------
    def test_commendation(self):
        commendation = self.commendation.with_user(self.programme_gia_lai)
        Commendation = self.env["ocop.commendation"].with_user(self.programme_gia_lai)
        count = Commendation.search_count([])
        self.refused(
            UserError, GUARDED, lambda: commendation.write({"state": "granted"})
        )
        self.refused(
            UserError,
            FORCED,
            lambda: Commendation.create(
                {
                    "cycle_id": self.cycle.id,
                    "partner_id": self.producer_bien_ho.id,
                    "achievement": "x",
                    "state": "granted",
                }
            ),
        )
        # (b)
        self.refused(
            AccessError,
            RESERVED,
            lambda: self.commendation.with_user(self.officer_ia_hrung).action_propose(),
        )
        self.refused(
            AccessError,
            OUTSIDE_VI,
            self.as_vi(self.commendation, self.programme_ia_hrung).action_propose,
        )
        self.denied(
            lambda: self.commendation.with_user(self.programme_ha_noi).action_propose()
        )
        self.assertEqual(self.commendation.state, "draft")
        # (c)
        commendation.action_propose()
        self.assertStateTracked(
            self.commendation, "draft", "proposed", self.programme_gia_lai
        )
        commendation.write(
            {"decision_number": "12/QĐ-UBND", "decision_date": date(2026, 12, 1)}
        )
        commendation.action_grant()
        self.assertStateTracked(
            self.commendation, "proposed", "granted", self.programme_gia_lai
        )
        # granted: kept as decided
        self.refused(
            UserError, FROZEN, lambda: commendation.write({"reward_amount": 1})
        )
        # (d) a negative reward (the database refuses it too), a decision
        # dated before its cycle
        other = Commendation.create(
            {
                "cycle_id": self.cycle.id,
                "partner_id": self.producer_bien_ho.id,
                "achievement": "Liên kết chuỗi",
            }
        )
        count += 1
        for vals, text in (
            ({"reward_amount": -1}, "cannot be negative"),
            ({"decision_date": date(2025, 1, 1)}, "before the year"),
        ):
            self.refused(ValidationError, text, lambda v=vals: other.write(v))
        self.assertEqual(other.reward_amount, 0)
        self.assertFalse(other.decision_date)
        self.assertEqual(Commendation.search_count([]), count)

    # ------------------------------------------------------------------
    # Progress reports
    # ------------------------------------------------------------------
    def _reports(self):
        Report = self.env["ocop.progress.report"]
        reports = Report._prepare_cycle_period(self.cycle, date(2026, 12, 8))
        return reports.filtered(
            lambda r: r.kind == "unit" and r.admin_unit_id == self.ia_hrung
        )

    def test_progress_report(self):
        report = self._reports()
        self.assertEqual(report.user_id, self.officer_ia_hrung)
        officer = report.with_user(self.officer_ia_hrung)
        # (a) state, figures and dates only through the workflow
        for vals in (
            {"state": "submitted"},
            {"idea_count": 999},
            {"date_accepted": fields.Datetime.now()},
            {"is_late": False},
            # who reports what, to whom and by when is set when it is prepared
            {"due_date": date(2027, 12, 31)},
            {"receiving_unit_id": self.ha_noi.id},
        ):
            self.refused(UserError, GUARDED, lambda v=vals: officer.write(v))
        officer.write({"results": "<p>Đã khảo sát 5 sản phẩm</p>"})
        # (b) another commune's officer submits nothing of Ia Hrung's
        self.denied(lambda: report.with_user(self.officer_bien_ho).action_submit())
        # (c)
        officer.action_submit()
        self.assertStateTracked(report, "draft", "submitted", self.officer_ia_hrung)
        self.assertEqual(report.submitted_by, self.officer_ia_hrung)
        # frozen once sent
        self.refused(
            UserError, FROZEN, lambda: officer.write({"results": "<p>Sửa</p>"})
        )
        # (b) the commune does not accept its own report; nor does a programme
        # officer who is not the receiving unit's, nor another province
        self.refused(AccessError, RESERVED, officer.action_accept)
        self.refused(
            AccessError,
            "Chỉ đơn vị nhận mới tiếp nhận hoặc trả lại",
            self.as_vi(report, self.programme_ia_hrung).action_accept,
        )
        self.denied(lambda: report.with_user(self.programme_ha_noi).action_accept())
        self.assertEqual(report.state, "submitted")
        # returned with a reason, kept in the chatter
        Return = self.env["ocop.progress.report.return"]
        self.denied(
            lambda: (
                Return.with_user(self.officer_ia_hrung)
                .with_context(active_ids=report.ids)
                .create({"reason": "Tự trả lại"})
            )
        )
        receiver = report.with_user(self.programme_gia_lai)
        self.refused(UserError, "reason", lambda: receiver._return(" "))
        Return.with_user(self.programme_gia_lai).with_context(
            active_ids=report.ids
        ).create({"reason": "Bổ sung số liệu hỗ trợ"}).action_confirm()
        self.assertStateTracked(report, "submitted", "returned", self.programme_gia_lai)
        self.assertReasonPosted(report, "Bổ sung số liệu hỗ trợ")
        self.assertEqual(report.return_reason, "Bổ sung số liệu hỗ trợ")
        self.refused(
            AccessError,
            RESERVED,
            lambda: report.with_user(self.viewer_gia_lai).action_reset_draft(),
        )
        officer.action_reset_draft()
        officer.action_submit()
        self.end_request()
        receiver.action_accept()
        self.assertStateTracked(report, "submitted", "accepted", self.programme_gia_lai)
        self.assertTrue(report.date_accepted)

    def test_progress_report_bad_input(self):
        """The dates of a report are the server's (see test_progress_report):
        its own code is checked too."""
        report = self._reports()
        for vals, text in (
            ({"period_end": date(2026, 11, 30)}, "ends before it starts"),
            ({"due_date": date(2026, 12, 20)}, "due before its period ends"),
        ):
            self.refused(ValidationError, text, lambda v=vals: report.write(v))
        self.env.invalidate_all()
        self.assertEqual(report.period_end, date(2026, 12, 31))
        self.assertEqual(report.due_date, date(2027, 1, 10))
        count = self.env["ocop.progress.report"].search_count([])
        self.refused(
            UserError,
            FORCED,
            lambda: (
                self.env["ocop.progress.report"]
                .with_user(self.officer_ia_hrung)
                .create(
                    {
                        "kind": "unit",
                        "cycle_id": self.cycle.id,
                        "admin_unit_id": self.ia_hrung.id,
                        "period_start": date(2026, 11, 1),
                        "period_end": date(2026, 11, 30),
                        "due_date": date(2026, 12, 10),
                    }
                )
            ),
        )
        self.assertEqual(self.env["ocop.progress.report"].search_count([]), count)


@tagged("post_install", "-at_install")
class TestWorkflowPortalRpc(WorkflowCommon, HttpCase):
    """A producer's portal user calls the actions over JSON-RPC as the web
    client would: their own idea only, and no decision."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_workflow_data()

    def call_kw(self, model, method, args):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def assertRpcRefused(self, model, method, args, exception):
        with mute_logger(*MUTED):
            payload = self.call_kw(model, method, args)
        self.assertIn("error", payload, f"{model}.{method}{args} was accepted")
        self.assertEqual(payload["error"]["data"]["name"], exception)

    def test_portal_user(self):
        ours = self._idea()
        theirs = self._idea(self.producer_bien_ho)
        self.authenticate("portal_ia_hrung", "portal_ia_hrungpw")
        Idea = "ocop.product.idea"
        self.assertRpcRefused(
            Idea, "action_submit", [theirs.ids], "odoo.exceptions.AccessError"
        )
        self.assertRpcRefused(
            Idea,
            "write",
            [ours.ids, {"state": "submitted"}],
            "odoo.exceptions.AccessError",
        )
        self.assertEqual((ours | theirs).mapped("state"), ["draft", "draft"])
        payload = self.call_kw(Idea, "action_submit", [ours.ids])
        self.assertNotIn("error", payload)
        self.assertEqual(ours.state, "submitted")
        self.assertStateTracked(ours, "draft", "submitted", self.portal_ia_hrung)
        # no decision: neither the review, nor the selection, nor a reset
        self.assertRpcRefused(
            Idea, "action_review", [ours.ids], "odoo.exceptions.AccessError"
        )
        self.assertRpcRefused(
            Idea,
            "action_reject",
            [ours.ids, "Tự từ chối"],
            "odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            Idea, "action_reset_to_draft", [ours.ids], "odoo.exceptions.AccessError"
        )
        ours.state = "reviewed"
        self.assertRpcRefused(
            Idea, "action_select", [ours.ids], "odoo.exceptions.AccessError"
        )
        self.assertEqual(ours.state, "reviewed")
        self.assertFalse(ours.ocop_product_id)
        plan = self._plan(state="submitted")
        self.assertRpcRefused(
            "ocop.business.plan",
            "action_evaluate",
            [plan.ids],
            "odoo.exceptions.AccessError",
        )
        self.assertEqual(plan.state, "submitted")
