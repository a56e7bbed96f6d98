# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OcopDossierDecision(models.TransientModel):
    _name = "ocop.dossier.decision"
    _description = "Record a Recognition Decision"

    dossier_ids = fields.Many2many("ocop.dossier", required=True)
    decision_number = fields.Char(required=True)
    decision_date = fields.Date(required=True, default=fields.Date.context_today)
    decision_signer = fields.Char(required=True)

    def action_confirm(self):
        certificates = self.dossier_ids.action_record_decision(
            self.decision_number, self.decision_date, self.decision_signer
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_certification.ocop_certificate_action"
        )
        action["domain"] = [("id", "in", certificates.ids)]
        return action
