# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_compare


class OcopCriteriaSet(models.Model):
    """One criteria set of a framework (QĐ 26/2026 Phụ lục II has 26, one per
    product set); it doubles as the scoring sheet."""

    _name = "ocop.criteria.set"
    _description = "OCOP Criteria Set"
    _inherit = ["mail.thread"]
    _order = "framework_id desc, set_no, id"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, index=True, help="e.g. QD26-01")
    set_no = fields.Integer(string="Set No.", help="Number of the set in the decision.")
    framework_id = fields.Many2one(
        "ocop.framework", required=True, index=True, ondelete="restrict", tracking=True
    )
    product_group_id = fields.Many2one(
        "ocop.product.group",
        string="Product Set",
        index=True,
        ondelete="restrict",
        domain="[('level', '=', 'set')]",
    )
    classification_line = fields.Char(help="The classification printed on the sheet.")
    rejection_rule = fields.Text(
        string="Dossier Rejected When",
        help="The knock-out rule printed at the head of the set (forged dossier, "
        "no food-safety certificate, incomplete registration).",
    )
    star_marker_note = fields.Text()
    source_note = fields.Text(
        string="Corrections",
        help="Misprints of the source and how they were resolved.",
    )
    criterion_ids = fields.One2many("ocop.criterion", "set_id", string="Criteria")
    leaf_count = fields.Integer(
        string="Leaf Criteria", compute="_compute_totals", store=True
    )
    option_count = fields.Integer(
        string="Options", compute="_compute_totals", store=True
    )
    points_a = fields.Float(string="Part A", compute="_compute_totals", store=True)
    points_b = fields.Float(string="Part B", compute="_compute_totals", store=True)
    points_c = fields.Float(string="Part C", compute="_compute_totals", store=True)
    points_total = fields.Float(string="Total", compute="_compute_totals", store=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a criteria set must be unique."),
    ]

    @api.depends(
        "criterion_ids.max_points",
        "criterion_ids.level",
        "criterion_ids.is_leaf",
        "criterion_ids.option_ids",
    )
    def _compute_totals(self):
        for cset in self:
            parts = {
                c.code: c.max_points for c in cset.criterion_ids if c.level == "part"
            }
            cset.points_a = parts.get("A", 0.0)
            cset.points_b = parts.get("B", 0.0)
            cset.points_c = parts.get("C", 0.0)
            cset.points_total = sum(parts.values())
            leaves = cset.criterion_ids.filtered("is_leaf")
            cset.leaf_count = len(leaves)
            cset.option_count = len(leaves.option_ids)

    def _consistency_errors(self):
        """Every set sums to the framework's parts (40/25/35 under QĐ 26/2026),
        every node's maximum equals the sum of its children and every leaf's
        maximum equals its best option. Returns a list of messages."""
        errors = []
        for cset in self:
            framework = cset.framework_id
            expected = {
                "A": framework.points_a,
                "B": framework.points_b,
                "C": framework.points_c,
            }
            parts = cset.criterion_ids.filtered(lambda c: c.level == "part")
            for code, points in expected.items():
                part = parts.filtered(lambda p, code=code: p.code == code)
                if not part or float_compare(part.max_points, points, 2):
                    errors.append(
                        _(
                            "%(set)s: part %(part)s has %(got)s points instead of "
                            "%(expected)s.",
                            set=cset.code,
                            part=code,
                            got=part.max_points if part else 0,
                            expected=points,
                        )
                    )
            for node in cset.criterion_ids:
                if node.child_ids:
                    total = sum(node.child_ids.mapped("max_points"))
                    if float_compare(total, node.max_points, 2):
                        errors.append(
                            _(
                                "%(set)s: %(node)s has %(max)s points but its "
                                "children sum to %(sum)s.",
                                set=cset.code,
                                node=node.display_name,
                                max=node.max_points,
                                sum=total,
                            )
                        )
                if node.is_leaf:
                    best = max(node.option_ids.mapped("points") or [0.0])
                    if float_compare(best, node.max_points, 2):
                        errors.append(
                            _(
                                "%(set)s: %(node)s has %(max)s points but its best "
                                "option gives %(best)s.",
                                set=cset.code,
                                node=node.display_name,
                                max=node.max_points,
                                best=best,
                            )
                        )
        return errors

    def action_check_consistency(self):
        errors = self._consistency_errors()
        if errors:
            raise ValidationError("\n".join(errors))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": _("The criteria sets are consistent."),
                "type": "success",
            },
        }

    @api.model
    def _check_all_sets(self):
        """Called by the data file after loading the criteria: refuse to install
        an inconsistent set."""
        errors = self.search([])._consistency_errors()
        if errors:
            raise ValidationError("\n".join(errors))

    def _check_scoring_editable(self):
        """Refuse to change how these sets score once a dossier follows one
        of them: its sheets, results and certificate were, or will be,
        scored on it as it stands. An amended set is imported as a new set."""
        used = (
            self.env["ocop.dossier"]
            .sudo()
            .with_context(active_test=False)
            ._read_group([("criteria_set_id", "in", self.ids)], ["criteria_set_id"])
        )
        if used:
            raise UserError(
                _(
                    "The criteria and options of %(sets)s cannot be changed: "
                    "dossiers are evaluated on them. Import the amended criteria "
                    "as a new set.",
                    sets=", ".join(cset.display_name for (cset,) in used),
                )
            )

    @api.model
    def _changed_records(self, records, vals, names):
        """The criteria or options among ``records`` where ``write(vals)``
        gives one of ``names`` another value (rewriting the same values, as
        a data file or an import does, changes nothing)."""
        names = [name for name in names if name in vals]

        def changes(record):
            for name in names:
                field = record._fields[name]
                new = field.convert_to_record(
                    field.convert_to_cache(vals[name], record), record
                )
                if record[name] != new:
                    return True
            return False

        return records.filtered(changes) if names else records.browse()

    def _leaf_criteria(self):
        self.ensure_one()
        return self.criterion_ids.filtered("is_leaf").sorted(
            lambda c: (c.sequence, c.id)
        )
