# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import math

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


def _valid_id(value):
    return type(value) is int and 0 < value <= INT_MAX


def _valid_commands(value):
    """Whether ``value`` is what an x2many field takes: a list of ids, or a
    list of commands (``Command``) each of the right shape. The ORM passes
    others on, to fail with a Python or database error (an unknown command
    is even ignored without a word)."""
    if not value:
        return True
    if not isinstance(value[0], list | tuple):
        # a list of ids: Command.set()
        return all(_valid_id(item) for item in value)
    for command in value:
        if not isinstance(command, list | tuple) or not command:
            return False
        code = command[0]
        # Command is an IntEnum, the web client sends plain ints
        if not isinstance(code, int) or isinstance(code, bool) or not 0 <= code <= 6:
            return False
        # CREATE takes a dict (the id is a placeholder, e.g. the web client's
        # "virtual_3"); UPDATE an id and a dict; DELETE, UNLINK, LINK an id;
        # SET a list of ids; CLEAR nothing.
        if code == 0 and not (len(command) == 3 and isinstance(command[2], dict)):
            return False
        if code == 1 and not (
            len(command) == 3 and _valid_id(command[1]) and isinstance(command[2], dict)
        ):
            return False
        if code in (2, 3, 4) and not (len(command) >= 2 and _valid_id(command[1])):
            return False
        if code == 6 and not (
            len(command) == 3
            and isinstance(command[2], list | tuple)
            and all(_valid_id(item) for item in command[2])
        ):
            return False
    return True


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
        if not self._name.startswith("ocop."):
            return super().write(vals)
        self._ocop_check_input(vals)
        result = super().write(vals)
        if not self.env.su and any(
            self._fields[name].type == "many2one" for name in vals
        ):
            # Odoo checks the record rules before the write only: a record
            # moved (to another product, commune, session…) must still be
            # one the user may write, or nothing is written.
            self.check_access("write")
        return result

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
        if value is False or value is None:
            return None
        check = _TYPE_CHECKS.get(field.type)
        return check(self, field, value) if check else None


def _number(value):
    """Whether ``value`` is a finite number (JSON-RPC lets NaN and Infinity
    through, which PostgreSQL stores and every sum then carries)."""
    return (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and math.isfinite(value)
    )


def _check_many2one(record, field, value):
    if isinstance(value, models.BaseModel):
        ok = value._name == field.comodel_name and len(value) <= 1
    else:
        ok = _valid_id(value)
    return None if ok else record.env._("%(field)s: %(value)s is not a valid record.")


def _check_integer(record, field, value):
    if not _number(value) or value != int(value) or abs(value) > INT_MAX:
        return record.env._("%(field)s: a whole number is expected, not %(value)s.")
    return None


def _check_float(record, field, value):
    if not _number(value):
        return record.env._("%(field)s: a number is expected, not %(value)s.")
    return None


def _check_text(record, field, value):
    if not isinstance(value, str):
        return record.env._("%(field)s: a text is expected, not %(value)s.")
    return None


def _check_selection(record, field, value):
    if value not in field.get_values(record.env):
        return record.env._("%(field)s: %(value)s is not one of the allowed values.")
    return None


def _check_date(record, field, value):
    if isinstance(value, datetime.date):
        return None
    try:
        fields.Date.to_date(value)
    except (TypeError, ValueError):
        return record.env._(
            "%(field)s: %(value)s is not a valid date (expected YYYY-MM-DD)."
        )
    return None


def _check_datetime(record, field, value):
    if isinstance(value, datetime.datetime):
        return None
    try:
        fields.Datetime.to_datetime(value)
    except (TypeError, ValueError):
        return record.env._(
            "%(field)s: %(value)s is not a valid date and time "
            "(expected YYYY-MM-DD HH:MM:SS)."
        )
    return None


def _check_x2many(record, field, value):
    if isinstance(value, models.BaseModel):
        return None
    if not isinstance(value, list | tuple) or not _valid_commands(value):
        return record.env._("%(field)s: a list of operations is expected.")
    return None


_TYPE_CHECKS = {
    "many2one": _check_many2one,
    "integer": _check_integer,
    "float": _check_float,
    "monetary": _check_float,
    "char": _check_text,
    "text": _check_text,
    "html": _check_text,
    "selection": _check_selection,
    "date": _check_date,
    "datetime": _check_datetime,
    "one2many": _check_x2many,
    "many2many": _check_x2many,
}
