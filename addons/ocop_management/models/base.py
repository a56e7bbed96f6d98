# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# The longest value a one-line text field of an OCOP record takes: a product
# name, a reference, a decision number. Longer text goes in a Text field.
CHAR_MAX_LENGTH = 512
# PostgreSQL's int4
INT_MAX = 2**31 - 1


def _shown(value):
    """A short, safe rendering of a rejected value for the message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


class Base(models.AbstractModel):
    """Input checks of every OCOP model (``ocop.*``), in one place.

    Any logged-in user can send any value through JSON-RPC: a text where an
    id is expected, "31/02/2026" for a date, a list for a many2one. Odoo would
    pass some of them to PostgreSQL and answer with a database error (or a
    Python traceback); here each gets a clear message naming the field, and
    nothing is written. Blank required names and over-long one-line texts are
    refused as well, for every caller (the server's own code included)."""

    _inherit = "base"

    @api.model_create_multi
    def create(self, vals_list):
        if self._name.startswith("ocop."):
            for vals in vals_list:
                self._ocop_check_input(vals, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if self._name.startswith("ocop."):
            self._ocop_check_input(vals)
        return super().write(vals)

    def _ocop_check_input(self, vals, creating=False):
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                raise ValidationError(
                    _(
                        "Unknown field %(field)s on %(model)s.",
                        field=_shown(name),
                        model=self._description,
                    )
                )
            error = None
            if not self.env.su:
                error = self._ocop_type_error(field, value)
            if error is None and field.type == "char" and field.required:
                if not (isinstance(value, str) and value.strip()):
                    error = _("%(field)s is required.")
            if (
                error is None
                and field.type == "char"
                and isinstance(value, str)
                and len(value) > (field.size or CHAR_MAX_LENGTH)
            ):
                error = _(
                    "%(field)s is too long: at most %(max)s characters.",
                    field="%(field)s",
                    max=field.size or CHAR_MAX_LENGTH,
                )
            if error is not None:
                raise ValidationError(
                    error
                    % {
                        "field": field._description_string(self.env),
                        "value": _shown(value),
                    }
                )

    def _ocop_type_error(self, field, value):
        """The message (with %(field)s and %(value)s left to fill) when
        ``value`` cannot be stored in ``field``, else None."""
        kind = field.type
        if value is False or value is None:
            return None
        if kind == "many2one":
            if isinstance(value, models.BaseModel):
                ok = value._name == field.comodel_name and len(value) <= 1
            else:
                ok = type(value) is int and 0 < value <= INT_MAX
            if not ok:
                return _("%(field)s: %(value)s is not a valid record.")
        elif kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int | float):
                return _("%(field)s: a whole number is expected, not %(value)s.")
            if value != int(value) or abs(value) > INT_MAX:
                return _("%(field)s: a whole number is expected, not %(value)s.")
        elif kind in ("float", "monetary"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                return _("%(field)s: a number is expected, not %(value)s.")
        elif kind in ("char", "text", "html"):
            if not isinstance(value, str):
                return _("%(field)s: a text is expected, not %(value)s.")
        elif kind == "selection":
            if value not in field.get_values(self.env):
                return _("%(field)s: %(value)s is not one of the allowed values.")
        elif kind == "date":
            if not isinstance(value, datetime.date):
                try:
                    fields.Date.to_date(value)
                except (TypeError, ValueError):
                    return _(
                        "%(field)s: %(value)s is not a valid date "
                        "(expected YYYY-MM-DD)."
                    )
        elif kind == "datetime":
            if not isinstance(value, datetime.datetime):
                try:
                    fields.Datetime.to_datetime(value)
                except (TypeError, ValueError):
                    return _(
                        "%(field)s: %(value)s is not a valid date and time "
                        "(expected YYYY-MM-DD HH:MM:SS)."
                    )
        elif kind in ("one2many", "many2many"):
            if isinstance(value, models.BaseModel):
                return None
            if not isinstance(value, list | tuple) or not all(
                isinstance(command, list | tuple | int) for command in value
            ):
                return _("%(field)s: a list of operations is expected.")
        return None
