# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

# what a scoring sheet depends on: the tree and the points
SCORING_FIELDS = ("set_id", "parent_id", "level", "max_points")


class OcopCriterion(models.Model):
    """A node of a criteria set: part (A/B/C) -> section -> criterion ->
    sub-criterion. A node with options is a leaf: the evaluator ticks exactly
    one of its options."""

    _name = "ocop.criterion"
    _description = "OCOP Criterion"
    _order = "set_id, sequence, id"
    _parent_store = True

    set_id = fields.Many2one(
        "ocop.criteria.set", required=True, index=True, ondelete="cascade"
    )
    parent_id = fields.Many2one("ocop.criterion", index=True, ondelete="cascade")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("ocop.criterion", "parent_id")
    level = fields.Selection(
        [
            ("part", "Part"),
            ("section", "Section"),
            ("criterion", "Criterion"),
            ("sub", "Sub-criterion"),
        ],
        required=True,
    )
    code = fields.Char(required=True, help="Numbering as printed (A, 1, 1.1, 6.1.1).")
    name = fields.Text(required=True, help="Wording as printed in the decision.")
    max_points = fields.Float(string="Points", digits=(5, 2))
    sequence = fields.Integer(default=10)
    notes = fields.Text(help="Rows printed without points: requirements, notes.")
    knockout_rule = fields.Text(
        help='"Bị loại nếu…" or "không đánh giá các bước tiếp theo": when it '
        "applies, the dossier is rejected."
    )
    scoring_note = fields.Text()
    option_ids = fields.One2many(
        "ocop.criterion.option", "criterion_id", string="Options"
    )
    is_leaf = fields.Boolean(compute="_compute_is_leaf", store=True, index=True)
    part_code = fields.Char(
        compute="_compute_part_code", store=True, index=True, recursive=True
    )
    has_min_star = fields.Boolean(compute="_compute_is_leaf", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        criteria = super().create(vals_list)
        criteria.set_id._check_scoring_editable()
        return criteria

    def write(self, vals):
        Set = self.env["ocop.criteria.set"]
        changed = Set._changed_records(self, vals, SCORING_FIELDS)
        sets = changed.set_id
        if changed and vals.get("set_id"):
            sets |= Set.browse(vals["set_id"])
        sets._check_scoring_editable()
        return super().write(vals)

    def unlink(self):
        self.set_id._check_scoring_editable()
        return super().unlink()

    @api.constrains("max_points")
    def _check_max_points(self):
        for node in self:
            if float_compare(node.max_points, 0.0, precision_digits=2) < 0:
                raise ValidationError(
                    _(
                        "%(criterion)s cannot have negative points (%(points)s).",
                        criterion=node.code,
                        points=node.max_points,
                    )
                )
        # lowering the maximum below an option is refused by the option
        self.option_ids._check_points()

    @api.depends("option_ids", "option_ids.min_star")
    def _compute_is_leaf(self):
        for node in self:
            node.is_leaf = bool(node.option_ids)
            node.has_min_star = any(node.option_ids.mapped("min_star"))

    @api.depends("level", "code", "parent_id.part_code")
    def _compute_part_code(self):
        for node in self:
            node.part_code = (
                node.code if node.level == "part" else node.parent_id.part_code
            )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for node in self:
            text = (node.name or "").split("\n")[0]
            if len(text) > 80:
                text = text[:77] + "…"
            node.display_name = f"{node.code}. {text}"
