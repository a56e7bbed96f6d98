# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values and formatting helpers of the printed OCOP documents (Vietnamese
administrative style), shared by the reports of both addons."""

from odoo import api, models
from odoo.tools import formatLang

BLANK = "……"


class OcopReportMixin(models.AbstractModel):
    _name = "ocop.report.mixin"
    _description = "OCOP Report Helpers"
    _ocop_docs_model = None  # the model of the printed records

    @api.model
    def _get_report_values(self, docids, data=None):
        return {
            "doc_ids": docids,
            "doc_model": self._ocop_docs_model,
            "docs": self.env[self._ocop_docs_model].browse(docids),
            **self._ocop_helpers(),
        }

    @api.model
    def _ocop_helpers(self):
        return {
            "ocop_date": self._ocop_date,
            "ocop_date_parts": self._ocop_date_parts,
            "ocop_unit_name": self._ocop_unit_name,
            "ocop_place_name": self._ocop_place_name,
            "ocop_points": self._ocop_points,
            "ocop_stars": self._ocop_stars,
        }

    @api.model
    def _ocop_date(self, value):
        """dd/mm/yyyy, or an empty string."""
        return value.strftime("%d/%m/%Y") if value else ""

    @api.model
    def _ocop_date_parts(self, value):
        """Day, month and year as written in Vietnamese administrative documents
        (Nghị định 30/2020/NĐ-CP: a leading zero for days below 10 and for
        months 1 and 2); dots for a date still to be written by hand."""
        if not value:
            return BLANK, BLANK, BLANK
        month = "%02d" % value.month if value.month < 3 else str(value.month)
        return "%02d" % value.day, month, str(value.year)

    @api.model
    def _ocop_unit_name(self, unit):
        """Official name with the division type: "Tỉnh Gia Lai", "Thành phố
        Hà Nội", "Xã Ia Hrung"."""
        name = " ".join((unit.name or "").split())
        division = (unit.division_type or "").strip()
        if division and not name.lower().startswith(division.split()[0].lower()):
            name = f"{division[:1].upper()}{division[1:]} {name}"
        return name

    @api.model
    def _ocop_place_name(self, unit):
        """Name without the division type, as in the place and date line
        ("Gia Lai, ngày …")."""
        name = " ".join((unit.name or "").split())
        words = (unit.division_type or "").split()
        for size in range(len(words), 0, -1):
            prefix = " ".join(words[:size]).lower() + " "
            if name.lower().startswith(prefix):
                return name[len(prefix) :]
        return name

    @api.model
    def _ocop_points(self, value):
        """Points in the language's format, without trailing zeros (40, 71.29)."""
        text = formatLang(self.env, value or 0.0, digits=2)
        decimal_point = (
            self.env["res.lang"]._get_data(code=self.env.lang or "en_US").decimal_point
            or "."
        )
        if decimal_point in text:
            text = text.rstrip("0").rstrip(decimal_point)
        return text

    @api.model
    def _ocop_stars(self, count):
        return "★" * (count or 0)
