# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ocop_management.workflow import MANAGER


class OcopCertificateLegacyImport(models.TransientModel):
    """Record a certificate issued on paper before the office used the
    system (an OCOP manager only): it is marked as imported, and the reason
    and the manager are kept in its chatter (ocop.certificate._import_legacy).
    Every other certificate comes from a recorded decision on a dossier."""

    _name = "ocop.certificate.legacy.import"
    _description = "Import a Certificate Issued Before the System"

    product_id = fields.Many2one("ocop.product", required=True)
    stars = fields.Selection(
        [("3", "3 Stars"), ("4", "4 Stars"), ("5", "5 Stars")], required=True
    )
    name = fields.Char(
        string="Certificate Number",
        required=True,
        help="The number printed on the paper certificate.",
    )
    issue_date = fields.Date(required=True)
    framework_id = fields.Many2one(
        "ocop.framework",
        string="Legal Framework",
        required=True,
        help="The framework the product was rated under: it gives the validity "
        "of the certificate and the re-rating window.",
    )
    issuing_level = fields.Selection(
        selection="_selection_issuing_level", required=True, default="province"
    )
    decision_number = fields.Char(required=True)
    decision_signer = fields.Char()
    reason = fields.Text(
        required=True,
        help="Why the certificate is recorded here rather than issued from a "
        "decision on a dossier: kept in the certificate's chatter.",
    )

    @api.model
    def _selection_issuing_level(self):
        field = self.env["ocop.certificate"]._fields["issuing_level"]
        return field._description_selection(self.env)

    def _check_values(self):
        self.ensure_one()
        if self.issue_date > fields.Date.context_today(self):
            raise UserError(
                _(
                    "The issue date of certificate %(name)s is in the future.",
                    name=self.name,
                )
            )
        Certificate = self.env["ocop.certificate"].with_context(active_test=False)
        if Certificate.search_count([("name", "=", self.name.strip())], limit=1):
            raise UserError(
                _("A certificate numbered %(name)s already exists.", name=self.name)
            )
        # a newer certificate in force would be superseded by the older one
        later = Certificate.search(
            [
                ("product_id", "=", self.product_id.id),
                ("state", "in", ("valid", "expiring")),
                ("issue_date", ">=", self.issue_date),
            ],
            limit=1,
        )
        if later:
            raise UserError(
                _(
                    "%(product)s already has the certificate %(certificate)s in "
                    "force, issued on %(date)s: an earlier certificate cannot "
                    "replace it.",
                    product=self.product_id.display_name,
                    certificate=later.name,
                    date=later.issue_date.strftime("%d/%m/%Y"),
                )
            )

    def action_import(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                _("Only an OCOP manager imports certificates issued before.")
            )
        self._check_values()
        certificate = self.env["ocop.certificate"]._import_legacy(
            [
                {
                    "product_id": self.product_id.id,
                    "stars": int(self.stars),
                    "name": self.name.strip(),
                    "issue_date": self.issue_date,
                    "framework_id": self.framework_id.id,
                    "issuing_level": self.issuing_level,
                    "decision_number": self.decision_number,
                    "decision_signer": self.decision_signer or False,
                }
            ],
            self.reason,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.certificate",
            "res_id": certificate.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
