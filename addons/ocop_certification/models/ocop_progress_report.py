# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

PENDING_DOSSIER_STATES = (
    "submitted",
    "commune_checked",
    "received",
    "reviewed",
    "council",
    "scored",
    "forwarded",
)
CURRENT_CERTIFICATE_STATES = ("valid", "expiring")


class OcopProgressReport(models.Model):
    """Step 5 in the progress reports: dossiers, certificates by stars,
    expiring and expired certificates, mark uses, inspections and
    violations (see ``ocop_management``'s model for how figures are read)."""

    _inherit = "ocop.progress.report"

    dossier_count = fields.Integer(string="Dossiers Filed", readonly=True)
    dossier_pending_count = fields.Integer(
        string="Dossiers in Evaluation", readonly=True
    )
    dossier_recognised_count = fields.Integer(
        string="Dossiers Recognised", readonly=True
    )
    dossier_not_recognised_count = fields.Integer(
        string="Dossiers Not Recognised or Rejected", readonly=True
    )
    certificate_issued_count = fields.Integer(
        string="Certificates Issued in the Period", readonly=True
    )
    certificate_current_count = fields.Integer(
        string="Products with a Valid Certificate", readonly=True
    )
    certificate_3_star_count = fields.Integer(string="3-star Products", readonly=True)
    certificate_4_star_count = fields.Integer(string="4-star Products", readonly=True)
    certificate_5_star_count = fields.Integer(string="5-star Products", readonly=True)
    certificate_expiring_count = fields.Integer(
        string="Certificates Expiring", readonly=True
    )
    certificate_expired_count = fields.Integer(
        string="Certificates Expired in the Period", readonly=True
    )
    certificate_revoked_count = fields.Integer(
        string="Certificates Revoked in the Period", readonly=True
    )
    mark_usage_count = fields.Integer(string="Uses of the OCOP Mark", readonly=True)
    inspection_count = fields.Integer(string="Inspections Done", readonly=True)
    violation_count = fields.Integer(string="Violations Found", readonly=True)

    @api.model
    def _figure_specs(self):
        dossier = {"model": "ocop.dossier", "unit": "commune_id", "scope": "cycle"}
        certificate = {"model": "ocop.certificate", "unit": "commune_id"}
        current = [("state", "in", CURRENT_CERTIFICATE_STATES)]
        inspection = {
            "model": "ocop.inspection",
            "unit": "commune_id",
            "agency": "agency_id",
            "scope": "period",
            "date": "actual_date",
        }
        return super()._figure_specs() + [
            dict(dossier, field="dossier_count", domain=[("state", "!=", "draft")]),
            dict(
                dossier,
                field="dossier_pending_count",
                domain=[("state", "in", PENDING_DOSSIER_STATES)],
            ),
            dict(
                dossier,
                field="dossier_recognised_count",
                domain=[("state", "=", "recognised")],
            ),
            dict(
                dossier,
                field="dossier_not_recognised_count",
                domain=[("state", "in", ("not_recognised", "rejected"))],
            ),
            dict(
                certificate,
                field="certificate_issued_count",
                scope="period",
                date="issue_date",
            ),
            dict(certificate, field="certificate_current_count", domain=current),
            *(
                dict(
                    certificate,
                    field="certificate_%s_star_count" % stars,
                    domain=current + [("stars", "=", stars)],
                )
                for stars in (3, 4, 5)
            ),
            dict(
                certificate,
                field="certificate_expiring_count",
                domain=[("state", "=", "expiring")],
            ),
            dict(
                certificate,
                field="certificate_expired_count",
                scope="period",
                date="expiry_date",
                domain=[("state", "=", "expired")],
            ),
            dict(
                certificate,
                field="certificate_revoked_count",
                scope="period",
                date="revoked_on",
                domain=[("state", "=", "revoked")],
            ),
            dict(
                model="ocop.mark.usage",
                unit="commune_id",
                field="mark_usage_count",
                domain=[("state", "=", "active")],
            ),
            dict(inspection, field="inspection_count", domain=[("state", "=", "done")]),
            dict(
                inspection,
                field="violation_count",
                domain=[("state", "=", "done")],
                aggregate="violation_count:sum",
            ),
        ]

    @api.model
    def _figure_sections(self):
        sections = super()._figure_sections()
        step5 = (
            _("Step 5: evaluation, certificates and inspection"),
            [
                "dossier_count",
                "dossier_pending_count",
                "dossier_recognised_count",
                "dossier_not_recognised_count",
                "certificate_issued_count",
                "certificate_current_count",
                "certificate_3_star_count",
                "certificate_4_star_count",
                "certificate_5_star_count",
                "certificate_expiring_count",
                "certificate_expired_count",
                "certificate_revoked_count",
                "mark_usage_count",
                "inspection_count",
                "violation_count",
            ],
        )
        # before the trade promotion (step 6)
        return sections[:-1] + [step5] + sections[-1:]
