# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OcopDossierForward(models.TransientModel):
    _name = "ocop.dossier.forward"
    _description = "Put Forwarded Dossiers on a Next-level Session"

    dossier_ids = fields.Many2many("ocop.dossier", required=True)
    session_id = fields.Many2one(
        "ocop.council.session",
        required=True,
        domain="[('state', 'in', ('draft', 'confirmed'))]",
    )

    def action_confirm(self):
        self.dossier_ids.action_send_to_next_level(self.session_id)
