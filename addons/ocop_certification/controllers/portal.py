# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class OcopCertificationPortal(CustomerPortal):
    """Producers follow their dossiers and certificates on the portal. Record
    rules restrict them to their own; scoring sheets are never exposed (portal
    users have no access right on ocop.evaluation at all)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ocop_dossier_count" in counters:
            Dossier = request.env["ocop.dossier"]
            values["ocop_dossier_count"] = (
                Dossier.search_count([]) if Dossier.has_access("read") else 0
            )
        if "ocop_certificate_count" in counters:
            Certificate = request.env["ocop.certificate"]
            values["ocop_certificate_count"] = (
                Certificate.search_count([]) if Certificate.has_access("read") else 0
            )
        return values

    @http.route(["/my/ocop/dossiers"], type="http", auth="user", website=True)
    def portal_my_ocop_dossiers(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "dossiers": request.env["ocop.dossier"].search([], order="id desc"),
                "page_name": "ocop_dossiers",
            }
        )
        return request.render("ocop_certification.portal_my_ocop_dossiers", values)

    @http.route(
        ["/my/ocop/dossiers/<int:dossier_id>"], type="http", auth="user", website=True
    )
    def portal_my_ocop_dossier(self, dossier_id, access_token=None, **kw):
        try:
            dossier = self._document_check_access(
                "ocop.dossier", dossier_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            dossier,
            access_token,
            {"dossier": dossier, "page_name": "ocop_dossier"},
            "my_ocop_dossiers_history",
            False,
        )
        return request.render("ocop_certification.portal_my_ocop_dossier", values)

    @http.route(["/my/ocop/certificates"], type="http", auth="user", website=True)
    def portal_my_ocop_certificates(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "certificates": request.env["ocop.certificate"].search([]),
                "page_name": "ocop_certificates",
            }
        )
        return request.render("ocop_certification.portal_my_ocop_certificates", values)
