# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Public verification of certificates (controllers/verify.py): the page the
QR code opens and its JSON, the QR images, the public list of certified
products, and the QR code on the certificate PDF. Nobody logs in here."""

import json
from datetime import date, timedelta
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from ..controllers import verify
from .common import OcopCertificationMixin

TOTALS = [77, 78, 78, 77, 78, 78, 78]
# Data that must never leave the back office.
PRIVATE = {
    "phone": "0909 777 888",
    "email": "bimat.htx@example.com",
    "street": "Số 99 Đường Bí Mật",
    "representative": "Nguyễn Văn Đại Diện",
    "review_note": "GHI CHU NOI BO",
    "registration_note": "DANG KY NOI BO",
    "opinion": "Y KIEN THANH VIEN BI MAT",
    "decision_number": "777/QĐ-UBND",
    "decision_signer": "Trần Văn Ký",
}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@tagged("post_install", "-at_install")
class TestVerify(OcopCertificationMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.today = verify.ocop_today()
        cls.producer_ia_hrung.write(
            {
                "phone": PRIVATE["phone"],
                "email": PRIVATE["email"],
                "street": PRIVATE["street"],
                "ocop_representative_name": PRIVATE["representative"],
            }
        )
        Certificate = cls.env["ocop.certificate"]
        Product = cls.env["ocop.product"]

        def certificate(product, stars, issue_date):
            return Certificate.create(
                {
                    "product_id": product.id,
                    "stars": stars,
                    "issue_date": issue_date,
                    "framework_id": cls.fw26.id,
                    "issuing_level": "province",
                }
            )

        # Biển Hồ (Gia Lai): a 3-star certificate superseded by a 5-star one.
        cls.cert_superseded = certificate(
            cls.product_bien_ho, 3, cls.today - timedelta(days=400)
        )
        cls.cert_bien_ho = certificate(
            cls.product_bien_ho, 5, cls.today - timedelta(days=10)
        )
        # Hoàn Kiếm (Hà Nội): one revoked, one valid, one expired.
        cls.cert_revoked = certificate(
            cls.product_hoan_kiem, 4, cls.today - timedelta(days=100)
        )
        cls.revoked_on = cls.today - timedelta(days=3)
        cls.cert_revoked.action_revoke(
            "violation_food_safety",
            "12/QĐ-UBND",
            cls.revoked_on,
            "Chủ tịch Ủy ban nhân dân thành phố",
        )
        cls.product_banh_com = Product.create(
            {
                "name": "Bánh cốm Hoàn Kiếm",
                "producer_id": cls.producer_hoan_kiem.id,
                "product_group_id": cls.product_set_coffee.id,
                "commune_id": cls.hoan_kiem.id,
                "code_year": 2026,
            }
        )
        cls.cert_banh_com = certificate(
            cls.product_banh_com, 3, cls.today - timedelta(days=20)
        )
        cls.product_old_tea = Product.create(
            {
                "name": "Chè cổ Hoàn Kiếm",
                "producer_id": cls.producer_hoan_kiem.id,
                "product_group_id": cls.product_set_coffee.id,
                "commune_id": cls.hoan_kiem.id,
                "code_year": 2020,
            }
        )
        cls.cert_expired = certificate(cls.product_old_tea, 4, date(2020, 3, 2))
        # Ia Hrung (Gia Lai): the whole procedure, with private data everywhere.
        # The mixin's helpers assert as they go: run them on a spare instance.
        helper = cls("test_valid_page")
        dossier = helper.make_dossier(
            review_note=PRIVATE["review_note"],
            registration_note=PRIVATE["registration_note"],
        )
        session = helper.make_session(dossier)
        session.evaluation_ids.write({"opinion": PRIVATE["opinion"]})
        helper.score_all(session, dossier, TOTALS)
        session.action_close()
        cls.dossier = dossier
        cls.certificate = dossier.action_record_decision(
            PRIVATE["decision_number"],
            cls.today - timedelta(days=30),
            PRIVATE["decision_signer"],
        )
        Certificate._cron_update_states(today=cls.today)

    # ------------------------------------------------------------------
    def _token(self, certificate):
        return certificate.sudo().verify_token

    def _get(self, path, status=200):
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, status, path)
        return response

    def _page(self, certificate, lang=None, status=200):
        path = f"/ocop/verify/{self._token(certificate)}"
        if lang:
            path += f"?lang={lang}"
        response = self._get(path, status)
        self.assertTrue(response.headers["Content-Type"].startswith("text/html"))
        return response.text

    def _json(self, certificate, status=200):
        response = self._get(f"/ocop/verify/{self._token(certificate)}.json", status)
        self.assertTrue(
            response.headers["Content-Type"].startswith("application/json"),
            response.headers["Content-Type"],
        )
        return response.json()

    @staticmethod
    def _vi_date(value):
        return value.strftime("%d/%m/%Y")

    def _private_strings(self):
        average = self.dossier.average_total
        return [
            *PRIVATE.values(),
            self.producer_ia_hrung.ocop_business_reg_no,
            self.product_ia_hrung.code,
            self.dossier.name,
            "%.2f" % average,
            ("%.2f" % average).replace(".", ","),
            "%.1f" % average,
        ]

    # ------------------------------------------------------------------
    def test_valid_page(self):
        cert = self.certificate
        self.assertEqual(cert.state, "valid")
        page = self._page(cert)
        self.assertIn('lang="vi"', page)
        self.assertIn("Còn hiệu lực", page)
        for text in (
            "Cà phê Ia Hrung",
            "HTX Thử nghiệm Ia Hrung",
            "Ia Hrung",
            "Gia Lai",
            "★" * cert.stars,
            cert.name,
            self._vi_date(cert.issue_date),
            self._vi_date(cert.expiry_date),
        ):
            self.assertIn(text, page)
        self.assertNotIn("Được kéo dài hiệu lực", page)
        # An "expiring" certificate is still valid for the public.
        cert.state = "expiring"
        self.assertIn("Còn hiệu lực", self._page(cert))
        self.assertEqual(self._json(cert)["state"], "valid")

    def test_valid_json(self):
        cert = self.certificate
        data = self._json(cert)
        self.assertEqual(set(data), set(verify.JSON_KEYS))
        self.assertEqual(
            data,
            {
                "certificate_number": cert.name,
                "product": "Cà phê Ia Hrung",
                "producer": "HTX Thử nghiệm Ia Hrung",
                "commune": self.env["ocop.report.mixin"]._ocop_unit_name(self.ia_hrung),
                "province": self.env["ocop.report.mixin"]._ocop_unit_name(self.gia_lai),
                "stars": cert.stars,
                "issue_date": cert.issue_date.isoformat(),
                "expiry_date": cert.expiry_date.isoformat(),
                "valid_until": cert.valid_until.isoformat(),
                "state": "valid",
                "revoked_on": None,
            },
        )
        self.assertIn("Gia Lai", data["province"])

    def test_no_private_data(self):
        for certificate in (self.certificate, self.cert_bien_ho):
            for body in (
                self._page(certificate),
                self._page(certificate, "en"),
                json.dumps(self._json(certificate), ensure_ascii=False),
                self._get("/ocop/products").text,
                self._get("/ocop/products.json").text,
            ):
                for text in self._private_strings():
                    self.assertNotIn(text, body)

    def test_english(self):
        page = self._page(self.certificate, "en")
        self.assertIn('lang="en"', page)
        for text in ("Valid", "Product", "Producer", "Certificate number"):
            self.assertIn(text, page)
        for text in ("Còn hiệu lực", "Sản phẩm", "Chủ thể"):
            self.assertNotIn(text, page)
        issue = self.certificate.issue_date
        self.assertIn(f"{issue.day} {verify.MONTHS_EN[issue.month - 1]}", page)
        # The switch links back to Vietnamese, and the Vietnamese page to English.
        self.assertIn("Tiếng Việt", page)
        self.assertIn(
            f'href="/ocop/verify/{self._token(self.certificate)}?lang=en"',
            self._page(self.certificate),
        )
        # Anything else than "en" is Vietnamese.
        self.assertIn("Còn hiệu lực", self._page(self.certificate, "fr"))

    def test_expired(self):
        self.assertEqual(self.cert_expired.state, "expired")
        page = self._page(self.cert_expired)
        self.assertIn("Hết hiệu lực", page)
        self.assertNotIn("Còn hiệu lực", page)
        self.assertIn("Expired", self._page(self.cert_expired, "en"))
        data = self._json(self.cert_expired)
        self.assertEqual(data["state"], "expired")
        self.assertEqual(data["expiry_date"], "2023-03-02")

    def test_expired_before_the_cron(self):
        """The dates have the last word when the daily job has not run yet."""
        self.cert_banh_com.write({"issue_date": date(2021, 1, 4), "state": "valid"})
        self.assertEqual(self._json(self.cert_banh_com)["state"], "expired")
        self.assertIn("Hết hiệu lực", self._page(self.cert_banh_com))

    def test_extended_validity(self):
        cert = self.certificate
        extended = cert.expiry_date + timedelta(days=180)
        cert.valid_until = extended
        page = self._page(cert)
        self.assertIn("Được kéo dài hiệu lực đến ngày", page)
        self.assertIn(self._vi_date(extended), page)
        self.assertIn("Validity extended until", self._page(cert, "en"))
        self.assertEqual(self._json(cert)["valid_until"], extended.isoformat())

    def test_superseded(self):
        self.assertEqual(self.cert_superseded.state, "superseded")
        page = self._page(self.cert_superseded)
        self.assertIn("Đã được thay thế", page)
        self.assertNotIn("Còn hiệu lực", page)
        self.assertIn("Superseded", self._page(self.cert_superseded, "en"))
        data = self._json(self.cert_superseded)
        self.assertEqual(data["state"], "superseded")
        self.assertEqual(data["stars"], 3)

    def test_revoked(self):
        self.assertEqual(self.cert_revoked.state, "revoked")
        page = self._page(self.cert_revoked)
        self.assertIn("Đã bị thu hồi", page)
        self.assertIn(self._vi_date(self.revoked_on), page)
        self.assertNotIn("Còn hiệu lực", page)
        # The ground and the decision of the revocation stay internal.
        self.assertNotIn("12/QĐ-UBND", page)
        page_en = self._page(self.cert_revoked, "en")
        self.assertIn("Revoked", page_en)
        day = self.revoked_on
        self.assertIn(
            f"{day.day} {verify.MONTHS_EN[day.month - 1]} {day.year}", page_en
        )
        data = self._json(self.cert_revoked)
        self.assertEqual(data["state"], "revoked")
        self.assertEqual(data["revoked_on"], self.revoked_on.isoformat())

    def test_unknown_token(self):
        for token in ("0" * 32, "not-a-token", "g" * 32, "a" * 31, "a" * 33):
            self._get(f"/ocop/verify/{token}", 404)
            response = self._get(f"/ocop/verify/{token}.json", 404)
            self.assertEqual(response.json()["error"], "not_found")
            self._get(f"/ocop/verify/{token}/qr.png", 404)
            self._get(f"/ocop/verify/{token}/qr.svg", 404)
        # The token is not case sensitive.
        token = self._token(self.certificate).upper()
        self.assertEqual(
            self._get(f"/ocop/verify/{token}.json").json()["state"], "valid"
        )

    def test_headers(self):
        response = self._get(f"/ocop/verify/{self._token(self.certificate)}")
        self.assertEqual(response.headers["X-Robots-Tag"], "noindex")
        response = self._get(f"/ocop/verify/{self._token(self.certificate)}.json")
        self.assertEqual(response.headers["Access-Control-Allow-Origin"], "*")

    def test_qr_images(self):
        path = f"/ocop/verify/{self._token(self.certificate)}"
        png = self._get(f"{path}/qr.png")
        self.assertEqual(png.headers["Content-Type"], "image/png")
        self.assertTrue(png.content.startswith(PNG_MAGIC))
        self.assertNotIn("Content-Disposition", png.headers)
        svg = self._get(f"{path}/qr.svg?download=1")
        self.assertEqual(svg.headers["Content-Type"], "image/svg+xml")
        self.assertIn(b"<svg", svg.content)
        self.assertIn("attachment", svg.headers["Content-Disposition"])
        self.assertIn(".svg", svg.headers["Content-Disposition"])
        # The link the QR code encodes.
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        self.assertEqual(verify.ocop_verify_url(self.certificate), f"{base_url}{path}")

    def test_certificate_pdf_qr(self):
        content, content_type = self.env["ir.actions.report"]._render_qweb_html(
            "ocop_certification.report_certificate", self.certificate.ids
        )
        self.assertEqual(content_type, "html")
        expected = self.certificate._ocop_qr_png_b64()
        self.assertTrue(expected.startswith("iVBORw0KGgo"))  # PNG magic, base64
        self.assertIn(f"data:image/png;base64,{expected}".encode(), content)

    def test_form_buttons(self):
        cert = self.certificate.with_user(self.programme_gia_lai)
        token = self._token(self.certificate)
        action = cert.action_ocop_verify_link()
        self.assertEqual(action["url"], f"/ocop/verify/{token}")
        action = cert.with_context(ocop_qr="svg").action_ocop_verify_link()
        self.assertEqual(action["url"], f"/ocop/verify/{token}/qr.svg?download=1")
        self.assertEqual(action["target"], "download")

    # ------------------------------------------------------------------
    # Public list
    # ------------------------------------------------------------------
    def _listed(self, query=""):
        data = self._get(f"/ocop/products.json{query}").json()
        return [item["product"] for item in data["items"]], data

    def test_public_list(self):
        products, data = self._listed()
        # Hà Nội (01) before Gia Lai (52), then stars descending.
        self.assertEqual(
            products, ["Bánh cốm Hoàn Kiếm", "Mật ong Biển Hồ", "Cà phê Ia Hrung"]
        )
        self.assertEqual(data["total"], 3)
        self.assertEqual(
            data["items"][1]["verify_url"].rsplit("/", 1)[1],
            self._token(self.cert_bien_ho),
        )
        self.assertEqual(set(data["items"][0]), set(verify.JSON_KEYS) | {"verify_url"})
        self.assertEqual(
            self._listed("?province=52")[0], ["Mật ong Biển Hồ", "Cà phê Ia Hrung"]
        )
        self.assertEqual(self._listed("?stars=5")[0], ["Mật ong Biển Hồ"])
        self.assertEqual(self._listed("?province=01&stars=5")[0], [])
        # Unknown filters are ignored.
        self.assertEqual(len(self._listed("?province=zz&stars=9")[0]), 3)

    def test_public_list_page(self):
        page = self._get("/ocop/products").text
        for name in ("Bánh cốm Hoàn Kiếm", "Mật ong Biển Hồ", "Cà phê Ia Hrung"):
            self.assertIn(name, page)
        # Revoked, expired and superseded certificates are not listed.
        for cert in (self.cert_revoked, self.cert_expired, self.cert_superseded):
            self.assertNotIn(cert.name, page)
            self.assertNotIn(self._token(cert), page)
        self.assertNotIn("Chè Hoàn Kiếm", page)
        self.assertNotIn("Chè cổ Hoàn Kiếm", page)
        self.assertIn(f'href="/ocop/verify/{self._token(self.cert_bien_ho)}"', page)
        # The filters as drop-down lists, the current ones selected.
        page = self._get("/ocop/products?province=52&stars=5&lang=en").text
        self.assertIn('<option value="52" selected', page)
        self.assertIn('<option value="5" selected', page)
        self.assertIn("Mật ong Biển Hồ", page)
        self.assertNotIn("Cà phê Ia Hrung", page)
        self.assertIn("All provinces", page)
        self.assertIn(f"/ocop/verify/{self._token(self.cert_bien_ho)}?lang=en", page)

    def test_public_list_pagination(self):
        with patch.object(verify, "PAGE_SIZE", 2):
            products, data = self._listed()
            self.assertEqual(products, ["Bánh cốm Hoàn Kiếm", "Mật ong Biển Hồ"])
            self.assertEqual((data["total"], data["page_count"]), (3, 2))
            products, data = self._listed("?page=2")
            self.assertEqual(products, ["Cà phê Ia Hrung"])
            self.assertEqual(data["page"], 2)
            page = self._get("/ocop/products?stars=&page=1").text
            self.assertIn('href="/ocop/products?page=2"', page)
            page = self._get("/ocop/products?province=52&page=2").text
            self.assertIn("/ocop/products?province=52", page)

    # ------------------------------------------------------------------
    # Query counts
    # ------------------------------------------------------------------
    def _count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        result = func()
        return self.cr.sql_log_count - before, result

    def test_query_count_lookup(self):
        counts = set()
        for certificate in (self.certificate, self.cert_revoked, self.cert_expired):
            token = self._token(certificate)
            count, values = self._count(
                lambda t=token: verify.get_verify_values(self.env, t)
            )
            self.assertEqual(values["certificate_number"], certificate.name)
            counts.add(count)
        self.assertEqual(len(counts), 1, counts)
        self.assertLessEqual(counts.pop(), 4)
        # A malformed token costs no query at all.
        count, values = self._count(lambda: verify.get_verify_values(self.env, "x"))
        self.assertEqual((count, values), (0, None))

    def test_query_count_list(self):
        # More certificates in force: the count does not change.
        few, values = self._count(lambda: verify.get_product_list(self.env))
        self.assertEqual(len(values["items"]), 3)
        Product = self.env["ocop.product"]
        for index in range(6):
            product = Product.create(
                {
                    "name": f"Sản phẩm thêm {index}",
                    "producer_id": self.producer_bien_ho.id,
                    "product_group_id": self.product_set_honey.id,
                    "commune_id": self.bien_ho.id,
                    "code_year": 2026,
                }
            )
            self.env["ocop.certificate"].create(
                {
                    "product_id": product.id,
                    "stars": 3 + index % 3,
                    "issue_date": self.today - timedelta(days=5),
                    "framework_id": self.fw26.id,
                }
            )
        many, values = self._count(lambda: verify.get_product_list(self.env))
        self.assertEqual(len(values["items"]), 9)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 5)
