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

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        documents._claim_attachments()
        return documents

    def write(self, vals):
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._claim_attachments()
        return result

    def _claim_attachments(self):
        """Make the files of a document belong to it (res_model/res_id), so
        that ir.attachment's access follows the document's record rules: who
        may not read the document may not read, change or delete its files.

        The web client uploads a file before the document line is saved, with
        no res_id: such a file (uploaded by the current user) is claimed. A
        file that already belongs to another record keeps its owner (and its
        access), even when linked here."""
        uid = self.env.uid
        for document in self.sudo():
            files = document.attachment_ids.filtered(
                lambda a: (
                    not a.res_id
                    and not a.res_field
                    and a.res_model in (False, self._name)
                    and (a.create_uid.id == uid or self.env.su)
                )
            )
            if files:
                files.write({"res_model": self._name, "res_id": document.id})
