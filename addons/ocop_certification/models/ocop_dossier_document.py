# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class OcopDossierDocument(models.Model):
    _name = "ocop.dossier.document"
    _description = "OCOP Dossier Document"
    _order = "dossier_id, sequence, id"

    dossier_id = fields.Many2one(
        "ocop.dossier", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    code = fields.Char()
    name = fields.Char(required=True)
    required = fields.Boolean(default=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "ocop_dossier_document_attachment_rel",
        "document_id",
        "attachment_id",
        string="Files",
    )
    received = fields.Boolean(compute="_compute_received", store=True)

    @api.depends("attachment_ids")
    def _compute_received(self):
        for doc in self:
            doc.received = bool(doc.attachment_ids)
