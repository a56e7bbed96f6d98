# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    ocop_admin_unit_ids = fields.Many2many(
        "ocop.admin.unit",
        "ocop_admin_unit_res_users_rel",
        "user_id",
        "unit_id",
        string="OCOP Territories",
        help="The provinces, districts or communes this user works for. "
        "Commune and programme officers see the OCOP records of these units "
        "and of every unit below them.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["ocop_admin_unit_ids"]
