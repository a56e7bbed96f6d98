# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import unicodedata

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

_logger = logging.getLogger(__name__)

# The pre-2025 units the seed letter (Ia Grai district, Gia Lai, 2021) needs.
# Everything else comes from the PyPI packages, never from a hand-typed list.
HISTORICAL_DISTRICTS = [("Tỉnh Gia Lai", "Huyện Ia Grai")]


def strip_accents(text):
    """Lower-case ASCII form of a Vietnamese text ("Đắk Lắk" -> "dak lak")."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


# a change of one of these may add or remove a province in force
PROVINCE_CACHE_FIELDS = {"level", "is_historical", "active"}


class OcopAdminUnit(models.Model):
    _name = "ocop.admin.unit"
    _description = "Administrative Unit"
    _parent_name = "parent_id"
    _parent_store = True
    _order = "level_order, code, id"
    _rec_names_search = ["name", "code", "search_name"]

    name = fields.Char(required=True, index="trigram")
    code = fields.Char(
        required=True,
        index=True,
        help="Official code of the unit (QĐ 19/2025/QĐ-TTg for current units, "
        "the former national list for historical units).",
    )
    level = fields.Selection(
        [("province", "Province"), ("district", "District"), ("commune", "Commune")],
        required=True,
        index=True,
    )
    level_order = fields.Integer(compute="_compute_level_order", store=True)
    division_type = fields.Char(
        help="As printed in the official name: tỉnh, thành phố, xã, phường, "
        "thị trấn, đặc khu, huyện…",
    )
    parent_id = fields.Many2one(
        "ocop.admin.unit", string="Parent Unit", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("ocop.admin.unit", "parent_id", string="Sub-units")
    province_id = fields.Many2one(
        "ocop.admin.unit",
        compute="_compute_province_id",
        store=True,
        index=True,
        recursive=True,
        help="The province this unit belongs to (itself for a province).",
    )
    date_start = fields.Date(string="Valid From")
    date_end = fields.Date(
        string="Valid Until",
        help="Last day the unit existed. Empty for units in force.",
    )
    is_historical = fields.Boolean(
        string="Historical",
        default=False,
        required=True,
        index=True,
        help="A unit abolished by a reorganisation; kept for the records made "
        "while it existed.",
    )
    successor_ids = fields.Many2many(
        "ocop.admin.unit",
        "ocop_admin_unit_successor_rel",
        "unit_id",
        "successor_id",
        string="Successor Units",
        help="The current units that took over this unit's territory.",
    )
    predecessor_ids = fields.Many2many(
        "ocop.admin.unit",
        "ocop_admin_unit_successor_rel",
        "successor_id",
        "unit_id",
        string="Predecessor Units",
    )
    search_name = fields.Char(
        compute="_compute_search_name",
        store=True,
        index="trigram",
        help="Name without diacritics, so that 'ia grai' finds 'Ia Grai'.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_level_uniq",
            "unique(code, level, is_historical)",
            "An administrative unit with this code already exists at this level.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        units = super().create(vals_list)
        if any(unit.level == "province" for unit in units):
            self.env.registry.clear_cache()  # _current_province_ids
        return units

    def write(self, vals):
        result = super().write(vals)
        if PROVINCE_CACHE_FIELDS.intersection(vals):
            self.env.registry.clear_cache()  # _current_province_ids
        return result

    def unlink(self):
        provinces = any(unit.level == "province" for unit in self)
        result = super().unlink()
        if provinces:
            self.env.registry.clear_cache()  # _current_province_ids
        return result

    @api.model
    def _current_provinces(self):
        """The provinces in force: the units the nation's report expects."""
        return self.browse(self._current_province_ids())

    @tools.ormcache()
    def _current_province_ids(self):
        # Cached: they change only with a reorganisation, and creating,
        # archiving, reclassifying or deleting a province clears the cache
        # (create/write/unlink), in every worker.
        return tuple(
            self.sudo()
            .with_context(active_test=True)
            .search([("level", "=", "province"), ("is_historical", "=", False)])
            .ids
        )

    @api.depends("level")
    def _compute_level_order(self):
        order = {"province": 1, "district": 2, "commune": 3}
        for unit in self:
            unit.level_order = order.get(unit.level, 9)

    @api.depends("level", "parent_id.province_id")
    def _compute_province_id(self):
        for unit in self:
            if unit.level == "province":
                unit.province_id = unit
            else:
                unit.province_id = unit.parent_id.province_id

    @api.depends("name")
    def _compute_search_name(self):
        for unit in self:
            unit.search_name = strip_accents(unit.name)

    @api.depends("name", "parent_id.name", "is_historical")
    def _compute_display_name(self):
        for unit in self:
            name = unit.name or ""
            if unit.parent_id and unit.level != "province":
                name = f"{name}, {unit.parent_id.name}"
            if unit.is_historical:
                name = _("%(name)s (historical)", name=name)
            unit.display_name = name

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if isinstance(value, str) and value and operator in ("ilike", "=ilike", "like"):
            # Accent-insensitive match on top of name/code, whatever the user typed.
            domain = expression.OR(
                [domain, [("search_name", "ilike", strip_accents(value))]]
            )
        return domain

    @api.constrains("level", "parent_id")
    def _check_hierarchy(self):
        allowed = {
            "province": (False,),
            "district": ("province",),
            "commune": ("province", "district"),
        }
        for unit in self:
            if unit.parent_id.level not in allowed[unit.level] and not (
                unit.level == "province" and not unit.parent_id
            ):
                raise ValidationError(
                    _(
                        "%(unit)s: a %(level)s cannot belong to %(parent)s.",
                        unit=unit.name,
                        level=dict(self._fields["level"].selection)[unit.level],
                        parent=unit.parent_id.display_name,
                    )
                )
            if unit.level == "commune" and not unit.parent_id:
                raise ValidationError(
                    _("The commune %(unit)s must belong to a province.", unit=unit.name)
                )
        if self._has_cycle():
            raise ValidationError(_("Administrative units cannot contain themselves."))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for unit in self:
            if unit.date_start and unit.date_end and unit.date_end < unit.date_start:
                raise ValidationError(
                    _("%(unit)s ends before it starts.", unit=unit.name)
                )

    def _officers(self, group_xmlid, exclude_xmlid=None):
        """Users of a group whose territories contain this unit (the unit is
        one of theirs or lies below one of theirs), without the users of
        ``exclude_xmlid`` (e.g. commune officers who are not also programme
        officers). Read from ``parent_path``, without a query per user."""
        self.ensure_one()
        users = self.env.ref(group_xmlid).users
        if exclude_xmlid:
            users -= self.env.ref(exclude_xmlid).users
        path = self.parent_path or ""
        return users.filtered(
            lambda user: any(
                path.startswith(unit.parent_path) for unit in user.ocop_admin_unit_ids
            )
        )

    def _programme_officers(self):
        """The programme officers (not managers) whose territory contains
        this unit."""
        return self._officers(
            "ocop_management.group_ocop_programme_officer",
            "ocop_management.group_ocop_manager",
        )

    # ------------------------------------------------------------------
    # Loading from the PyPI packages
    # ------------------------------------------------------------------
    @api.model
    def _load_current_units(self):
        """Create or update the 34 provinces and 3,321 communes in force since
        1/7/2025, from the ``vietnam-provinces`` package. Idempotent: a unit
        is matched on (level, code); only changed values are written."""
        try:
            import vietnam_provinces as vnp
        except ImportError as err:  # pragma: no cover - external dependency
            raise UserError(
                _("The Python package 'vietnam-provinces' is not installed.")
            ) from err
        reform_date = fields.Date.to_date("2025-07-01")
        existing = {
            (u.level, u.code): u
            for u in self.with_context(active_test=False).search(
                [("is_historical", "=", False)]
            )
        }
        stats = {"created": 0, "updated": 0}

        def upsert(vals):
            unit = existing.get((vals["level"], vals["code"]))
            if unit:
                changes = {
                    k: v
                    for k, v in vals.items()
                    if (
                        unit[k].id if isinstance(unit[k], models.BaseModel) else unit[k]
                    )
                    != v
                }
                if changes:
                    unit.write(changes)
                    stats["updated"] += 1
                return unit
            stats["created"] += 1
            return None

        provinces = {}
        to_create = []
        for prov in vnp.Province.iter_all():
            vals = {
                "name": " ".join(prov.name.split()),
                "code": "%02d" % int(prov.code),
                "level": "province",
                "division_type": prov.division_type.value,
                "date_start": reform_date,
            }
            unit = upsert(vals)
            if unit:
                provinces[vals["code"]] = unit
            else:
                to_create.append(vals)
        for unit in self.create(to_create):
            provinces[unit.code] = unit
            existing[("province", unit.code)] = unit
        to_create = []
        for ward in vnp.Ward.iter_all():
            vals = {
                "name": " ".join(ward.name.split()),
                "code": "%05d" % int(ward.code),
                "level": "commune",
                "division_type": ward.division_type.value,
                "parent_id": provinces["%02d" % int(ward.province_code)].id,
                "date_start": reform_date,
            }
            if not upsert(vals):
                to_create.append(vals)
        self.create(to_create)
        _logger.info(
            "Administrative units from vietnam-provinces: %(created)s created, "
            "%(updated)s updated",
            stats,
        )
        return stats

    @api.model
    def _load_historical_units(self):
        """Create the pre-2025 units the seed needs (province, district and its
        communes) as historical units, each mapped to its successor, using the
        ``vietnamadminunits`` package (legacy data set and its 2025 converter)."""
        try:
            from vietnamadminunits import ParseMode, convert_address, parse_address
        except ImportError as err:  # pragma: no cover - external dependency
            raise UserError(
                _("The Python package 'vietnamadminunits' is not installed.")
            ) from err
        reform_date = fields.Date.to_date("2025-06-30")
        unit_model = self.with_context(active_test=False)
        current_by_code = {
            (u.level, u.code): u
            for u in unit_model.search([("is_historical", "=", False)])
        }
        historical_by_code = {
            (u.level, u.code): u
            for u in unit_model.search([("is_historical", "=", True)])
        }
        stats = {"created": 0, "updated": 0}

        def ensure(vals, successors):
            vals = dict(vals, is_historical=True, date_end=reform_date)
            vals["successor_ids"] = [fields.Command.set(successors.ids)]
            unit = historical_by_code.get((vals["level"], vals["code"]))
            if not unit:
                unit = unit_model.create(vals)
                historical_by_code[(vals["level"], vals["code"])] = unit
                stats["created"] += 1
                return unit
            changes = {
                k: v
                for k, v in vals.items()
                if k != "successor_ids"
                and (unit[k].id if isinstance(unit[k], models.BaseModel) else unit[k])
                != v
            }
            if set(unit.successor_ids.ids) != set(successors.ids):
                changes["successor_ids"] = vals["successor_ids"]
            if changes:
                unit.write(changes)
                stats["updated"] += 1
            return unit

        for province_name, district_name in HISTORICAL_DISTRICTS:
            communes = self._legacy_communes(province_name, district_name)
            if not communes:
                continue
            first = communes[0]
            new_province_codes = set()
            commune_rows = []
            for row in communes:
                address = f"{row['ward']}, {district_name}, {province_name}"
                new = convert_address(address)
                successor = current_by_code.get(
                    ("commune", "%05d" % int(new.ward_code))
                )
                new_province_codes.add("%02d" % int(new.province_code))
                commune_rows.append((row, successor))
            province_successors = self.browse(
                [
                    current_by_code[("province", code)].id
                    for code in sorted(new_province_codes)
                    if ("province", code) in current_by_code
                ]
            )
            old_province = parse_address(
                f"{district_name}, {province_name}", mode=ParseMode.LEGACY, level=2
            )
            province = ensure(
                {
                    "name": old_province.province,
                    "code": "%02d" % int(first["province_code"]),
                    "level": "province",
                    "division_type": "tỉnh",
                },
                province_successors,
            )
            commune_successors = self.browse([s.id for _row, s in commune_rows if s])
            district = ensure(
                {
                    "name": district_name,
                    "code": "%03d" % int(first["district_code"]),
                    "level": "district",
                    "division_type": first["district_type"].lower(),
                    "parent_id": province.id,
                },
                commune_successors,
            )
            for row, successor in commune_rows:
                ensure(
                    {
                        "name": row["ward"],
                        "code": "%05d" % int(row["ward_code"]),
                        "level": "commune",
                        "division_type": row["ward_type"].lower(),
                        "parent_id": district.id,
                    },
                    successor or self.browse(),
                )
        return stats

    @api.model
    def _legacy_communes(self, province_name, district_name):
        """Communes of a pre-2025 district, read from the legacy data set that
        ships with ``vietnamadminunits``."""
        import sqlite3
        from pathlib import Path

        import vietnamadminunits

        db_path = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
            con.row_factory = sqlite3.Row
            rows = con.execute(
                "SELECT province, provinceCode AS province_code, district, "
                "districtCode AS district_code, districtType AS district_type, "
                "ward, wardCode AS ward_code, wardType AS ward_type "
                "FROM admin_units_legacy WHERE province = ? AND district = ? "
                "ORDER BY wardCode",
                (province_name, district_name),
            ).fetchall()
        return [dict(r) for r in rows]

    @api.model
    def action_update_units(self):
        """Menu action "Update administrative units"."""
        if not self.env.user.has_group("ocop_management.group_ocop_manager"):
            raise UserError(_("Only OCOP managers can update administrative units."))
        current = self.sudo()._load_current_units()
        historical = self.sudo()._load_historical_units()
        message = _(
            "Administrative units updated: %(created)s created, %(updated)s updated.",
            created=current["created"] + historical["created"],
            updated=current["updated"] + historical["updated"],
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Administrative units"),
                "message": message,
                "type": "success",
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _load_all_units(self):
        """Entry point of the module's data file (install and upgrade)."""
        self._load_current_units()
        self._load_historical_units()
