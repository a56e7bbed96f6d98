# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class OcopProductGroup(models.Model):
    """The classification tree of the criteria decisions (QĐ 26/2026 Phụ lục I:
    sector -> group -> product set). A product set selects the criteria set."""

    _name = "ocop.product.group"
    _description = "OCOP Product Classification"
    _parent_name = "parent_id"
    _parent_store = True
    _order = "framework desc, sequence, code, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True)
    official_name = fields.Char(help="The name as printed in the decision.")
    code = fields.Char(required=True, index=True)
    level = fields.Selection(
        [("sector", "Sector"), ("group", "Group"), ("set", "Product Set")],
        required=True,
        default="set",
    )
    framework = fields.Selection(
        [
            ("qd26_2026", "QĐ 26/2026/QĐ-TTg"),
            ("qd1048_2019", "QĐ 1048/QĐ-TTg (2019)"),
        ],
        required=True,
        default="qd26_2026",
        index=True,
    )
    parent_id = fields.Many2one("ocop.product.group", index=True, ondelete="restrict")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("ocop.product.group", "parent_id", string="Children")
    set_no = fields.Integer(string="Product Set No.")
    managing_agency = fields.Char(string="Managing Ministry")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    product_count = fields.Integer(compute="_compute_product_count")

    _sql_constraints = [
        (
            "code_framework_uniq",
            "unique(code, framework)",
            "The classification code must be unique within a framework.",
        ),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for group in self:
            group.display_name = (
                f"{group.code} {group.name}" if group.code else group.name
            )

    def _compute_product_count(self):
        counts = dict(
            self.env["ocop.product"]._read_group(
                [("product_group_id", "in", self.ids)],
                ["product_group_id"],
                ["__count"],
            )
        )
        for group in self:
            group.product_count = counts.get(group, 0)

    @api.constrains("parent_id", "level", "framework")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(_("A classification cannot contain itself."))
        for group in self:
            if group.parent_id and group.parent_id.framework != group.framework:
                raise ValidationError(
                    _(
                        "%(group)s and its parent belong to different frameworks.",
                        group=group.display_name,
                    )
                )
            if group.level == "sector" and group.parent_id:
                raise ValidationError(
                    _("A sector cannot have a parent (%(group)s).", group=group.name)
                )
