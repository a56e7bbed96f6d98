# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The annex of a recognition decision ("Danh sách sản phẩm được công nhận
đạt sản phẩm OCOP") as an XLSX workbook: one row per recognised product,
grouped by stars from 5 down to 1, as the decisions' annexes are laid out."""

import io

import xlsxwriter

from odoo import _

ANNEX_TITLE = "DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT SẢN PHẨM OCOP"


def certificate_annex_xlsx(certificates):
    """Bytes of the annex workbook of these certificates."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    title = workbook.add_format({"bold": True, "font_size": 14, "align": "center"})
    subtitle = workbook.add_format({"italic": True, "align": "center"})
    header = workbook.add_format(
        {
            "bold": True,
            "bg_color": "#EEEEEE",
            "border": 1,
            "text_wrap": True,
            "align": "center",
        }
    )
    group_format = workbook.add_format({"bold": True, "border": 1})
    cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    centre = workbook.add_format({"border": 1, "align": "center", "valign": "top"})
    score = workbook.add_format({"border": 1, "align": "center", "num_format": "0.00"})
    date_format = workbook.add_format(
        {"border": 1, "align": "center", "num_format": "dd/mm/yyyy"}
    )

    sheet = workbook.add_worksheet(_("Annex"))
    widths = [6, 36, 18, 34, 34, 28, 8, 9, 22, 13, 13]
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    last = len(widths) - 1
    sheet.merge_range(0, 0, 0, last, ANNEX_TITLE, title)
    decisions = sorted({c.decision_number for c in certificates if c.decision_number})
    if decisions:
        sheet.merge_range(
            1,
            0,
            1,
            last,
            "(Kèm theo Quyết định số %s)" % ", ".join(decisions),
            subtitle,
        )
    labels = [
        "STT",
        "Tên sản phẩm",
        "Mã số sản phẩm",
        "Chủ thể",
        "Địa chỉ",
        "Nhóm, bộ sản phẩm",
        "Hạng sao",
        "Điểm",
        "Số quyết định",
        "Ngày công nhận",
        "Hiệu lực đến",
    ]
    sheet.write_row(3, 0, labels, header)
    row = 3
    index = 0
    ordered = certificates.sorted(
        lambda c: (-c.stars, c.commune_id.name or "", c.product_id.name or "")
    )
    current_stars = None
    for certificate in ordered:
        if certificate.stars != current_stars:
            current_stars = certificate.stars
            row += 1
            sheet.merge_range(
                row, 0, row, last, "Sản phẩm đạt %s sao" % current_stars, group_format
            )
        row += 1
        index += 1
        address = ", ".join(
            name
            for name in (certificate.commune_id.name, certificate.province_id.name)
            if name
        )
        sheet.write_number(row, 0, index, centre)
        sheet.write(row, 1, certificate.product_id.name or "", cell)
        sheet.write(row, 2, certificate.product_code or "", centre)
        sheet.write(row, 3, certificate.producer_id.name or "", cell)
        sheet.write(row, 4, address, cell)
        sheet.write(row, 5, certificate.product_id.product_group_id.name or "", cell)
        sheet.write_number(row, 6, certificate.stars, centre)
        sheet.write_number(row, 7, certificate.score or 0.0, score)
        sheet.write(row, 8, certificate.decision_number or "", cell)
        if certificate.issue_date:
            sheet.write_datetime(row, 9, certificate.issue_date, date_format)
        else:
            sheet.write(row, 9, "", cell)
        if certificate.expiry_date:
            sheet.write_datetime(row, 10, certificate.expiry_date, date_format)
        else:
            sheet.write(row, 10, "", cell)
    workbook.close()
    return buffer.getvalue()
