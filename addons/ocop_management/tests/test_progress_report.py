# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import random
from datetime import datetime, time, timedelta
from unittest.mock import patch

from freezegun import freeze_time
from openpyxl import load_workbook
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.ocop_management.models.ocop_progress_report import (
    due_date_of,
    period_bounds,
)

from .common import OcopTestMixin

IDEA_STATES = ["draft", "submitted", "reviewed", "selected", "rejected"]


class ProgressReportCommon(OcopTestMixin):
    """A running cycle of Gia Lai and generated programme data in three of
    its communes (plus records placed on the province itself)."""

    @classmethod
    def setup_report_data(cls):
        cls.setup_ocop_data()
        cls.Report = cls.env["ocop.progress.report"]
        cls.today = fields.Date.context_today(cls.env.user)
        cls.cycle = cls.env["ocop.cycle"].create(
            {
                "name": "Chu trình OCOP thử nghiệm Gia Lai",
                "admin_unit_id": cls.gia_lai.id,
                "year": cls.today.year,
            }
        )
        cls.cycle.action_start()
        cls.ia_sao = cls.Unit.search(
            [
                ("level", "=", "commune"),
                ("id", "child_of", cls.gia_lai.id),
                ("id", "not in", (cls.ia_hrung | cls.bien_ho).ids),
                ("is_historical", "=", False),
            ],
            limit=1,
        )
        cls.communes = cls.ia_hrung | cls.bien_ho | cls.ia_sao
        cls.period_start, cls.period_end = period_bounds(cls.today, "monthly")
        cls.generate(seed=2026)

    @classmethod
    def generate(cls, seed):
        """Random ideas, plans, supports, budget lines, fairs and leads in
        the three communes; a fair and a budget line of the province."""
        rng = random.Random(seed)
        Partner = cls.env["res.partner"]
        cls.producers = {}
        for commune in cls.communes:
            cls.producers[commune.id] = Partner.create(
                [
                    {
                        "name": f"HTX sinh {commune.code}-{index}",
                        "is_company": True,
                        "ocop_entity_type": "cooperative",
                        "ocop_is_producer": True,
                        "ocop_business_reg_no": f"GEN-{commune.code}-{index}",
                        "ocop_admin_unit_id": commune.id,
                    }
                    for index in range(3)
                ]
            )
        Idea = cls.env["ocop.product.idea"]
        Plan = cls.env["ocop.business.plan"]
        Support = cls.env["ocop.support"]
        ideas_vals = []
        for commune in cls.communes:
            for index in range(rng.randint(4, 9)):
                ideas_vals.append(
                    {
                        "name": f"Ý tưởng {commune.code}-{index}",
                        "cycle_id": cls.cycle.id,
                        "producer_id": rng.choice(cls.producers[commune.id]).id,
                        "commune_id": commune.id,
                        "product_group_id": cls.product_set_coffee.id,
                        "description": "Sinh tự động",
                    }
                )
        ideas = Idea.create(ideas_vals)
        for idea in ideas:
            idea.state = rng.choice(IDEA_STATES)
        plans = Plan.create(
            [
                {"name": f"Phương án {idea.name}", "idea_id": idea.id}
                for idea in ideas.filtered(lambda i: i.state == "selected")
            ]
        )
        for plan in plans:
            plan.state = rng.choice(["draft", "submitted", "selected", "rejected"])
        Support.create(
            [
                {
                    "name": f"Hỗ trợ {index}",
                    "cycle_id": cls.cycle.id,
                    "producer_id": rng.choice(cls.producers[commune.id]).id,
                    "commune_id": commune.id,
                    "support_type": "packaging_labels",
                    "amount": rng.randint(1, 50) * 1_000_000,
                    "disbursed_amount": rng.randint(0, 1) * 1_000_000,
                    "state": rng.choice(["planned", "ongoing", "done", "cancelled"]),
                }
                for commune in cls.communes
                for index in range(rng.randint(1, 4))
            ]
        )
        cls.env["ocop.budget.line"].create(
            [
                {
                    "name": f"Ngân sách {unit.name}",
                    "cycle_id": cls.cycle.id,
                    "admin_unit_id": unit.id,
                    "source": "commune" if unit.level == "commune" else "provincial",
                    "allocated_amount": rng.randint(10, 90) * 1_000_000,
                    "state": "allocated",
                }
                for unit in cls.communes | cls.gia_lai
            ]
        )
        begin = datetime.combine(cls.period_start, time(8, 0))
        Event = cls.env["event.event"]
        cls.fairs = Event.create(
            [
                {
                    "name": f"Hội chợ {unit.name}",
                    "ocop_kind": "fair",
                    "ocop_level": "commune" if unit.level == "commune" else "province",
                    "ocop_admin_unit_id": unit.id,
                    "date_begin": begin,
                    "date_end": begin + timedelta(hours=8),
                }
                for unit in (cls.ia_hrung, cls.bien_ho, cls.gia_lai)
            ]
        )
        # confirmed sales of two communes' OCOP products, and a quotation
        customer = Partner.create({"name": "Siêu thị thử nghiệm"})
        for product, price, confirm in (
            (cls.product_ia_hrung, 120_000, True),
            (cls.product_bien_ho, 250_000, True),
            (cls.product_bien_ho, 999_000, False),
        ):
            template = cls.env["product.template"].create(
                {"name": f"Hàng {product.name}", "list_price": price, "type": "consu"}
            )
            product.product_tmpl_ids = [Command.link(template.id)]
            order = cls.env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": template.product_variant_id.id,
                                "product_uom_qty": rng.randint(1, 9),
                                "price_unit": price,
                            }
                        )
                    ],
                }
            )
            if confirm:
                order.action_confirm()
        cls.env["crm.lead"].create(
            [
                {
                    "name": f"Khách hàng {index}",
                    "event_id": cls.fairs[0].id,
                    "ocop_producer_id": rng.choice(cls.producers[commune.id]).id,
                }
                for commune in cls.communes
                for index in range(rng.randint(0, 3))
            ]
        )

    def independent_figures(self, commune):
        """The figures of a commune counted with plain searches."""
        cycle = [("cycle_id", "=", self.cycle.id), ("commune_id", "=", commune.id)]
        ideas = self.env["ocop.product.idea"].search(cycle)
        plans = self.env["ocop.business.plan"].search(cycle)
        supports = self.env["ocop.support"].search(
            cycle + [("state", "!=", "cancelled")]
        )
        lines = self.env["ocop.budget.line"].search(
            [("cycle_id", "=", self.cycle.id), ("admin_unit_id", "=", commune.id)]
        )
        begin = datetime.combine(self.period_start, time.min)
        end = datetime.combine(self.period_end + timedelta(days=1), time.min)
        fairs = self.env["event.event"].search(
            [
                ("ocop_kind", "=", "fair"),
                ("ocop_admin_unit_id", "=", commune.id),
                ("date_begin", ">=", begin),
                ("date_begin", "<", end),
            ]
        )
        leads = (
            self.env["crm.lead"]
            .search([("event_id.ocop_kind", "!=", False)])
            .filtered(lambda lead: lead.ocop_producer_id.ocop_admin_unit_id == commune)
        )
        sold = self.env["sale.order.line"].search(
            [
                ("ocop_product_id.commune_id", "=", commune.id),
                ("order_id.state", "=", "sale"),
                ("order_id.date_order", ">=", begin),
                ("order_id.date_order", "<", end),
            ]
        )
        return {
            "revenue": sum(sold.mapped("price_subtotal")),
            "idea_count": len(ideas.filtered(lambda i: i.state != "draft")),
            "idea_selected_count": len(ideas.filtered(lambda i: i.state == "selected")),
            "idea_rejected_count": len(ideas.filtered(lambda i: i.state == "rejected")),
            "plan_count": len(plans.filtered(lambda p: p.state != "draft")),
            "plan_selected_count": len(plans.filtered(lambda p: p.state == "selected")),
            "support_count": len(supports),
            "support_amount": sum(supports.mapped("amount")),
            "support_disbursed": sum(supports.mapped("disbursed_amount")),
            "budget_allocated": sum(lines.mapped("allocated_amount")),
            "fair_count": len(fairs),
            "lead_count": len(leads),
        }

    def prepare(self, today=None):
        self.Report._prepare_cycle_period(self.cycle, today or self.today)
        return self.Report.search(
            [("cycle_id", "=", self.cycle.id), ("period_start", "=", self.period_start)]
        )

    def report_of(self, reports, unit):
        return reports.filtered(lambda r: r.kind == "unit" and r.admin_unit_id == unit)


@tagged("post_install", "-at_install")
class TestProgressReport(ProgressReportCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_report_data()

    def test_period_and_due_day(self):
        start, end = period_bounds(fields.Date.to_date("2026-02-14"), "monthly")
        self.assertEqual((str(start), str(end)), ("2026-02-01", "2026-02-28"))
        self.assertEqual(str(due_date_of(end, 10)), "2026-03-10")
        start, end = period_bounds(fields.Date.to_date("2026-11-30"), "quarterly")
        self.assertEqual((str(start), str(end)), ("2026-10-01", "2026-12-31"))
        self.assertEqual(str(due_date_of(end, 10)), "2027-01-10")
        # a due day beyond the month's length is its last day
        self.assertEqual(
            str(due_date_of(fields.Date.to_date("2026-01-31"), 31)), "2026-02-28"
        )

    def test_prepared_for_every_commune_and_the_territory(self):
        reports = self.prepare()
        communes, agencies = self.cycle._progress_reporting_units(self.period_end)
        self.assertIn(self.ia_hrung, communes)
        self.assertFalse(communes.filtered(lambda u: u.level != "commune"))
        unit_reports = reports.filtered(lambda r: r.kind == "unit")
        self.assertEqual(unit_reports.admin_unit_id, communes)
        self.assertEqual(unit_reports.agency_id, agencies)
        consolidated = reports - unit_reports
        self.assertEqual(len(consolidated), 1)
        self.assertEqual(consolidated.admin_unit_id, self.gia_lai)
        self.assertEqual(consolidated.level, "territory")
        report = self.report_of(reports, self.ia_hrung)
        self.assertEqual(report.receiving_unit_id, self.gia_lai)
        self.assertEqual(report.due_date, due_date_of(self.period_end, 10))
        self.assertEqual(report.state, "draft")
        # a commune officer of the commune (demo data may add others)
        self.assertIn(
            report.user_id,
            self.ia_hrung._officers(
                "ocop_management.group_ocop_commune_officer",
                exclude_xmlid="ocop_management.group_ocop_programme_officer",
            ),
        )
        self.assertIn(self.officer_ia_hrung.ocop_admin_unit_ids, self.ia_hrung)
        self.assertIn(self.period_label(), report.name)

    def period_label(self):
        return "%02d/%s" % (self.period_start.month, self.period_start.year)

    def test_figures_equal_independent_counts(self):
        reports = self.prepare()
        for commune in self.communes:
            report = self.report_of(reports, commune)
            expected = self.independent_figures(commune)
            got = {name: report[name] for name in expected}
            self.assertEqual(got, expected, commune.name)
        # the generated data is not trivially empty
        totals = [self.independent_figures(c) for c in self.communes]
        self.assertGreater(sum(t["idea_count"] for t in totals), 5)
        self.assertGreater(sum(t["support_amount"] for t in totals), 0)
        self.assertEqual(sum(t["fair_count"] for t in totals), 2)
        self.assertGreater(totals[0]["revenue"], 0)

    def test_figures_of_the_report_company_only(self):
        """The cron runs as superuser, who sees every company: a report
        still counts its own company's records (and those of no company)."""
        expected = self.independent_figures(self.ia_hrung)["budget_allocated"]
        other = self.env["res.company"].create({"name": "Công ty khác"})
        self.env["ocop.budget.line"].create(
            {
                "name": "Ngân sách của công ty khác",
                "cycle_id": self.cycle.id,
                "admin_unit_id": self.ia_hrung.id,
                "source": "commune",
                "allocated_amount": 7_000_000,
                "state": "allocated",
                "company_id": other.id,
            }
        )
        reports = self.Report.with_context(
            allowed_company_ids=[self.env.company.id, other.id]
        )._prepare_cycle_period(self.cycle, self.today)
        # created without tracking, handed back in the caller's context
        self.assertNotIn("tracking_disable", reports.env.context)
        report = self.report_of(reports, self.ia_hrung)
        self.assertEqual(report.company_id, self.env.company)
        self.assertEqual(report.budget_allocated, expected)

    def test_figures_frozen_after_submission(self):
        reports = self.prepare()
        report = self.report_of(reports, self.ia_hrung)
        report.results = "<p>Đã khảo sát 5 sản phẩm</p>"
        report.with_user(self.officer_ia_hrung).action_submit()
        self.assertEqual(report.state, "submitted")
        frozen = report.idea_count
        # new live data does not change a submitted report
        self.env["ocop.product.idea"].create(
            {
                "name": "Ý tưởng sau khi nộp",
                "cycle_id": self.cycle.id,
                "producer_id": self.producers[self.ia_hrung.id][0].id,
                "commune_id": self.ia_hrung.id,
                "product_group_id": self.product_set_coffee.id,
                "description": "Sau khi nộp",
                "state": "submitted",
            }
        )
        with self.assertRaises(UserError):
            report.action_refresh_figures()
        with self.assertRaises(UserError):
            report.write({"idea_count": frozen + 10})
        with self.assertRaises(UserError):
            report.write({"results": "<p>Sửa sau khi nộp</p>"})
        with self.assertRaises(UserError):
            report.unlink()
        self.assertEqual(report.idea_count, frozen)
        with self.assertRaises(UserError):
            report.action_submit()
        # a draft does follow the live data
        draft = self.report_of(reports, self.bien_ho)
        before = draft.idea_count
        self.env["ocop.product.idea"].create(
            {
                "name": "Ý tưởng mới",
                "cycle_id": self.cycle.id,
                "producer_id": self.producers[self.bien_ho.id][0].id,
                "commune_id": self.bien_ho.id,
                "product_group_id": self.product_set_coffee.id,
                "description": "Mới",
                "state": "submitted",
            }
        )
        draft.action_refresh_figures()
        self.assertEqual(draft.idea_count, before + 1)
        # returned with a reason, it follows the live data again
        with self.assertRaises(UserError):
            report.with_user(self.officer_ia_hrung)._return("Thiếu số liệu")
        with self.assertRaises(UserError):
            report.with_user(self.programme_gia_lai)._return("  ")
        wizard = (
            self.env["ocop.progress.report.return"]
            .with_user(self.programme_gia_lai)
            .with_context(active_ids=report.ids)
            .create({"reason": "Bổ sung số liệu ý tưởng"})
        )
        wizard.action_confirm()
        self.assertEqual(report.state, "returned")
        self.assertEqual(report.return_reason, "Bổ sung số liệu ý tưởng")
        self.assertTrue(report.activity_ids)
        report.action_submit()
        self.assertEqual(report.idea_count, frozen + 1)
        report.with_user(self.programme_gia_lai).action_accept()
        self.assertEqual(report.state, "accepted")

    def test_consolidation_sums_and_lists_the_missing(self):
        reports = self.prepare()
        consolidated = reports.filtered(lambda r: r.kind == "consolidated")
        submitted = self.report_of(reports, self.ia_hrung) | self.report_of(
            reports, self.bien_ho
        )
        submitted.action_submit()
        # the consolidated draft follows the submissions at once
        self.assertEqual(consolidated.child_report_ids, submitted)
        self.assertEqual(consolidated.received_count, 2)
        self.assertIn(self.ia_sao, consolidated.missing_unit_ids)
        self.assertNotIn(self.ia_hrung, consolidated.missing_unit_ids)
        expected_units, agencies = self.cycle._progress_reporting_units(self.period_end)
        self.assertEqual(
            consolidated.expected_count, len(expected_units) + len(agencies)
        )
        self.assertEqual(consolidated.missing_count, consolidated.expected_count - 2)
        own = self.Report._read_figures(
            self.cycle, self.period_start, self.period_end, "in", self.gia_lai.ids
        )[0]
        for name in ("idea_count", "support_amount", "budget_allocated", "fair_count"):
            self.assertEqual(
                consolidated[name],
                sum(submitted.mapped(name)) + own[name].get(self.gia_lai.id, 0),
                name,
            )
        # the province's own fair and budget line are in its report
        self.assertGreaterEqual(own["fair_count"].get(self.gia_lai.id, 0), 1)
        self.assertGreater(own["budget_allocated"].get(self.gia_lai.id, 0), 0)
        # once every unit has reported, the report reconciles with the live
        # data of the territory
        (reports.filtered(lambda r: r.kind == "unit") - submitted).action_submit()
        self.assertFalse(consolidated.missing_unit_ids)
        self.assertEqual(consolidated.missing_count, 0)
        live = self.Report._live_figures(
            self.gia_lai, self.cycle, self.period_start, self.period_end
        )
        got = {name: consolidated[name] for name in live}
        self.assertEqual(got, live)
        self.assertGreater(live["idea_count"], 0)
        # the national report sums the submitted province reports
        consolidated.action_submit()
        national = self.Report._prepare_national_report(self.today)
        self.assertEqual(national.level, "national")
        self.assertEqual(national.child_report_ids, consolidated)
        self.assertEqual(national.idea_count, consolidated.idea_count)
        self.assertIn(self.ha_noi, national.missing_unit_ids)
        # the provinces in force are cached: a province created, then
        # archived, is expected, then no longer
        expected = national.expected_count
        new_province = self.Unit.create(
            {"name": "Tỉnh thử nghiệm", "code": "99", "level": "province"}
        )
        national = self.Report._prepare_national_report(self.today)
        self.assertIn(new_province, national.missing_unit_ids)
        self.assertEqual(national.expected_count, expected + 1)
        new_province.action_archive()
        national = self.Report._prepare_national_report(self.today)
        self.assertNotIn(new_province, national.missing_unit_ids)
        self.assertEqual(national.expected_count, expected)
        # a report consolidated in a submitted report is not returned alone
        with self.assertRaises(UserError):
            submitted[0]._return("Sai số liệu")

    def test_a_refresh_writes_only_what_changed(self):
        reports = self.prepare()
        consolidated = reports.filtered(lambda r: r.kind == "consolidated")
        submitted = self.report_of(reports, self.ia_hrung)
        submitted.action_submit()
        Report = type(self.Report)
        written = []
        original = Report.write

        def spy(records, vals):
            if consolidated in records:
                written.append(set(vals))
            return original(records, vals)

        with patch.object(Report, "write", spy):
            consolidated.action_refresh_figures()
            # a received report with a new count and a new amount
            # (through the workflow's private path: a submitted report is frozen)
            submitted._ocop_write(
                {"idea_count": submitted.idea_count + 2, "revenue": 5000000}
            )
            consolidated.action_refresh_figures()
        self.assertEqual(written[0], {"date_prepared"})
        self.assertEqual(written[1], {"date_prepared", "idea_count", "revenue"})
        self.assertEqual(
            consolidated.revenue,
            5000000
            + consolidated._own_figures(
                self.gia_lai, self.cycle, self.period_start, self.period_end
            ).get("revenue", 0),
        )

    def test_cron_twice_creates_nothing_twice(self):
        self.Report._cron_prepare_reports(today=self.today)
        count = self.Report.search_count([("cycle_id", "=", self.cycle.id)])
        self.assertGreater(count, 3)
        self.Report._cron_prepare_reports(today=self.today)
        self.Report._cron_prepare_reports(today=self.today + timedelta(hours=1))
        self.assertEqual(
            self.Report.search_count([("cycle_id", "=", self.cycle.id)]), count
        )
        # the database refuses a second report of a unit for a period
        report = self.Report.search(
            [("cycle_id", "=", self.cycle.id), ("admin_unit_id", "=", self.ia_hrung.id)]
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                report.copy()
        with self.assertRaises(ValidationError):
            self.Report.create(
                {
                    "kind": "unit",
                    "period_start": self.period_start,
                    "period_end": self.period_end,
                    "due_date": self.period_end,
                }
            )

    def test_reminder_and_late_flags_at_the_due_day(self):
        reports = self.prepare()
        report = self.report_of(reports, self.ia_hrung)
        late_one = self.report_of(reports, self.bien_ho)
        due = report.due_date
        # three days before the due day the owner is reminded, once
        self.Report._send_reminders(due - timedelta(days=4))
        self.assertFalse(report.activity_ids)
        self.Report._send_reminders(due - timedelta(days=3))
        self.assertEqual(len(report.activity_ids), 1)
        self.assertEqual(report.activity_ids.user_id, report.user_id)
        self.Report._send_reminders(due - timedelta(days=2))
        self.assertEqual(len(report.activity_ids), 1)
        # on the due day nothing is late yet
        self.Report._flag_late(due)
        self.assertFalse(late_one.is_late)
        # submitted on the due day: on time; the reminder is done
        with freeze_time(due):
            report.action_submit()
        self.assertFalse(report.is_late)
        self.assertFalse(report.activity_ids)
        # the day after, the open reports are late, and the receiving unit
        # is told once on its consolidated report
        consolidated = reports.filtered(lambda r: r.kind == "consolidated")
        self.Report._flag_late(due + timedelta(days=1))
        self.assertTrue(late_one.is_late)
        self.assertFalse(report.is_late)
        notices = consolidated.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("ocop_management.mail_activity_ocop_report_late")
            )
        )
        self.assertTrue(notices)
        self.assertIn(self.bien_ho.name, notices[0].note)
        self.assertIn(self.programme_gia_lai, notices.user_id)
        self.Report._flag_late(due + timedelta(days=2))
        self.assertEqual(
            len(
                consolidated.activity_ids.filtered(
                    lambda a: (
                        a.activity_type_id
                        == self.env.ref(
                            "ocop_management.mail_activity_ocop_report_late"
                        )
                    )
                )
            ),
            len(notices),
        )
        # submitted the day after the due day: late
        with freeze_time(due + timedelta(days=1)):
            late_one.action_submit()
        self.assertTrue(late_one.is_late)

    def test_record_rules(self):
        reports = self.prepare()
        mine = self.Report.with_user(self.officer_ia_hrung).search(
            [("id", "in", reports.ids)]
        )
        self.assertEqual(mine, self.report_of(reports, self.ia_hrung))
        province = self.Report.with_user(self.programme_gia_lai).search(
            [("id", "in", reports.ids)]
        )
        self.assertEqual(province, reports)
        # a commune officer cannot accept their own report
        report = self.report_of(reports, self.ia_hrung)
        report.with_user(self.officer_ia_hrung).action_submit()
        with self.assertRaises(UserError):
            report.with_user(self.officer_ia_hrung).action_accept()

    def test_xlsx_export_carries_the_numbers(self):
        reports = self.prepare()
        units = reports.filtered(lambda r: r.kind == "unit")
        (
            self.report_of(reports, self.ia_hrung)
            | self.report_of(reports, self.bien_ho)
        ).action_submit()
        consolidated = reports - units
        action = consolidated.action_export_xlsx()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", consolidated._name), ("res_id", "=", consolidated.id)]
        )
        self.assertIn(str(attachment.id), action["url"])
        book = load_workbook(io.BytesIO(attachment.raw), read_only=True)
        figures = {
            row[1]: row[2]
            for row in book.worksheets[0].iter_rows(min_row=6, values_only=True)
            if row[1]
        }
        label = self.Report._fields["idea_count"].get_description(self.env)["string"]
        self.assertEqual(figures[label], consolidated.idea_count)
        label = self.Report._fields["support_amount"].get_description(self.env)[
            "string"
        ]
        self.assertEqual(figures[label], consolidated.support_amount)
        by_unit = list(book.worksheets[1].iter_rows(values_only=True))
        header = by_unit[0]
        column = header.index(
            self.Report._fields["idea_count"].get_description(self.env)["string"]
        )
        names = {row[0]: row[column] for row in by_unit[1:]}
        self.assertEqual(
            names[self.ia_hrung.name], self.report_of(reports, self.ia_hrung).idea_count
        )
        total = names[by_unit[-1][0]]
        self.assertEqual(
            total,
            self.report_of(reports, self.ia_hrung).idea_count
            + self.report_of(reports, self.bien_ho).idea_count,
        )
        missing = [
            row[0] for row in book.worksheets[2].iter_rows(min_row=2, values_only=True)
        ]
        self.assertIn(self.ia_sao.name, missing)
        self.assertNotIn(self.ia_hrung.name, missing)

    def test_pdf_renders(self):
        reports = self.prepare()
        report = self.report_of(reports, self.ia_hrung)
        report.results = "<p>Kết quả tháng</p>"
        action_report = self.env.ref("ocop_management.action_report_progress_report")
        html = action_report._render_qweb_html(action_report, report.ids)[0].decode()
        self.assertIn("BÁO CÁO", html)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn('data-figure="idea_count"', html)
        self.assertIn("Kết quả tháng", html)
        consolidated = reports.filtered(lambda r: r.kind == "consolidated")
        # wkhtmltopdf for real (in test mode Odoo returns HTML unless forced)
        pdf, kind = action_report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(action_report, consolidated.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_cycle_button_prepares_the_period(self):
        action = self.cycle.with_user(
            self.programme_gia_lai
        ).action_prepare_progress_reports()
        self.assertEqual(action["res_model"], "ocop.progress.report")
        self.assertTrue(self.cycle.progress_report_count)
        draft_cycle = self.env["ocop.cycle"].create(
            {
                "name": "Chưa chạy",
                "admin_unit_id": self.ha_noi.id,
                "year": self.today.year,
            }
        )
        with self.assertRaises(UserError):
            draft_cycle.action_prepare_progress_reports()
        self.assertFalse(self.Report.search([("cycle_id", "=", draft_cycle.id)]))

    def test_queries_do_not_grow_with_the_communes(self):
        """Preparing the figures of 3 or of every commune of the province
        costs the same number of queries (one _read_group per figure)."""
        reports = self.prepare().filtered(
            lambda r: r.kind == "unit" and not r.agency_id
        )
        few = reports.filtered(lambda r: r.admin_unit_id in self.communes)
        self.assertGreater(len(reports), 20)
        few._prepare_figures()  # warm-up
        queries = []
        for batch in (few, reports):
            self.env.invalidate_all()
            self.env.flush_all()
            start = self.cr.sql_log_count
            batch._prepare_figures()
            self.env.flush_all()
            queries.append(self.cr.sql_log_count - start)
        self.assertLessEqual(queries[1], queries[0] + 10, queries)
