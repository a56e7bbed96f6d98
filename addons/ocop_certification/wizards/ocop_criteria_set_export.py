# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The spreadsheet layout shared by the export and the import: one row per node
# (part, section, criterion, sub-criterion) and per option, in document order,
# each option right after its criterion. The headers are technical names (not
# translated) so a file exported in one language imports in any other.
COLUMNS = (
    "type",
    "code",
    "parent_code",
    "text",
    "points",
    "min_star",
    "case",
    "notes",
    "knockout_rule",
    "scoring_note",
)
REQUIRED_COLUMNS = ("type", "code", "parent_code", "text", "points")
NODE_TYPES = ("part", "section", "criterion", "sub")
OPTION_TYPE = "option"
SHEET_TITLE = "criteria"
COLUMN_WIDTHS = {"text": 80, "notes": 50, "knockout_rule": 40, "case": 30}


class OcopCriteriaSetExport(models.TransientModel):
    _name = "ocop.criteria.set.export"
    _description = "Export an OCOP Criteria Set to a Spreadsheet"

    set_id = fields.Many2one(
        "ocop.criteria.set", string="Criteria Set", required=True, ondelete="cascade"
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)
    state = fields.Selection(
        [("choose", "Choose"), ("done", "Done")], default="choose", required=True
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "ocop.criteria.set":
            active_ids = context.get("active_ids") or [context.get("active_id")]
            active_ids = [record_id for record_id in active_ids if record_id]
            if len(active_ids) > 1:
                raise UserError(_("Export one criteria set at a time."))
            if active_ids and "set_id" in fields_list:
                values["set_id"] = active_ids[0]
        return values

    @api.model
    def _rows(self, criteria_set):
        """The rows of the spreadsheet (without the header) for one set."""
        rows = []
        nodes = criteria_set.criterion_ids.sorted(lambda n: (n.sequence, n.id))
        for node in nodes:
            rows.append(
                {
                    "type": node.level,
                    "code": node.code,
                    "parent_code": node.parent_id.code or "",
                    "text": node.name,
                    "points": node.max_points,
                    "min_star": None,
                    "case": "",
                    "notes": node.notes or "",
                    "knockout_rule": node.knockout_rule or "",
                    "scoring_note": node.scoring_note or "",
                }
            )
            for option in node.option_ids.sorted(lambda o: (o.sequence, o.id)):
                rows.append(
                    {
                        "type": OPTION_TYPE,
                        "code": "",
                        "parent_code": node.code,
                        "text": option.name,
                        "points": option.points,
                        "min_star": option.min_star or None,
                        "case": option.case_label or "",
                        "notes": "",
                        "knockout_rule": "",
                        "scoring_note": "",
                    }
                )
        return rows

    @api.model
    def _xlsx_content(self, criteria_set):
        """The XLSX file of one criteria set, as bytes."""
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = SHEET_TITLE
        sheet.append(list(COLUMNS))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in self._rows(criteria_set):
            points = row["points"]
            if float(points).is_integer():
                row["points"] = int(points)
            sheet.append([row[column] for column in COLUMNS])
        wrap = Alignment(wrap_text=True, vertical="top")
        for index, column in enumerate(COLUMNS, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = COLUMN_WIDTHS.get(column, 12)
            if column in COLUMN_WIDTHS:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.alignment = wrap
        sheet.freeze_panes = "A2"
        with io.BytesIO() as buffer:
            workbook.save(buffer)
            return buffer.getvalue()

    def action_export_xlsx(self):
        self.ensure_one()
        content = self._xlsx_content(self.set_id)
        self.write(
            {
                "file_data": base64.b64encode(content),
                "file_name": "%s.xlsx" % (self.set_id.code or "criteria"),
                "state": "done",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "name": _("Export Criteria Set"),
        }
