# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class OcopProduct(models.Model):
    _inherit = "ocop.product"

    dossier_ids = fields.One2many("ocop.dossier", "product_id", string="Dossiers")
    dossier_count = fields.Integer(compute="_compute_dossier_count")
    certificate_ids = fields.One2many("ocop.certificate", "product_id")
    current_certificate_id = fields.Many2one(
        "ocop.certificate",
        compute="_compute_current_certificate",
        store=True,
    )
    stars = fields.Integer(
        compute="_compute_current_certificate",
        store=True,
        index=True,
        help="Stars of the product's valid certificate.",
    )
    stars_display = fields.Char(compute="_compute_stars_display", string="Rating")

    @api.depends("certificate_ids.state", "certificate_ids.stars")
    def _compute_current_certificate(self):
        for product in self:
            current = product.certificate_ids.filtered(
                lambda c: c.state in ("valid", "expiring")
            ).sorted("issue_date", reverse=True)[:1]
            product.current_certificate_id = current
            product.stars = current.stars

    @api.depends("stars")
    def _compute_stars_display(self):
        for product in self:
            product.stars_display = "★" * product.stars if product.stars else ""

    def _compute_dossier_count(self):
        counts = dict(
            self.env["ocop.dossier"]._read_group(
                [("product_id", "in", self.ids)], ["product_id"], ["__count"]
            )
        )
        for product in self:
            product.dossier_count = counts.get(product, 0)

    def action_view_dossiers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_certification.ocop_dossier_action"
        )
        action["domain"] = [("product_id", "=", self.id)]
        action["context"] = {"default_product_id": self.id}
        return action
