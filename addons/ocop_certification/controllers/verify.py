# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Public verification of OCOP certificates.

The QR code printed on a certificate (and on the product's labels) opens
``/ocop/verify/<token>``: anyone, without logging in, sees whether the
certificate is in force. ``/ocop/products`` lists the products whose
certificate is in force.

The lookups run as superuser (the token is hidden from most internal users)
and read an explicit list of fields: only what is printed on the certificate
itself is shown, never the producer's contacts, the scores or the dossier.
The pages are bilingual (Vietnamese by default, ``?lang=en`` for English)
without depending on the languages installed in the database.
"""

import io
import math
import re
from datetime import datetime
from urllib.parse import urlencode

import pytz
import qrcode
import qrcode.image.svg
from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request
from odoo.tools import SQL

TOKEN_RE = re.compile(r"[0-9a-f]{32}")
TIMEZONE = "Asia/Ho_Chi_Minh"
PAGE_SIZE = 50
STAR_CHOICES = (3, 4, 5)
IN_FORCE = ("valid", "expiring")
# What the public sees: "expiring" is an internal nuance of "valid".
PUBLIC_STATES = {
    "valid": "valid",
    "expiring": "valid",
    "expired": "expired",
    "superseded": "superseded",
    "revoked": "revoked",
}
CERTIFICATE_FIELDS = [
    "name",
    "stars",
    "issue_date",
    "expiry_date",
    "valid_until",
    "state",
    "revoked_on",
    "product_id",
    "producer_id",
    "commune_id",
    "province_id",
    "verify_token",
]
# The keys of the JSON documents (stable: external applications read them).
JSON_KEYS = (
    "certificate_number",
    "product",
    "producer",
    "commune",
    "province",
    "stars",
    "issue_date",
    "expiry_date",
    "valid_until",
    "state",
    "revoked_on",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# ----------------------------------------------------------------------
# Helpers (also used by the certificate model for the QR code of the PDF)
# ----------------------------------------------------------------------
def ocop_today():
    """Today in Vietnam, whatever the server's or the visitor's time zone."""
    return datetime.now(pytz.timezone(TIMEZONE)).date()


def ocop_verify_url(certificate):
    """The public verification link of a certificate, as encoded in its QR code."""
    certificate.ensure_one()
    token = certificate.sudo().verify_token
    return f"{certificate.get_base_url()}/ocop/verify/{token}"


def ocop_qr_image(value, kind="png"):
    """QR code of ``value``: PNG bytes, or SVG (white background, vector, for
    labels and packaging) when ``kind`` is ``"svg"``."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=4
    )
    code.add_data(value)
    code.make(fit=True)
    if kind == "svg":
        image = code.make_image(image_factory=qrcode.image.svg.SvgPathFillImage)
    else:
        image = code.make_image()
    stream = io.BytesIO()
    image.save(stream)
    return stream.getvalue()


def format_date(value, lang):
    """05/02/2026 in Vietnamese, 5 February 2026 in English."""
    if not value:
        return ""
    if lang == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return value.strftime("%d/%m/%Y")


def public_values(certificates, today=None):
    """The public data of ``certificates`` (a superuser recordset whose
    CERTIFICATE_FIELDS are fetched), as a list of dicts: JSON_KEYS (dates as
    date objects) and the verification token. The names of the products,
    producers and administrative units are read in one query per model,
    whatever the number of certificates."""
    today = today or ocop_today()
    certificates.product_id.fetch(["name"])
    certificates.producer_id.fetch(["name"])
    units = certificates.commune_id | certificates.province_id
    units.fetch(["name", "division_type"])
    unit_name = certificates.env["ocop.report.mixin"]._ocop_unit_name
    result = []
    for certificate in certificates:
        state = PUBLIC_STATES.get(certificate.state, certificate.state)
        # The daily cron may not have run yet: the dates have the last word.
        if state == "valid" and (certificate.valid_until or today) < today:
            state = "expired"
        result.append(
            {
                "certificate_number": certificate.name,
                "product": certificate.product_id.name or "",
                "producer": certificate.producer_id.name or "",
                "commune": unit_name(certificate.commune_id)
                if certificate.commune_id
                else "",
                "province": unit_name(certificate.province_id)
                if certificate.province_id
                else "",
                "stars": certificate.stars,
                "issue_date": certificate.issue_date,
                "expiry_date": certificate.expiry_date,
                "valid_until": certificate.valid_until,
                "state": state,
                "revoked_on": certificate.revoked_on
                if certificate.state == "revoked"
                else False,
                "token": certificate.verify_token,
            }
        )
    return result


def get_verify_values(env, token):
    """The public data of the certificate with this verification token, or
    None. One indexed lookup on the token, then the names (constant number of
    queries)."""
    token = (token or "").lower()
    if not TOKEN_RE.fullmatch(token):
        return None
    certificate = (
        env["ocop.certificate"]
        .sudo()
        .search_fetch([("verify_token", "=", token)], CERTIFICATE_FIELDS, limit=1)
    )
    if not certificate:
        return None
    return public_values(certificate)[0]


def get_product_list(env, province_code=None, stars=None, page=1):
    """The certificates in force, filtered and paginated: the values of the
    public list. One search with limit and offset (ordered by province, stars
    descending and product name), the count only when there is more than one
    page, and the names in batch."""
    Certificate = env["ocop.certificate"].sudo()
    provinces = (
        env["ocop.admin.unit"]
        .sudo()
        .search_fetch(
            [("level", "=", "province"), ("is_historical", "=", False)],
            ["code", "name", "division_type"],
        )
    )
    province = provinces.filtered(lambda p: p.code == province_code)[:1]
    stars = stars if stars in STAR_CHOICES else None
    today = ocop_today()
    domain = [("state", "in", IN_FORCE), ("valid_until", ">=", today)]
    if province:
        domain.append(("province_id", "=", province.id))
    if stars:
        domain.append(("stars", "=", stars))
    page = max(page or 1, 1)
    query = Certificate._search(
        domain,
        offset=(page - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
        order="province_id, stars desc",
    )
    table = Certificate._table
    product_alias = query.left_join(
        table, "product_id", "ocop_product", "id", "product"
    )
    query.order = SQL(
        "%s, %s, %s",
        query.order,
        SQL.identifier(product_alias, "name"),
        SQL.identifier(table, "id"),
    )
    certificates = Certificate._fetch_query(
        query, Certificate._determine_fields_to_fetch(CERTIFICATE_FIELDS)
    )
    if page == 1 and len(certificates) < PAGE_SIZE:
        total = len(certificates)
    else:
        total = Certificate.search_count(domain)
    items = public_values(certificates, today=today)
    unit_name = env["ocop.report.mixin"]._ocop_unit_name
    return {
        "items": items,
        "total": total,
        "page": page,
        "page_count": max(math.ceil(total / PAGE_SIZE), 1),
        "province_code": province.code or "",
        "stars": stars or "",
        "provinces": [(p.code, unit_name(p)) for p in provinces],
        "star_choices": STAR_CHOICES,
    }


def json_values(values):
    """The JSON document of a certificate's public values: JSON_KEYS only,
    dates in ISO format, null for no date."""
    data = {key: values[key] for key in JSON_KEYS}
    for key in ("issue_date", "expiry_date", "valid_until", "revoked_on"):
        data[key] = data[key].isoformat() if data[key] else None
    return data


class OcopVerify(http.Controller):
    def _lang(self, lang):
        return "en" if lang == "en" else "vi"

    def _page_headers(self, index=True):
        headers = [("Cache-Control", "no-cache")]
        if not index:
            headers += [("X-Robots-Tag", "noindex"), ("Referrer-Policy", "no-referrer")]
        return headers

    # ------------------------------------------------------------------
    # Verification of one certificate
    # ------------------------------------------------------------------
    # One route: werkzeug's string converter takes "<token>.json" whole.
    @http.route(
        "/ocop/verify/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
        sitemap=False,
    )
    def ocop_verify(self, token, lang=None, **kw):
        as_json = token.endswith(".json")
        if as_json:
            token = token.removesuffix(".json")
        values = get_verify_values(request.env, token)
        if as_json:
            headers = self._page_headers(index=False)
            headers.append(("Access-Control-Allow-Origin", "*"))
            if not values:
                return request.make_json_response(
                    {"error": "not_found", "message": _("Unknown certificate.")},
                    headers=headers,
                    status=404,
                )
            return request.make_json_response(json_values(values), headers=headers)
        if not values:
            raise NotFound()
        lang = self._lang(lang)
        path = f"/ocop/verify/{values['token']}"
        suffix = "?lang=en" if lang == "en" else ""
        return request.render(
            "ocop_certification.ocop_verify_page",
            {
                "ui_lang": lang,
                "certificate": values,
                "format_date": format_date,
                "switch_url": path if suffix else f"{path}?lang=en",
                "json_url": f"{path}.json",
                "list_url": f"/ocop/products{suffix}",
            },
            headers=self._page_headers(index=False),
        )

    # ------------------------------------------------------------------
    # QR codes of the verification link (labels, packaging, certificate)
    # ------------------------------------------------------------------
    def _qr_response(self, token, kind, download):
        token = (token or "").lower()
        if not TOKEN_RE.fullmatch(token):
            raise NotFound()
        certificate = (
            request.env["ocop.certificate"]
            .sudo()
            .search([("verify_token", "=", token)], limit=1)
        )
        if not certificate:
            raise NotFound()
        content = ocop_qr_image(ocop_verify_url(certificate), kind)
        mimetype = "image/svg+xml" if kind == "svg" else "image/png"
        headers = [
            ("Content-Type", mimetype),
            ("Content-Length", len(content)),
            ("Cache-Control", "public, max-age=86400"),
            ("X-Robots-Tag", "noindex"),
        ]
        if download:
            number = re.sub(r"[^\w.-]+", "-", certificate.name)
            disposition = f'attachment; filename="QR-OCOP-{number}.{kind}"'
            headers.append(("Content-Disposition", disposition))
        return request.make_response(content, headers)

    @http.route(
        "/ocop/verify/<string:token>/qr.<any(png, svg):kind>",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
        sitemap=False,
    )
    def ocop_verify_qr(self, token, kind, download=None, **kw):
        """The QR code of the verification link, as PNG or SVG, for labels."""
        return self._qr_response(token, kind, download)

    # ------------------------------------------------------------------
    # Public list of the products whose certificate is in force
    # ------------------------------------------------------------------
    def _list_values(self, province=None, stars=None, page=None):
        stars = int(stars) if stars and str(stars).isdigit() else None
        page = int(page) if page and str(page).isdigit() else 1
        return get_product_list(request.env, province or None, stars, page)

    @http.route(
        "/ocop/products", type="http", auth="public", methods=["GET"], readonly=True
    )
    def ocop_products(self, province=None, stars=None, page=None, lang=None, **kw):
        lang = self._lang(lang)
        values = self._list_values(province, stars, page)

        def url(**changes):
            args = {
                "province": values["province_code"],
                "stars": values["stars"],
                "lang": "en" if lang == "en" else "",
                "page": values["page"],
                **changes,
            }
            if args["page"] == 1:
                args["page"] = ""
            query = urlencode({key: value for key, value in args.items() if value})
            return f"/ocop/products?{query}" if query else "/ocop/products"

        values.update(
            ui_lang=lang,
            format_date=format_date,
            page_url=lambda number: url(page=number),
            switch_url=url(lang="" if lang == "en" else "en"),
        )
        return request.render(
            "ocop_certification.ocop_public_products",
            values,
            headers=self._page_headers(),
        )

    @http.route(
        "/ocop/products.json",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
    )
    def ocop_products_json(self, province=None, stars=None, page=None, **kw):
        values = self._list_values(province, stars, page)
        base_url = request.env["ocop.certificate"].get_base_url()
        return request.make_json_response(
            {
                "total": values["total"],
                "page": values["page"],
                "page_count": values["page_count"],
                "items": [
                    dict(
                        json_values(item),
                        verify_url=f"{base_url}/ocop/verify/{item['token']}",
                    )
                    for item in values["items"]
                ],
            },
            headers=[("Access-Control-Allow-Origin", "*")],
        )
