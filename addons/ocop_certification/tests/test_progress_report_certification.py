# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Step 5 in the progress reports, and the annex of recognised products."""

import base64
import io
import random
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.ocop_management.tests.test_progress_report import (
    ProgressReportCommon,
)

DOSSIER_STATES = [
    "draft",
    "submitted",
    "council",
    "recognised",
    "not_recognised",
    "rejected",
]
CERTIFICATE_STATES = ["valid", "valid", "expiring", "expired", "revoked"]


@tagged("post_install", "-at_install")
class TestProgressReportCertification(ProgressReportCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_report_data()
        cls.fw26 = cls.env.ref("ocop_certification.framework_qd26_2026")
        rng = random.Random(7)
        Product = cls.env["ocop.product"]
        cls.certificates = cls.env["ocop.certificate"]
        dossier_vals = []
        for commune in cls.communes:
            producer = cls.producers[commune.id][0]
            count = rng.randint(3, 6)
            products = Product.create(
                [
                    {
                        "name": f"Sản phẩm {commune.code}-{index}",
                        "producer_id": producer.id,
                        "product_group_id": cls.product_set_coffee.id,
                        "commune_id": commune.id,
                    }
                    for index in range(count)
                ]
            )
            for product in products:
                dossier_vals.append(
                    {"product_id": product.id, "cycle_id": cls.cycle.id}
                )
                state = rng.choice(CERTIFICATE_STATES)
                issue = cls.today - relativedelta(months=rng.randint(1, 30))
                certificate = cls.env["ocop.certificate"].create(
                    {
                        "product_id": product.id,
                        "stars": rng.choice([3, 3, 4, 5]),
                        "framework_id": cls.fw26.id,
                        "issuing_level": "province",
                        "issue_date": issue,
                        "decision_number": f"{rng.randint(100, 999)}/QĐ-UBND",
                    }
                )
                # the life-cycle job and the revocation have their own tests
                certificate.write(
                    {
                        "state": state,
                        "revoked_on": cls.today if state == "revoked" else False,
                    }
                )
                cls.certificates |= certificate
        dossiers = cls.env["ocop.dossier"].create(dossier_vals)
        for dossier in dossiers:
            dossier.state = rng.choice(DOSSIER_STATES)
        current = cls.certificates.filtered(lambda c: c.state in ("valid", "expiring"))
        cls.env["ocop.mark.usage"].create(
            [{"certificate_id": c.id, "medium": "packaging"} for c in current]
        )
        begin = datetime.combine(cls.period_start, time(9, 0))
        for certificate in current[:4]:
            inspection = cls.env["ocop.inspection"].create(
                {
                    "inspection_type": "market",
                    "certificate_id": certificate.id,
                    "planned_date": begin,
                    "violation_ids": [
                        Command.create({"description": "Nhãn sai", "action": "warning"})
                    ],
                }
            )
            inspection.write({"state": "done", "actual_date": begin})

    def certification_counts(self, commune):
        dossiers = self.env["ocop.dossier"].search(
            [("cycle_id", "=", self.cycle.id), ("commune_id", "=", commune.id)]
        )
        certificates = self.env["ocop.certificate"].search(
            [("commune_id", "=", commune.id)]
        )
        current = certificates.filtered(lambda c: c.state in ("valid", "expiring"))
        start, end = self.period_start, self.period_end
        inspections = (
            self.env["ocop.inspection"]
            .search([("commune_id", "=", commune.id), ("state", "=", "done")])
            .filtered(lambda i: start <= i.actual_date.date() <= end)
        )
        return {
            "dossier_count": len(dossiers.filtered(lambda d: d.state != "draft")),
            "dossier_recognised_count": len(
                dossiers.filtered(lambda d: d.state == "recognised")
            ),
            "dossier_not_recognised_count": len(
                dossiers.filtered(lambda d: d.state in ("not_recognised", "rejected"))
            ),
            "dossier_pending_count": len(
                dossiers.filtered(lambda d: d.state in ("submitted", "council"))
            ),
            "certificate_current_count": len(current),
            "certificate_3_star_count": len(current.filtered(lambda c: c.stars == 3)),
            "certificate_4_star_count": len(current.filtered(lambda c: c.stars == 4)),
            "certificate_5_star_count": len(current.filtered(lambda c: c.stars == 5)),
            "certificate_expiring_count": len(
                certificates.filtered(lambda c: c.state == "expiring")
            ),
            "certificate_revoked_count": len(
                certificates.filtered(
                    lambda c: c.state == "revoked" and start <= c.revoked_on <= end
                )
            ),
            "certificate_issued_count": len(
                certificates.filtered(lambda c: start <= c.issue_date <= end)
            ),
            "mark_usage_count": len(current.mark_usage_ids),
            "inspection_count": len(inspections),
            "violation_count": sum(inspections.mapped("violation_count")),
        }

    def test_step5_figures_equal_independent_counts(self):
        reports = self.prepare()
        for commune in self.communes:
            expected = self.certification_counts(commune)
            report = self.report_of(reports, commune)
            self.assertEqual({k: report[k] for k in expected}, expected, commune.name)
        totals = [self.certification_counts(c) for c in self.communes]
        self.assertGreater(sum(t["certificate_current_count"] for t in totals), 3)
        self.assertEqual(sum(t["inspection_count"] for t in totals), 4)
        self.assertEqual(sum(t["violation_count"] for t in totals), 4)

    def test_step5_in_the_consolidation_and_exports(self):
        reports = self.prepare()
        reports.filtered(lambda r: r.kind == "unit").action_submit()
        consolidated = reports.filtered(lambda r: r.kind == "consolidated")
        live = self.Report._live_figures(
            self.gia_lai, self.cycle, self.period_start, self.period_end
        )
        self.assertIn("certificate_5_star_count", live)
        self.assertEqual({name: consolidated[name] for name in live}, live)
        self.assertGreater(consolidated.dossier_count, 0)
        # the step 5 figures are printed and exported
        action_report = self.env.ref("ocop_management.action_report_progress_report")
        html = action_report._render_qweb_html(action_report, consolidated.ids)[0]
        self.assertIn(b'data-figure="certificate_5_star_count"', html)
        consolidated.action_export_xlsx()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", consolidated._name), ("res_id", "=", consolidated.id)]
        )
        book = load_workbook(io.BytesIO(attachment.raw), read_only=True)
        label = self.Report._fields["certificate_current_count"].get_description(
            self.env
        )["string"]
        values = {
            row[1]: row[2]
            for row in book.worksheets[0].iter_rows(min_row=6, values_only=True)
        }
        self.assertEqual(values[label], consolidated.certificate_current_count)

    def test_annex_of_recognised_products(self):
        certificates = self.certificates
        action = certificates.action_export_annex_xlsx()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        book = load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        sheet = book.worksheets[0]
        self.assertIn("DANH SÁCH SẢN PHẨM", sheet.cell(1, 1).value)
        rows = [
            row
            for row in sheet.iter_rows(min_row=5, values_only=True)
            if isinstance(row[0], int)
        ]
        listed = certificates.filtered(
            lambda c: c.state not in ("revoked", "superseded")
        )
        self.assertEqual(len(rows), len(listed))
        self.assertEqual([row[0] for row in rows], list(range(1, len(listed) + 1)))
        by_code = {row[2]: row for row in rows}
        for certificate in listed:
            row = by_code[certificate.product_code]
            self.assertEqual(row[1], certificate.product_id.name)
            self.assertEqual(row[6], certificate.stars)
            self.assertEqual(row[8], certificate.decision_number)
        # stars from 5 down, under a heading per star rating
        stars = [row[6] for row in rows]
        self.assertEqual(stars, sorted(stars, reverse=True))
        headings = [
            row[0]
            for row in sheet.iter_rows(min_row=5, values_only=True)
            if isinstance(row[0], str)
        ]
        self.assertEqual(
            headings,
            ["Sản phẩm đạt %s sao" % s for s in sorted(set(stars), reverse=True)],
        )
        revoked = certificates.filtered(lambda c: c.state == "revoked")
        if revoked:
            self.assertNotIn(revoked[0].product_code, by_code)
        with self.assertRaises(UserError):
            self.env["ocop.certificate"].action_export_annex_xlsx()

    def test_late_day_boundary_uses_the_cycle_due_day(self):
        self.cycle.report_due_day = 5
        reports = self.prepare(self.today)
        report = self.report_of(reports, self.ia_hrung)
        self.assertEqual(report.due_date.day, 5)
        self.assertEqual(report.due_date, self.period_end + timedelta(days=5))
