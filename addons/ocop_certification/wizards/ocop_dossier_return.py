# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OcopDossierReturn(models.TransientModel):
    _name = "ocop.dossier.return"
    _description = "Return a Dossier for Completion"

    dossier_id = fields.Many2one("ocop.dossier", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.dossier_id.action_return(self.reason)
