# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The progress report as an XLSX workbook (xlsxwriter, a dependency of
Odoo itself). Numbers are written as values, not formulas, so that any
reader (openpyxl, LibreOffice without recalculation) sees the totals."""

import io

import xlsxwriter

from odoo import _


def progress_report_xlsx(report):
    """Bytes of the workbook of one report: its figures; for a consolidated
    report also one row per report received and the units not reported."""
    report.ensure_one()
    rows = report._figure_rows()
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    title = workbook.add_format({"bold": True, "font_size": 14})
    header = workbook.add_format(
        {"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True}
    )
    section_format = workbook.add_format({"bold": True, "border": 1})
    cell = workbook.add_format({"border": 1})
    number = workbook.add_format({"border": 1, "num_format": "#,##0"})
    total = workbook.add_format({"border": 1, "bold": True, "num_format": "#,##0"})

    sheet = workbook.add_worksheet(_("Figures"))
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 48)
    sheet.set_column(2, 2, 20)
    sheet.write(0, 0, report.name, title)
    sheet.write(
        1,
        0,
        _(
            "Period: %(start)s - %(end)s",
            start=report.period_start,
            end=report.period_end,
        ),
    )
    sheet.write(
        2,
        0,
        _(
            "State: %(state)s",
            state=dict(report._fields["state"]._description_selection(report.env))[
                report.state
            ],
        ),
    )
    line = 4
    sheet.write_row(line, 0, ["#", _("Figure"), _("Value")], header)
    current_section = None
    index = 0
    for section, label, name in rows:
        if section != current_section:
            line += 1
            sheet.merge_range(line, 0, line, 2, section, section_format)
            current_section = section
        line += 1
        index += 1
        sheet.write(line, 0, index, cell)
        sheet.write(line, 1, label, cell)
        sheet.write_number(line, 2, report[name] or 0, number)

    if report.kind == "consolidated":
        received = report.child_report_ids.sorted(
            lambda r: (r.agency_id.name or "", r.admin_unit_id.name or "")
        )
        units = workbook.add_worksheet(_("By Unit"))
        units.set_column(0, 0, 32)
        units.set_column(1, len(rows) + 3, 14)
        labels = [_("Unit"), _("Submitted on"), _("Late")] + [
            label for __, label, __ in rows
        ]
        units.write_row(0, 0, labels, header)
        for row_index, child in enumerate(received, start=1):
            units.write(
                row_index, 0, child.agency_id.name or child.admin_unit_id.name, cell
            )
            units.write(row_index, 1, str(child.date_submitted or ""), cell)
            units.write(row_index, 2, _("Yes") if child.is_late else _("No"), cell)
            for column, (__, __, name) in enumerate(rows, start=3):
                units.write_number(row_index, column, child[name] or 0, number)
        total_row = len(received) + 1
        units.write(total_row, 0, _("Total of the units"), header)
        for column, (__, __, name) in enumerate(rows, start=3):
            territorial = received.filtered(lambda r: not r.agency_id)
            units.write_number(total_row, column, sum(territorial.mapped(name)), total)

        missing = workbook.add_worksheet(_("Not Reported"))
        missing.set_column(0, 0, 40)
        missing.write_row(0, 0, [_("Unit"), _("Code")], header)
        row_index = 0
        for unit in report.missing_unit_ids:
            row_index += 1
            missing.write_row(row_index, 0, [unit.name, unit.code or ""], cell)
        for agency in report.missing_agency_ids:
            row_index += 1
            missing.write_row(row_index, 0, [agency.name, ""], cell)
    workbook.close()
    return buffer.getvalue()
