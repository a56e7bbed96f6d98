# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

AUTHORITIES = {
    "district": "Chủ tịch Ủy ban nhân dân cấp huyện",
    "province": "Chủ tịch Ủy ban nhân dân cấp tỉnh",
    "central": "Bộ Nông nghiệp và Môi trường",
}


class OcopCertificate(models.Model):
    """The recognition of a product's stars (giấy chứng nhận sản phẩm OCOP).
    Certificates are never deleted: they expire, are superseded or revoked."""

    _name = "ocop.certificate"
    _description = "OCOP Certificate"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "issue_date desc, id desc"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
    )
    dossier_id = fields.Many2one(
        "ocop.dossier", readonly=True, index=True, ondelete="restrict"
    )
    product_id = fields.Many2one(
        "ocop.product", required=True, readonly=True, index=True, ondelete="restrict"
    )
    product_code = fields.Char(related="product_id.code")
    producer_id = fields.Many2one(
        related="product_id.producer_id", store=True, index=True
    )
    commune_id = fields.Many2one(
        related="product_id.commune_id", store=True, index=True
    )
    province_id = fields.Many2one(
        related="product_id.province_id", store=True, index=True
    )
    stars = fields.Integer(required=True, readonly=True, tracking=True)
    score = fields.Float(readonly=True)
    framework_id = fields.Many2one("ocop.framework", readonly=True, ondelete="restrict")
    issuing_level = fields.Selection(
        [("district", "District"), ("province", "Province"), ("central", "Central")],
        readonly=True,
    )
    issuing_authority = fields.Char(
        compute="_compute_issuing_authority", store=True, readonly=False
    )
    decision_number = fields.Char(readonly=True)
    decision_signer = fields.Char(readonly=True)
    issue_date = fields.Date(required=True, readonly=True, tracking=True)
    expiry_date = fields.Date(
        compute="_compute_expiry_date", store=True, index=True, tracking=True
    )
    state = fields.Selection(
        [
            ("valid", "Valid"),
            ("expiring", "Expiring"),
            ("expired", "Expired"),
            ("superseded", "Superseded"),
            ("revoked", "Revoked"),
        ],
        default="valid",
        required=True,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "The certificate number must be unique."),
        (
            "stars_range",
            "CHECK(stars BETWEEN 3 AND 5)",
            "Certificates carry 3 to 5 stars.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("ocop.certificate")
        certificates = super().create(vals_list)
        # A new certificate supersedes the product's previous valid one.
        for certificate in certificates:
            previous = self.search(
                [
                    ("product_id", "=", certificate.product_id.id),
                    ("id", "!=", certificate.id),
                    ("state", "in", ("valid", "expiring")),
                ]
            )
            previous.write({"state": "superseded"})
        certificates.product_id.filtered(
            lambda p: p.state in ("draft", "developing")
        ).write({"state": "certified"})
        return certificates

    @api.depends("issuing_level")
    def _compute_issuing_authority(self):
        for certificate in self:
            certificate.issuing_authority = AUTHORITIES.get(
                certificate.issuing_level, ""
            )

    @api.depends("issue_date", "framework_id.certificate_validity_months")
    def _compute_expiry_date(self):
        for certificate in self:
            months = certificate.framework_id.certificate_validity_months or 36
            certificate.expiry_date = (
                certificate.issue_date + relativedelta(months=months)
                if certificate.issue_date
                else False
            )

    @api.depends("name", "stars", "product_id")
    def _compute_display_name(self):
        for certificate in self:
            certificate.display_name = (
                f"{certificate.name} - {certificate.product_id.name or ''} "
                f"({'★' * certificate.stars})"
            )

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for certificate in self:
            certificate.access_url = f"/my/ocop/certificates/{certificate.id}"

    def unlink(self):  # pylint: disable=method-required-super
        raise UserError(
            _("Certificates are never deleted: let them expire, or revoke them.")
        )
