# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import io
import math
import re
import zipfile
from dataclasses import dataclass, field

from openpyxl import load_workbook

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.float_utils import float_compare

from .ocop_criteria_set_export import (
    COLUMNS,
    NODE_TYPES,
    OPTION_TYPE,
    REQUIRED_COLUMNS,
    SHEET_TITLE,
)

# The level a node's parent must have.
PARENT_LEVEL = {
    "part": None,
    "section": "part",
    "criterion": "section",
    "sub": "criterion",
}
MIN_STARS = (0, 3, 4, 5)
MAX_REPORTED_ERRORS = 20


@dataclass
class _Row:
    """A parsed line of the spreadsheet (``number`` is the spreadsheet row)."""

    number: int
    type: str
    code: str
    parent_code: str
    text: str
    points: float
    min_star: int = 0
    case: str = ""
    notes: str = ""
    knockout_rule: str = ""
    scoring_note: str = ""
    children: list = field(default_factory=list)
    options: list = field(default_factory=list)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class OcopCriteriaSetImport(models.TransientModel):
    _name = "ocop.criteria.set.import"
    _description = "Import an OCOP Criteria Set from a Spreadsheet"

    file_data = fields.Binary(string="File", required=True, attachment=False)
    file_name = fields.Char()
    mode = fields.Selection(
        [
            ("new", "Create a new criteria set"),
            ("replace", "Replace the criteria of an existing set"),
        ],
        required=True,
        default="new",
    )
    set_id = fields.Many2one(
        "ocop.criteria.set",
        string="Criteria Set",
        ondelete="cascade",
        help="The set whose criteria are replaced. It must not be used yet.",
    )
    name = fields.Char()
    code = fields.Char(help="e.g. QD26-01-LOCAL")
    set_no = fields.Integer(string="Set No.")
    framework_id = fields.Many2one("ocop.framework", ondelete="cascade")
    product_group_id = fields.Many2one(
        "ocop.product.group",
        string="Product Set",
        ondelete="cascade",
        domain="[('level', '=', 'set')]",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "ocop.criteria.set" and context.get(
            "active_id"
        ):
            values.setdefault("mode", "replace")
            values.setdefault("set_id", context["active_id"])
        return values

    # ------------------------------------------------------------------ reading

    def _read_sheet(self):
        """Rows of the first sheet (or the one named "criteria") as
        ``(row number, tuple of values)``."""
        try:
            content = base64.b64decode(self.file_data or b"", validate=False)
            workbook = load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except (binascii.Error, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
            raise UserError(
                _("The file is not a readable XLSX spreadsheet (%(error)s).", error=e)
            ) from e
        if SHEET_TITLE in workbook.sheetnames:
            sheet = workbook[SHEET_TITLE]
        else:
            sheet = workbook.worksheets[0]
        rows = list(enumerate(sheet.iter_rows(values_only=True), start=1))
        workbook.close()
        return rows

    @api.model
    def _header_index(self, header):
        names = [re.sub(r"[\s\-]+", "_", _text(cell).lower()) for cell in header]
        index = {name: position for position, name in enumerate(names) if name}
        missing = [column for column in REQUIRED_COLUMNS if column not in index]
        if missing:
            raise UserError(
                _(
                    "Row 1: the header lacks the column(s) %(missing)s. Expected: "
                    "%(columns)s.",
                    missing=", ".join(missing),
                    columns=", ".join(COLUMNS),
                )
            )
        return {column: index[column] for column in COLUMNS if column in index}

    @api.model
    def _parse_points(self, value):
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, int | float):
            return float(value)
        text = _text(value).replace(",", ".")
        if not text:
            raise ValueError(value)
        return float(text)

    @api.model
    def _parse_min_star(self, value):
        text = _text(value)
        if not text:
            return 0
        if set(text) == {"*"}:
            return len(text)
        return int(float(text))

    @api.model
    def _parse_cells(self, number, cells):
        """One spreadsheet row as a ``_Row`` (not yet placed in the tree) and
        the list of what is wrong with its values."""
        errors = []
        row_type = _text(cells["type"]).lower()
        if row_type not in NODE_TYPES + (OPTION_TYPE,):
            errors.append(
                _(
                    "unknown type %(type)r (expected %(types)s)",
                    type=_text(cells["type"]),
                    types=", ".join(NODE_TYPES + (OPTION_TYPE,)),
                )
            )
        text = _text(cells["text"])
        if not text:
            errors.append(_("the text is empty"))
        try:
            points = self._parse_points(cells["points"])
            if not math.isfinite(points):
                raise ValueError(points)
        except ValueError:
            points = 0.0
            errors.append(
                _("points %(value)r is not a number", value=_text(cells["points"]))
            )
        if points < 0:
            errors.append(
                _(
                    "points %(value)r cannot be negative",
                    value=_text(cells["points"]),
                )
            )
        try:
            min_star = self._parse_min_star(cells.get("min_star"))
        except ValueError:
            min_star = None
        if min_star not in MIN_STARS:
            errors.append(
                _(
                    "min_star %(value)r must be empty, 3, 4 or 5",
                    value=_text(cells.get("min_star")),
                )
            )
        row = _Row(
            number=number,
            type=row_type,
            code=_text(cells["code"]),
            parent_code=_text(cells["parent_code"]),
            text=text,
            points=points,
            min_star=min_star or 0,
            case=_text(cells.get("case")),
            notes=_text(cells.get("notes")),
            knockout_rule=_text(cells.get("knockout_rule")),
            scoring_note=_text(cells.get("scoring_note")),
        )
        return row, errors

    @api.model
    def _node_placement_errors(self, row, by_code):
        errors = []
        if not row.code:
            errors.append(_("a %(type)s needs a code", type=row.type))
        elif row.code in by_code:
            errors.append(
                _(
                    "code %(code)s is already used on row %(row)s",
                    code=row.code,
                    row=by_code[row.code].number,
                )
            )
        expected = PARENT_LEVEL[row.type]
        parent = by_code.get(row.parent_code) if row.parent_code else None
        if expected is None:
            if row.parent_code:
                errors.append(_("a part has no parent code"))
        elif not row.parent_code:
            errors.append(_("a %(type)s needs a parent code", type=row.type))
        elif parent is None:
            errors.append(
                _(
                    "parent %(parent)s not found (the parent must be a part, "
                    "section or criterion listed above)",
                    parent=row.parent_code,
                )
            )
        elif parent.type != expected:
            errors.append(
                _(
                    "a %(type)s must be under a %(expected)s, not under "
                    "%(parent)s (%(parent_type)s)",
                    type=row.type,
                    expected=expected,
                    parent=row.parent_code,
                    parent_type=parent.type,
                )
            )
        elif parent.options:
            errors.append(
                _(
                    "%(parent)s already has options: a node with options cannot "
                    "have children",
                    parent=row.parent_code,
                )
            )
        return errors

    @api.model
    def _option_placement_errors(self, row, by_code):
        parent = by_code.get(row.parent_code) if row.parent_code else None
        if not row.parent_code:
            return [_("an option needs the code of its criterion")]
        if parent is None:
            return [
                _(
                    "parent %(parent)s not found (an option follows the "
                    "criterion it belongs to)",
                    parent=row.parent_code,
                )
            ]
        if parent.type == "part":
            return [_("an option cannot belong to a part")]
        if parent.children:
            return [
                _(
                    "%(parent)s has sub-criteria: only a leaf has options",
                    parent=row.parent_code,
                )
            ]
        return []

    @api.model
    def _parse_rows(self, raw_rows):
        """Turn the sheet into nodes and options, checking everything that
        does not need the database. Returns ``(nodes in order, errors)``."""
        if not raw_rows:
            raise UserError(_("The spreadsheet is empty."))
        columns = self._header_index(raw_rows[0][1])
        errors = []
        nodes = []
        by_code = {}
        rejected = set()  # codes of the node rows refused
        for number, values in raw_rows[1:]:
            cells = {
                column: values[position] if position < len(values) else None
                for column, position in columns.items()
            }
            if all(_text(value) == "" for value in cells.values()):
                continue
            row, row_errors = self._parse_cells(number, cells)
            if row.parent_code in rejected:
                # Its parent row is already reported: do not add "not found".
                row_errors.append(None)
            elif row.type in NODE_TYPES:
                row_errors += self._node_placement_errors(row, by_code)
            elif row.type == OPTION_TYPE:
                row_errors += self._option_placement_errors(row, by_code)
            if row_errors:
                if row.type != OPTION_TYPE and row.code:
                    rejected.add(row.code)
                for reason in filter(None, row_errors):
                    errors.append(
                        _("Row %(row)s: %(reason)s.", row=number, reason=reason)
                    )
            elif row.type == OPTION_TYPE:
                by_code[row.parent_code].options.append(row)
            else:
                by_code[row.code] = row
                nodes.append(row)
                if row.parent_code:
                    by_code[row.parent_code].children.append(row)
        if not errors:
            errors = self._check_tree(nodes)
        return nodes, errors

    @api.model
    def _check_tree(self, nodes):
        """Leaves have options, nodes add up (row numbers in the messages); the
        parts against the framework are checked by the model afterwards."""
        errors = []
        if not nodes:
            errors.append(_("The spreadsheet has no criteria."))
        for node in nodes:
            reason = None
            if node.children:
                total = sum(child.points for child in node.children)
                if float_compare(total, node.points, 2):
                    reason = _(
                        "%(code)s has %(points)s points but its children sum to "
                        "%(total)s",
                        code=node.code,
                        points=node.points,
                        total=total,
                    )
            elif not node.options:
                reason = _(
                    "%(code)s has neither sub-criteria nor options (a leaf "
                    "criterion needs at least one option)",
                    code=node.code,
                )
            else:
                best = max(option.points for option in node.options)
                if float_compare(best, node.points, 2):
                    reason = _(
                        "%(code)s has %(points)s points but its best option "
                        "gives %(best)s",
                        code=node.code,
                        points=node.points,
                        best=best,
                    )
            if reason:
                errors.append(
                    _("Row %(row)s: %(reason)s.", row=node.number, reason=reason)
                )
        return errors

    # ------------------------------------------------------------------ writing

    def _dependents(self, criteria_set):
        """Records of other models pointing at the set, its criteria or its
        options (dossiers, evaluations, ...): ``[(model description, count)]``.
        """
        criteria = criteria_set.criterion_ids
        targets = {
            "ocop.criteria.set": criteria_set.ids,
            "ocop.criterion": criteria.ids,
            "ocop.criterion.option": criteria.option_ids.ids,
        }
        own_models = set(targets) | {self._name}
        result = []
        relational = (
            self.env["ir.model.fields"]
            .sudo()
            .search(
                [
                    ("ttype", "=", "many2one"),
                    ("relation", "in", list(targets)),
                    ("store", "=", True),
                    ("model", "not in", list(own_models)),
                ]
            )
        )
        for rel_field in relational:
            model = self.env.get(rel_field.model)
            ids = targets[rel_field.relation]
            if model is None or model._transient or model._abstract or not ids:
                continue
            count = (
                model.sudo()
                .with_context(active_test=False)
                .search_count([(rel_field.name, "in", ids)])
            )
            if count:
                result.append((model._description, count))
        return result

    def _target_set(self):
        """The set to fill: a new one, or the existing one emptied."""
        Set = self.env["ocop.criteria.set"]
        if self.mode == "replace":
            if not self.set_id:
                raise UserError(_("Choose the criteria set to replace."))
            used = self._dependents(self.set_id)
            if used:
                raise UserError(
                    _(
                        "The criteria of %(set)s cannot be replaced: they are used "
                        "by %(used)s. Import the file as a new set instead.",
                        set=self.set_id.display_name,
                        used=", ".join(f"{count} {name}" for name, count in used),
                    )
                )
            self.set_id.criterion_ids.unlink()
            return self.set_id
        missing = [
            label
            for label, value in (
                (_("Name"), self.name),
                (_("Code"), self.code),
                (_("Framework"), self.framework_id),
            )
            if not value
        ]
        if missing:
            raise UserError(
                _("A new criteria set needs: %(fields)s.", fields=", ".join(missing))
            )
        if Set.with_context(active_test=False).search_count([("code", "=", self.code)]):
            raise UserError(
                _(
                    "A criteria set with the code %(code)s already exists.",
                    code=self.code,
                )
            )
        return Set.create(
            {
                "name": self.name,
                "code": self.code,
                "set_no": self.set_no,
                "framework_id": self.framework_id.id,
                "product_group_id": self.product_group_id.id,
            }
        )

    @api.model
    def _create_tree(self, criteria_set, nodes):
        Criterion = self.env["ocop.criterion"]
        ids = {}
        # Parents first: one create per level, in document order.
        for level in NODE_TYPES:
            rows = [node for node in nodes if node.type == level]
            if not rows:
                continue
            records = Criterion.create(
                [
                    {
                        "set_id": criteria_set.id,
                        "parent_id": ids.get(row.parent_code, False),
                        "level": row.type,
                        "code": row.code,
                        "name": row.text,
                        "max_points": row.points,
                        "sequence": row.number * 10,
                        "notes": row.notes or False,
                        "knockout_rule": row.knockout_rule or False,
                        "scoring_note": row.scoring_note or False,
                    }
                    for row in rows
                ]
            )
            ids.update(zip([row.code for row in rows], records.ids, strict=True))
        self.env["ocop.criterion.option"].create(
            [
                {
                    "criterion_id": ids[node.code],
                    "name": option.text,
                    "points": option.points,
                    "min_star": option.min_star,
                    "case_label": option.case or False,
                    "sequence": index * 10,
                }
                for node in nodes
                for index, option in enumerate(node.options, start=1)
            ]
        )

    def action_import(self):
        self.ensure_one()
        nodes, errors = self._parse_rows(self._read_sheet())
        if errors:
            raise UserError(self._errors_message(errors))
        # All or nothing: a savepoint undoes the writes even if the caller
        # catches the error, and the request's transaction is rolled back too.
        with self.env.cr.savepoint():
            criteria_set = self._target_set()
            self._create_tree(criteria_set, nodes)
            self.env.flush_all()
            errors = criteria_set._consistency_errors()
            if errors:
                raise UserError(self._errors_message(errors))
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.criteria.set",
            "res_id": criteria_set.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.model
    def _errors_message(self, errors):
        shown = errors[:MAX_REPORTED_ERRORS]
        lines = [_("The file was not imported:"), *shown]
        if len(errors) > len(shown):
            lines.append(_("... and %(count)s more.", count=len(errors) - len(shown)))
        return "\n".join(lines)
