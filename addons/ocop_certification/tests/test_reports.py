# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The printed documents: scoring sheet, council summary, Mẫu 03, certificate.

Each report is rendered to HTML (its content is checked) and to PDF through
wkhtmltopdf for real (``force_report_rendering``: in test mode Odoo returns
the HTML instead of running wkhtmltopdf)."""

import io
from datetime import date

from lxml import html as lxml_html

from odoo.tests import TransactionCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import OcopCertificationMixin

TOTALS = [70, 71, 72, 73, 72, 71, 70]
DECISION_DATE = date(2026, 2, 5)


@tagged("post_install", "-at_install")
class TestReports(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.Report = cls.env["ir.actions.report"]

    def setUp(self):
        super().setUp()
        self.dossier = self.make_dossier()
        self.dossier.write(
            {
                "commune_raw_material": "Cà phê nhân từ vùng trồng của xã",
                "commune_labour": "12 lao động địa phương",
                "commune_idea_origin": "Ý tưởng của hợp tác xã",
                "commune_identity": "Cà phê vối Tây Nguyên",
                "commune_conclusion": "agree",
                "commune_conclusion_note": "Đề nghị tỉnh đánh giá.",
                "commune_checked_on": DECISION_DATE,
            }
        )
        self.session = self.make_session(self.dossier)
        self.sheets = self.session.evaluation_ids.sorted("id")
        self.sheets[0].opinion = "Sản phẩm có chất lượng ổn định."
        self.score_all(self.session, self.dossier, TOTALS)
        self.session.action_close()
        self.certificate = self.dossier.action_record_decision(
            "123/QĐ-UBND", DECISION_DATE, "Nguyễn Văn A"
        )

    # ------------------------------------------------------------------
    def _html(self, report_ref, records, user=None):
        report = self.Report.with_user(user) if user else self.Report
        content, content_type = report._render_qweb_html(report_ref, records.ids)
        self.assertEqual(content_type, "html")
        return lxml_html.fromstring(content.decode())

    def _pdf(self, report_ref, records):
        """Render with wkhtmltopdf and return the number of pages."""
        content, content_type = self.Report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(content_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF-"), content[:100])
        return len(PdfFileReader(io.BytesIO(content)).pages)

    @staticmethod
    def _text(node):
        return " ".join(node.text_content().split())

    def _one(self, root, xpath):
        nodes = root.xpath(xpath)
        self.assertEqual(len(nodes), 1, xpath)
        return nodes[0]

    # ------------------------------------------------------------------
    def test_state_before_printing(self):
        self.assertEqual(self.dossier.state, "recognised")
        self.assertEqual(self.dossier.average_total, 71.29)
        self.assertEqual(self.dossier.result_stars, 4)
        self.assertTrue(self.certificate)
        self.assertTrue(self.dossier.product_code)

    def test_evaluation_sheet(self):
        sheet = self.sheets[0]  # 70 points
        root = self._html("ocop_certification.report_evaluation_sheet", sheet)
        text = self._text(root)
        self.assertIn("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP", text)
        self.assertEqual(
            self._text(
                self._one(root, "//td[contains(@class, 'o_ocop_product_code')]")
            ),
            self.dossier.product_code,
        )
        self.assertIn("Cà phê Ia Hrung", text)
        self.assertIn("HTX Thử nghiệm Ia Hrung", text)
        self.assertIn("Test set TEST-26", text)
        # The whole tree: 3 parts, 3 sections, 5 criteria, every option.
        nodes = root.xpath("//tr[contains(@class, 'o_ocop_node')]")
        self.assertEqual(len(nodes), 11)
        options = root.xpath("//tr[contains(@class, 'o_ocop_option')]")
        self.assertEqual(len(options), 41 + 21 + 6 + 31 + 4)
        # One ticked box per criterion, on the option worth the points given.
        ticked = root.xpath("//tr[contains(@class, 'o_ocop_ticked')]")
        expected = self.points_for(70)
        self.assertEqual(
            sorted(self._text(row) for row in ticked),
            sorted(
                f"☑ {points} điểm {'**** ' if code == '3.2' else ''}{points}"
                for code, points in expected.items()
            ),
        )
        unticked = [row for row in options if row not in ticked]
        self.assertTrue(all(self._text(row).startswith("☐") for row in unticked))
        # The minimum-star markers of criterion 3.2.
        markers = [self._text(m) for m in root.xpath("//span[@class='o_ocop_marker']")]
        self.assertEqual(markers, ["***", "****", "*****"])
        self.assertEqual(
            self._text(self._one(root, "//td[contains(@class, 'o_ocop_sheet_total')]")),
            "70",
        )
        totals = self._one(root, "//table[contains(@class, 'o_ocop_sheet_totals')]")
        self.assertEqual(
            [self._text(td) for td in totals.xpath(".//tr/td[last()]")],
            ["40", str(expected["2.1"] + expected["2.2"]), "25", "70"],
        )
        self.assertIn("Sản phẩm có chất lượng ổn định.", text)
        self.assertIn("Thành viên hội đồng (ký, ghi rõ họ tên)", text)
        self.assertEqual(
            self._text(
                self._one(root, "//div[contains(@class, 'o_ocop_member_name')]")
            ),
            sheet.user_id.name,
        )
        self.assertGreaterEqual(
            self._pdf("ocop_certification.report_evaluation_sheet", sheet), 1
        )

    def test_evaluation_sheets_printed_together(self):
        """The seven sheets in one PDF, each from a new page, read with a
        constant number of queries whatever the number of sheets."""
        report = "ocop_certification.report_evaluation_sheet"
        self._html(report, self.sheets)  # compile the templates
        counts = []
        for sheets in (self.sheets[0], self.sheets):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            root = self._html(report, sheets)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(
                len(root.xpath("//div[contains(@class, 'o_ocop_evaluation_sheet')]")),
                len(sheets),
            )
        self.assertLessEqual(counts[1], counts[0] + 2, counts)
        pages = self._pdf(report, self.sheets[0])
        self.assertEqual(self._pdf(report, self.sheets), pages * len(self.sheets))

    def test_council_summary(self):
        root = self._html("ocop_certification.report_council_summary", self.session)
        text = self._text(root)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
        self.assertIn("Độc lập - Tự do - Hạnh phúc", text)
        self.assertIn(self.council.name.upper(), text)
        # 7 scoring members and the secretary attend.
        self.assertEqual(
            self._text(self._one(root, "//span[@class='o_ocop_attendance']")), "8/8"
        )
        self.assertIn("Đủ điều kiện tiến hành phiên họp.", text)
        self.assertEqual(
            self._text(self._one(root, "//span[@class='o_ocop_product_code']")),
            self.dossier.product_code,
        )
        table = self._one(root, "//table[contains(@class, 'o_ocop_member_totals')]")
        rows = table.xpath("./tbody/tr")
        self.assertEqual(len(rows), 8)  # 7 members and the average
        self.assertEqual(
            [self._text(row.xpath("./td[last()]")[0]) for row in rows[:-1]],
            [str(total) for total in TOTALS],
        )
        self.assertEqual(
            self._text(self._one(root, "//td[contains(@class, 'o_ocop_average')]")),
            "71.29",
        )
        self.assertEqual(
            self._text(self._one(root, "//span[@class='o_ocop_spread']")), "3"
        )
        self.assertIn("không phải chấm lại", text)
        self.assertIn("★★★★ (4 sao)", text)
        self.assertIn(
            "Đã công nhận 4 sao theo Quyết định số 123/QĐ-UBND ngày 05/02/2026.",
            self._text(self._one(root, "//span[contains(@class, 'o_ocop_proposal')]")),
        )
        self.assertIn("CHỦ TỊCH HỘI ĐỒNG", text)
        self.assertIn(self.council.chair_id.name, text)
        self.assertGreaterEqual(
            self._pdf("ocop_certification.report_council_summary", self.session), 1
        )

    def test_commune_assessment(self):
        root = self._html("ocop_certification.report_commune_assessment", self.dossier)
        text = self._text(root)
        self.assertIn("Mẫu 03", text)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
        self.assertEqual(
            self._text(
                self._one(root, "//div[contains(@class, 'o_ocop_commune_name')]")
            ),
            "XÃ IA HRUNG",
        )
        self.assertIn("Ia Hrung, ngày 05 tháng 02 năm 2026", text)
        self.assertIn(self.dossier.product_code, text)
        for value in (
            "Cà phê nhân từ vùng trồng của xã",
            "12 lao động địa phương",
            "Ý tưởng của hợp tác xã",
            "Cà phê vối Tây Nguyên",
            "Đề nghị tỉnh đánh giá.",
        ):
            self.assertIn(value, text)
        self.assertIn("☑ Đồng ý đề nghị chuyển hồ sơ lên cấp tỉnh", text)
        self.assertIn("☐ Không đồng ý chuyển hồ sơ lên cấp tỉnh", text)
        self.assertIn("TM. ỦY BAN NHÂN DÂN", text)
        self.assertEqual(
            self._pdf("ocop_certification.report_commune_assessment", self.dossier), 1
        )

    def test_certificate(self):
        certificate = self.certificate
        root = self._html("ocop_certification.report_certificate", certificate)
        text = self._text(root)
        self.assertIn("GIẤY CHỨNG NHẬN SẢN PHẨM OCOP", text)
        self.assertIn("ỦY BAN NHÂN DÂN TỈNH GIA LAI", text)
        self.assertEqual(
            self._text(self._one(root, "//span[@class='o_ocop_certificate_number']")),
            certificate.name,
        )
        self.assertIn("CÀ PHÊ IA HRUNG", text)
        self.assertIn(self.dossier.product_code, text)
        self.assertIn("Xã Ia Hrung, Tỉnh Gia Lai", text)
        self.assertIn("★★★★ (4 sao)", text)
        self.assertIn("Theo Quyết định số 123/QĐ-UBND ngày 05/02/2026", text)
        self.assertIn("Ngày cấp: 05/02/2026 - Có giá trị đến ngày: 05/02/2029", text)
        self.assertIn("Nguyễn Văn A", text)
        self._one(root, "//div[@class='o_ocop_certificate_qr']")
        # A certificate is one landscape page.
        self.assertEqual(
            self._pdf("ocop_certification.report_certificate", certificate), 1
        )

    def test_printed_by_their_users(self):
        """The member prints the sheet, the commune officer Mẫu 03, the
        programme officer the council's documents: the record rules let them."""
        sheet = self.sheets[0]
        cases = [
            ("report_evaluation_sheet", sheet, sheet.user_id),
            ("report_council_summary", self.session, self.programme_gia_lai),
            ("report_commune_assessment", self.dossier, self.officer_ia_hrung),
            ("report_certificate", self.certificate, self.programme_gia_lai),
        ]
        for report, record, user in cases:
            with self.subTest(report=report, user=user.login):
                root = self._html(f"ocop_certification.{report}", record, user=user)
                self.assertIn(self.dossier.product_code, self._text(root))
