# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.ocop_certificate import REVOCATION_GROUNDS


class OcopCertificateRevoke(models.TransientModel):
    _name = "ocop.certificate.revoke"
    _description = "Revoke an OCOP Certificate"

    certificate_id = fields.Many2one("ocop.certificate", required=True)
    ground = fields.Selection(REVOCATION_GROUNDS, required=True)
    finding_date = fields.Date()
    decision_number = fields.Char(required=True)
    decision_date = fields.Date(required=True, default=fields.Date.context_today)
    authority = fields.Char(required=True, default="Chủ tịch Ủy ban nhân dân cấp tỉnh")
    note = fields.Text()

    @api.model
    def default_get(self, fields_list):
        """Start from the proposal recorded on the certificate, if any."""
        values = super().default_get(fields_list)
        certificate = self.env["ocop.certificate"].browse(values.get("certificate_id"))
        if certificate:
            values.setdefault("ground", certificate.revocation_ground)
            values.setdefault("finding_date", certificate.revocation_finding_date)
        return values

    def action_confirm(self):
        self.certificate_id.action_revoke(
            self.ground,
            self.decision_number,
            self.decision_date,
            self.authority,
            self.finding_date,
            self.note,
        )
