# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

# what a scoring sheet depends on: where the box is and what it gives
SCORING_FIELDS = ("criterion_id", "points", "min_star", "case_label")


class OcopCriterionOption(models.Model):
    """A box of a leaf criterion. ``min_star`` is the asterisk marker printed
    after the option: the minimum a product must reach on that criterion to be
    rated that many stars."""

    _name = "ocop.criterion.option"
    _description = "OCOP Criterion Option"
    _order = "criterion_id, sequence, id"

    criterion_id = fields.Many2one(
        "ocop.criterion", required=True, index=True, ondelete="cascade"
    )
    set_id = fields.Many2one(related="criterion_id.set_id", store=True, index=True)
    name = fields.Text(required=True)
    points = fields.Float(digits=(5, 2))
    min_star = fields.Integer(
        string="Minimum for Stars",
        default=0,
        help="3, 4 or 5 when the option is printed with ***, **** or *****.",
    )
    case_label = fields.Char(
        string="Case",
        help="Set 26 offers alternative cases (Trường hợp 1/2); only the options "
        "of the applicable case are used.",
    )
    sequence = fields.Integer(default=10)

    @api.model_create_multi
    def create(self, vals_list):
        options = super().create(vals_list)
        options.set_id._check_scoring_editable()
        return options

    def write(self, vals):
        changed = self.env["ocop.criteria.set"]._changed_records(
            self, vals, SCORING_FIELDS
        )
        sets = changed.set_id
        if changed and vals.get("criterion_id"):
            sets |= self.env["ocop.criterion"].browse(vals["criterion_id"]).set_id
        sets._check_scoring_editable()
        return super().write(vals)

    def unlink(self):
        self.set_id._check_scoring_editable()
        return super().unlink()

    @api.constrains("points", "criterion_id")
    def _check_points(self):
        for option in self:
            criterion = option.criterion_id
            if float_compare(option.points, 0.0, precision_digits=2) < 0:
                raise ValidationError(
                    _(
                        "An option of %(criterion)s cannot give negative points "
                        "(%(points)s).",
                        criterion=criterion.code,
                        points=option.points,
                    )
                )
            if (
                float_compare(option.points, criterion.max_points, precision_digits=2)
                > 0
            ):
                raise ValidationError(
                    _(
                        "An option of %(criterion)s gives %(points)s points, more "
                        "than the criterion's maximum (%(max)s).",
                        criterion=criterion.code,
                        points=option.points,
                        max=criterion.max_points,
                    )
                )

    @api.depends("name", "points", "min_star")
    def _compute_display_name(self):
        for option in self:
            stars = "*" * option.min_star if option.min_star else ""
            points = ("%.2f" % option.points).rstrip("0").rstrip(".")
            option.display_name = f"[{points}] {option.name} {stars}".strip()
