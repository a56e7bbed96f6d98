# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Periodic progress reports (báo cáo định kỳ).

The seed letter asks every commune and every agency to report on their OCOP
duties before the 10th of each month; the programme office consolidates the
reports and sends its own upwards. A report's figures are read from the live
records of its unit when it is prepared and refreshed until it is submitted;
then they are frozen.

Figures come from *figure specifications* (see ``_figure_specs``): a model,
the field that places a record in a commune (and, for agency reports, the
field naming the agency), an aggregate, a domain and a scope:

* ``cycle``  — the records of the report's cycle (year-to-date results);
* ``period`` — the records dated within the report's period;
* ``now``    — the records as they stand when the report is prepared.

``ocop_certification`` extends the list with dossiers, certificates, mark uses
and inspections. One ``_read_group`` per figure serves every report of a batch
(grouped by commune), so preparing the reports of 3,321 communes costs a few
dozen queries, not one per report.

Consolidation: the report of a receiving unit (province) sums the submitted
territorial reports of its communes plus the records attached to the
territory itself (e.g. a provincial fair). When every commune has reported,
its figures equal the live figures of the whole territory. Agency reports are
received, tracked and listed, but not added to the totals: the work they
describe is already counted in the commune where it happened.
"""

import calendar
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from ..workflow import COMMUNE, MANAGER, PROGRAMME, Transition, permitted
from .ocop_workflow_mixin import ALWAYS_WRITABLE

REPORT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("returned", "Returned"),
]
OPEN_STATES = ("draft", "returned")
RECEIVED_STATES = ("submitted", "accepted")
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_lt = LazyTranslate(__name__)


def period_bounds(day, frequency):
    """First and last day of the month (or quarter) containing ``day``."""
    if frequency == "quarterly":
        first_month = 3 * ((day.month - 1) // 3) + 1
        start = date(day.year, first_month, 1)
        end = start + relativedelta(months=3, days=-1)
    else:
        start = day.replace(day=1)
        end = start + relativedelta(months=1, days=-1)
    return start, end


def due_date_of(period_end, due_day):
    """The ``due_day`` of the month after the period (clamped to the month's
    length: a due day of 31 in February is the 28th or 29th)."""
    month = period_end + timedelta(days=1)
    last = calendar.monthrange(month.year, month.month)[1]
    return month.replace(day=max(1, min(due_day or 10, last)))


class OcopProgressReport(models.Model):
    _name = "ocop.progress.report"
    _description = "OCOP Progress Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "period_start desc, kind desc, admin_unit_id, agency_id, id"
    _rec_names_search = ["name", "admin_unit_id.name", "agency_id.name"]

    _ocop_transitions = {
        # the reporting unit (the report's owner, or the officers of its unit)
        "submit": Transition(
            OPEN_STATES,
            "submitted",
            groups=(COMMUNE,),
            territory=False,
            check="_check_reporter",
            label=_lt("Submitting"),
        ),
        "reset_draft": Transition(
            ("returned",),
            "draft",
            groups=(COMMUNE,),
            territory=False,
            check="_check_reporter",
            label=_lt("Resetting to draft"),
        ),
        # the receiving unit's programme office
        "accept": Transition(
            ("submitted",),
            "accepted",
            groups=(PROGRAMME,),
            territory=False,
            check="_check_receiver",
            label=_lt("Accepting"),
        ),
        "return": Transition(
            RECEIVED_STATES,
            "returned",
            groups=(PROGRAMME,),
            territory=False,
            check="_check_receiver",
            reason=True,
            label=_lt("Returning"),
        ),
    }
    # what the preparation sets (who reports what, to whom, by when), the
    # figures read from the live data (added by _ocop_guarded: ocop_certification
    # adds figures) and the dates of the workflow
    _ocop_guarded_fields = (
        "kind",
        "cycle_id",
        "frequency",
        "period_start",
        "period_end",
        "due_date",
        "admin_unit_id",
        "agency_id",
        "receiving_unit_id",
        "company_id",
        "is_late",
        "date_prepared",
        "date_submitted",
        "submitted_by",
        "date_accepted",
        "return_reason",
        "reminder_sent",
        "late_notice_sent",
        "consolidated_report_id",
        "missing_unit_ids",
        "missing_agency_ids",
        "received_count",
        "expected_count",
        "missing_count",
    )
    # a report sent is kept as it was sent, until the receiver returns it
    _ocop_frozen = dict.fromkeys(RECEIVED_STATES, "__all__")
    _ocop_territory_field = "admin_unit_id"

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    kind = fields.Selection(
        [("unit", "Unit Report"), ("consolidated", "Consolidated Report")],
        required=True,
        default="unit",
        readonly=True,
        index=True,
    )
    level = fields.Selection(
        [
            ("commune", "Commune"),
            ("agency", "Agency"),
            ("territory", "Province / District"),
            ("national", "National"),
        ],
        compute="_compute_level",
        store=True,
        index=True,
    )
    cycle_id = fields.Many2one(
        "ocop.cycle",
        index=True,
        ondelete="restrict",
        readonly=True,
        help="The yearly cycle the report belongs to; it sets the frequency "
        "and the due day. Empty for the national consolidation.",
    )
    frequency = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")],
        required=True,
        default="monthly",
        readonly=True,
    )
    period_start = fields.Date(required=True, readonly=True, index=True)
    period_end = fields.Date(required=True, readonly=True)
    period_label = fields.Char(string="Period", compute="_compute_name", store=True)
    year = fields.Integer(compute="_compute_name", store=True, index=True)
    due_date = fields.Date(required=True, readonly=True, index=True, tracking=True)
    admin_unit_id = fields.Many2one(
        "ocop.admin.unit",
        string="Reporting Unit",
        index=True,
        ondelete="restrict",
        readonly=True,
        help="The commune that reports (unit report), or the territory whose "
        "reports are consolidated (consolidated report).",
    )
    agency_id = fields.Many2one(
        "res.partner",
        string="Reporting Agency",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        domain="[('ocop_entity_type', '=', 'agency')]",
    )
    receiving_unit_id = fields.Many2one(
        "ocop.admin.unit",
        index=True,
        ondelete="restrict",
        readonly=True,
        help="The programme office's territory the report is sent to; empty "
        "for a province's report to the central coordination office.",
    )
    province_id = fields.Many2one(
        "ocop.admin.unit",
        compute="_compute_province_id",
        store=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        tracking=True,
        index=True,
        help="Who prepares and submits the report.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    # stored: the figures' amounts are rounded in it on every refresh, and
    # a stored currency comes with the report instead of through its company
    currency_id = fields.Many2one(related="company_id.currency_id", store=True)
    state = fields.Selection(
        REPORT_STATES, default="draft", required=True, tracking=True, index=True
    )
    is_late = fields.Boolean(
        string="Late",
        readonly=True,
        copy=False,
        index=True,
        help="Submitted after the due day, or still not submitted after it.",
    )
    date_prepared = fields.Datetime(string="Figures of", readonly=True, copy=False)
    date_submitted = fields.Datetime(string="Submitted on", readonly=True, copy=False)
    submitted_by = fields.Many2one("res.users", readonly=True, copy=False)
    date_accepted = fields.Datetime(string="Accepted on", readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    late_notice_sent = fields.Boolean(readonly=True, copy=False)
    results = fields.Html()
    difficulties = fields.Html(string="Difficulties and Obstacles")
    proposals = fields.Html(string="Proposals and Recommendations")
    # consolidation
    consolidated_report_id = fields.Many2one(
        "ocop.progress.report",
        string="Consolidated in",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        copy=False,
    )
    child_report_ids = fields.One2many(
        "ocop.progress.report",
        "consolidated_report_id",
        string="Reports Received",
        readonly=True,
    )
    missing_unit_ids = fields.Many2many(
        "ocop.admin.unit",
        "ocop_progress_report_missing_unit_rel",
        "report_id",
        "unit_id",
        string="Units Not Reported",
        readonly=True,
        copy=False,
    )
    missing_agency_ids = fields.Many2many(
        "res.partner",
        "ocop_progress_report_missing_agency_rel",
        "report_id",
        "partner_id",
        string="Agencies Not Reported",
        readonly=True,
        copy=False,
    )
    received_count = fields.Integer(string="Received", readonly=True, copy=False)
    expected_count = fields.Integer(string="Expected", readonly=True, copy=False)
    missing_count = fields.Integer(string="Missing", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Figures (steps 1-4 and 6; ocop_certification adds step 5)
    # ------------------------------------------------------------------
    potential_count = fields.Integer(
        string="Potential Products Surveyed", readonly=True
    )
    idea_count = fields.Integer(string="Ideas Registered", readonly=True)
    idea_selected_count = fields.Integer(string="Ideas Selected", readonly=True)
    idea_rejected_count = fields.Integer(string="Ideas Rejected", readonly=True)
    plan_count = fields.Integer(string="Business Plans", readonly=True)
    plan_selected_count = fields.Integer(
        string="Business Plans Selected", readonly=True
    )
    support_count = fields.Integer(string="Supports", readonly=True)
    support_amount = fields.Monetary(string="Support Value", readonly=True)
    support_disbursed = fields.Monetary(readonly=True)
    budget_allocated = fields.Monetary(readonly=True)
    budget_disbursed = fields.Monetary(readonly=True)
    duty_count = fields.Integer(string="Duties", readonly=True)
    duty_done_count = fields.Integer(string="Duties Done", readonly=True)
    duty_overdue_count = fields.Integer(string="Duties Overdue", readonly=True)
    fair_count = fields.Integer(string="Fairs Held", readonly=True)
    lead_count = fields.Integer(string="Leads from Fairs", readonly=True)
    revenue = fields.Monetary(string="Revenue of OCOP Products", readonly=True)

    _sql_constraints = [
        (
            "report_uniq",
            "UNIQUE NULLS NOT DISTINCT "
            "(kind, frequency, period_start, admin_unit_id, agency_id, company_id)",
            "A unit already has a report for this period.",
        ),
        (
            "period_check",
            "CHECK (period_end >= period_start)",
            "The period ends before it starts.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("kind", "admin_unit_id", "agency_id")
    def _compute_level(self):
        for report in self:
            if report.agency_id:
                report.level = "agency"
            elif report.kind == "unit":
                report.level = "commune"
            elif report.admin_unit_id:
                report.level = "territory"
            else:
                report.level = "national"

    @api.depends("admin_unit_id", "receiving_unit_id")
    def _compute_province_id(self):
        for report in self:
            report.province_id = (
                report.admin_unit_id.province_id or report.receiving_unit_id.province_id
            )

    @api.depends(
        "period_start",
        "frequency",
        "kind",
        "admin_unit_id.name",
        "agency_id.name",
    )
    def _compute_name(self):
        for report in self:
            start = report.period_start
            if not start:
                report.period_label = report.name = False
                report.year = 0
                continue
            if report.frequency == "quarterly":
                label = _(
                    "Q%(quarter)s/%(year)s",
                    quarter=(start.month - 1) // 3 + 1,
                    year=start.year,
                )
            else:
                label = "%02d/%s" % (start.month, start.year)
            owner = report.agency_id.name or report.admin_unit_id.name or _("National")
            if report.kind == "consolidated":
                report.name = _(
                    "Consolidated report %(period)s - %(unit)s",
                    period=label,
                    unit=owner,
                )
            else:
                report.name = _(
                    "Report %(period)s - %(unit)s", period=label, unit=owner
                )
            report.period_label = label
            report.year = start.year

    @api.constrains("kind", "admin_unit_id", "agency_id")
    def _check_reporting_unit(self):
        for report in self:
            if report.kind == "unit" and not (report.admin_unit_id or report.agency_id):
                raise ValidationError(_("A unit report needs a commune or an agency."))
            if report.kind == "unit" and report.admin_unit_id and report.agency_id:
                raise ValidationError(
                    _("A report is either a commune's or an agency's, not both.")
                )
            if report.kind == "consolidated" and report.agency_id:
                raise ValidationError(_("Only territories consolidate reports."))

    @api.constrains("period_start", "period_end", "due_date")
    def _check_dates(self):
        for report in self:
            if report.period_end < report.period_start:
                raise ValidationError(
                    _(
                        "%(report)s: the period ends before it starts.",
                        report=report.display_name,
                    )
                )
            if report.due_date < report.period_end:
                raise ValidationError(
                    _(
                        "%(report)s: the report cannot be due before its period ends.",
                        report=report.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Frozen once submitted (ocop.workflow.mixin), for the server's own code
    # too: only the workflow's private path writes a submitted report
    # ------------------------------------------------------------------
    def _ocop_guarded(self):
        return super()._ocop_guarded() | set(self._figure_fields())

    def write(self, vals):
        names = (set(vals) & set(self._fields)) - ALWAYS_WRITABLE
        if (
            self.env.su
            and names
            and not permitted((self._name, record_id) for record_id in self._ids)
        ):
            for report in self:
                if report.state in RECEIVED_STATES:
                    raise UserError(
                        _(
                            '%(record)s is "%(state)s": %(fields)s can no longer be '
                            "changed.",
                            record=report.display_name,
                            state=report._ocop_state_label(),
                            fields=self._ocop_labels(names),
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(r.state in RECEIVED_STATES for r in self):
            raise UserError(_("A submitted report is kept; it cannot be deleted."))

    # ------------------------------------------------------------------
    # Figure specifications
    # ------------------------------------------------------------------
    @api.model
    def _figure_specs(self):
        """The figures of a report and how to read each from live data.

        Keys: ``field`` (on this model), ``model``, ``unit`` (the field giving
        the record's commune), ``agency`` (the field giving the responsible
        agency, for agency reports; optional), ``aggregate`` (``__count`` or
        ``<field>:sum``), ``domain``, ``scope`` (``cycle``, ``period`` or
        ``now``), ``date`` (the date field of the ``period`` scope),
        ``territorial`` (the unit field may also hold a district or a
        province, not only a commune: a consolidated report adds the records
        placed on its territory itself; the other models' records belong to
        producers, who are always registered in a commune)."""
        # the specs of one model share its unit (and agency) field: the
        # figures of a model are read with one query (_filtered_aggregates)
        idea = {"model": "ocop.product.idea", "unit": "commune_id", "scope": "cycle"}
        plan = {"model": "ocop.business.plan", "unit": "commune_id", "scope": "cycle"}
        support = {
            "model": "ocop.support",
            "unit": "commune_id",
            "agency": "agency_id",
            "scope": "cycle",
            "domain": [("state", "!=", "cancelled")],
        }
        budget = {
            "model": "ocop.budget.line",
            "unit": "admin_unit_id",
            "scope": "cycle",
            "territorial": True,
        }
        duty = {
            "model": "ocop.cycle.duty",
            "unit": "admin_unit_id",
            "agency": "agency_id",
            "scope": "cycle",
            "territorial": True,
        }
        due = ("deadline", "<=", "PERIOD_END")
        return [
            dict(idea, model="ocop.potential.product", field="potential_count"),
            dict(idea, field="idea_count", domain=[("state", "!=", "draft")]),
            dict(
                idea, field="idea_selected_count", domain=[("state", "=", "selected")]
            ),
            dict(
                idea, field="idea_rejected_count", domain=[("state", "=", "rejected")]
            ),
            dict(plan, field="plan_count", domain=[("state", "!=", "draft")]),
            dict(
                plan, field="plan_selected_count", domain=[("state", "=", "selected")]
            ),
            dict(support, field="support_count"),
            dict(support, field="support_amount", aggregate="amount:sum"),
            dict(support, field="support_disbursed", aggregate="disbursed_amount:sum"),
            dict(budget, field="budget_allocated", aggregate="allocated_amount:sum"),
            dict(budget, field="budget_disbursed", aggregate="disbursed_amount:sum"),
            dict(duty, field="duty_count", domain=[("state", "!=", "cancelled"), due]),
            dict(duty, field="duty_done_count", domain=[("state", "=", "done"), due]),
            dict(
                duty,
                field="duty_overdue_count",
                domain=[
                    ("state", "in", ("todo", "in_progress")),
                    ("deadline", "<", "TODAY"),
                    due,
                ],
            ),
            dict(
                field="fair_count",
                model="event.event",
                unit="ocop_admin_unit_id",
                scope="period",
                date="date_begin",
                domain=[("ocop_kind", "=", "fair")],
                territorial=True,
            ),
            dict(
                field="lead_count",
                model="crm.lead",
                unit="ocop_commune_id",
                scope="period",
                date="create_date",
                domain=[("event_id.ocop_kind", "!=", False)],
            ),
            dict(
                # confirmed lines of OCOP products, untaxed (the lean view of
                # the OCOP sales analysis, not Odoo's much wider sale.report)
                field="revenue",
                model="ocop.sale.analysis",
                unit="ocop_commune_id",
                scope="period",
                date="date",
                aggregate="price_subtotal:sum",
            ),
        ]

    @api.model
    def _figure_fields(self):
        return [spec["field"] for spec in self._figure_specs()]

    @api.model
    def _specs_by_model(self, territorial=False):
        """``{model name: [its figure specs]}`` (only the ``territorial``
        ones if asked): the figures of a model are read together."""
        by_model = defaultdict(list)
        for spec in self._figure_specs():
            if spec.get("territorial") or not territorial:
                by_model[spec["model"]].append(spec)
        return by_model

    @api.model
    def _spec_domain(self, spec, cycles, start, end, today):
        """The domain of a figure for the given cycles and period (without
        the unit part)."""
        domain = []
        for leaf in spec.get("domain", []):
            value = leaf[2]
            if value == "PERIOD_END":
                value = end
            elif value == "TODAY":
                value = today
            domain.append((leaf[0], leaf[1], value))
        model = self.env[spec["model"]]
        if "company_id" in model._fields and model._fields["company_id"].store:
            domain.append(("company_id", "in", [False, *self.env.companies.ids]))
        scope = spec.get("scope", "now")
        if scope == "cycle":
            domain.append(("cycle_id", "in", cycles.ids))
        elif scope == "period":
            name = spec["date"]
            if model._fields[name].type == "datetime":
                domain += [
                    (name, ">=", datetime.combine(start, time.min)),
                    (name, "<", datetime.combine(end + timedelta(days=1), time.min)),
                ]
            else:
                domain += [(name, ">=", start), (name, "<=", end)]
        return domain

    @api.model
    def _read_figures(self, cycles, start, end, unit_field_op, unit_ids, agency_ids=()):
        """Figures grouped by commune (and by agency): ``{field: {unit_id:
        value}}`` and ``{field: {agency_id: value}}``. ``unit_field_op`` is
        ``in`` (these communes) or ``child_of`` (all units below these
        territories, everything summed under the key ``False``).

        The figures of one model are read with a single query (one
        ``COUNT(*) FILTER (WHERE …)`` or ``SUM(…) FILTER (WHERE …)`` per
        figure, the conditions compiled by the ORM from each figure's
        domain), so a report costs one query per model, not per figure."""
        today = fields.Date.context_today(self)
        by_unit = defaultdict(dict)
        by_agency = defaultdict(dict)
        for model_name, specs in self._specs_by_model().items():
            model = self.env[model_name].sudo().with_context(active_test=False)
            if unit_ids:
                if unit_field_op == "child_of":
                    scope = [(specs[0]["unit"], "child_of", list(unit_ids))]
                    rows = self._filtered_aggregates(
                        model, specs, scope, None, cycles, start, end, today
                    )
                    for spec, value in zip(specs, rows.get(None, ()), strict=False):
                        by_unit[spec["field"]][False] = value or 0
                else:
                    scope = [(specs[0]["unit"], "in", list(unit_ids))]
                    rows = self._filtered_aggregates(
                        model, specs, scope, specs[0]["unit"], cycles, start, end, today
                    )
                    for unit_id, values in rows.items():
                        for spec, value in zip(specs, values, strict=True):
                            by_unit[spec["field"]][unit_id] = value or 0
            agency_specs = [spec for spec in specs if spec.get("agency")]
            if agency_ids and agency_specs:
                scope = [(agency_specs[0]["agency"], "in", list(agency_ids))]
                rows = self._filtered_aggregates(
                    model,
                    agency_specs,
                    scope,
                    agency_specs[0]["agency"],
                    cycles,
                    start,
                    end,
                    today,
                )
                for agency_id, values in rows.items():
                    for spec, value in zip(agency_specs, values, strict=True):
                        by_agency[spec["field"]][agency_id] = value or 0
        return by_unit, by_agency

    @api.model
    def _filtered_aggregates(
        self, model, specs, scope, group_field, cycles, start, end, today
    ):
        """One query: ``{group value: [aggregate of each spec]}`` over the
        records of ``scope`` (grouped by ``group_field``, or all under the key
        ``None``). Every spec of a model uses the same unit (and agency)
        field, which ``_figure_specs`` guarantees."""
        sql = self._filtered_aggregates_sql(
            model, specs, scope, group_field, cycles, start, end, today
        )
        # execute_query flushes the pending writes of the fields it reads
        rows = self.env.execute_query(sql)
        if not group_field:
            return {None: rows[0]}
        return {row[0]: row[1:] for row in rows}

    @api.model
    def _filtered_aggregates_sql(
        self, model, specs, scope, group_field, cycles, start, end, today
    ):
        """The query of ``_filtered_aggregates``: the group (if any), then
        one ``COUNT(*) FILTER (WHERE …)`` or ``SUM(…) FILTER (WHERE …)`` per
        spec, the conditions compiled by the ORM from the specs' domains."""
        query = model._search(scope)
        columns = []
        for spec in specs:
            condition = model._search(
                self._spec_domain(spec, cycles, start, end, today)
            )
            if condition._joins:  # pragma: no cover - no spec needs a join today
                raise UserError(
                    _("Figure %(figure)s needs a join.", figure=spec["field"])
                )
            aggregate = spec.get("aggregate", "__count")
            if aggregate == "__count":
                columns.append(
                    SQL("COUNT(*) FILTER (WHERE %s)", condition.where_clause)
                )
            else:
                field_name = aggregate.split(":")[0]
                columns.append(
                    SQL(
                        "COALESCE(SUM(%s) FILTER (WHERE %s), 0)",
                        model._field_to_sql(model._table, field_name),
                        condition.where_clause,
                    )
                )
        if group_field:
            group = model._field_to_sql(model._table, group_field, query)
            return SQL(
                "SELECT %s, %s FROM %s WHERE %s GROUP BY 1",
                group,
                SQL(", ").join(columns),
                query.from_clause,
                query.where_clause,
            )
        return SQL(
            "SELECT %s FROM %s WHERE %s",
            SQL(", ").join(columns),
            query.from_clause,
            query.where_clause,
        )

    @api.model
    def _own_figures(self, territory, cycles, start, end):
        """The figures of the records placed on ``territory`` itself, not on
        one of its communes (the ``territorial`` figures), ``{field:
        value}``: one query, the models' aggregates side by side."""
        today = fields.Date.context_today(self)
        by_model = self._specs_by_model(territorial=True)
        if not by_model:
            return {}
        parts, specs = [], []
        for model_name, model_specs in by_model.items():
            model = self.env[model_name].sudo().with_context(active_test=False)
            scope = [(model_specs[0]["unit"], "=", territory.id)]
            part = self._filtered_aggregates_sql(
                model, model_specs, scope, None, cycles, start, end, today
            )
            parts.append(SQL("(%s) AS %s", part, SQL.identifier(f"m{len(parts)}")))
            specs += model_specs
        [row] = self.env.execute_query(SQL("SELECT * FROM %s", SQL(", ").join(parts)))
        return {
            spec["field"]: value or 0 for spec, value in zip(specs, row, strict=True)
        }

    @api.model
    def _live_figures(self, territory, cycles, start, end):
        """The figures of every record of a territory (all its communes and
        the territory itself), straight from the live data, one plain
        ``_read_group`` per figure (deliberately not the grouped query the
        reports use, so each checks the other): what a consolidated report
        equals once every commune has reported. An empty territory means the
        whole country."""
        today = fields.Date.context_today(self)
        result = {}
        for spec in self._figure_specs():
            model = self.env[spec["model"]].sudo().with_context(active_test=False)
            domain = self._spec_domain(spec, cycles, start, end, today)
            if territory:
                domain.append((spec["unit"], "child_of", territory.ids))
            else:
                domain.append((spec["unit"], "!=", False))
            [(value,)] = model._read_group(
                domain, [], [spec.get("aggregate", "__count")]
            )
            result[spec["field"]] = value or 0
        return result

    # ------------------------------------------------------------------
    # Preparing the figures
    # ------------------------------------------------------------------
    def action_refresh_figures(self):
        """Read the figures again from the live data (draft reports only)."""
        reports = self.filtered(lambda r: r.state in OPEN_STATES)
        if not reports and self:
            raise UserError(_("Only a draft or returned report can be refreshed."))
        reports._prepare_figures()
        return True

    def _prepare_figures(self):
        """Fill the figures of these (open) reports: the unit reports from the
        live data of their commune or agency, the consolidated reports from
        the reports they receive. Batched by cycle and period."""
        now = fields.Datetime.now()
        units = self.filtered(lambda r: r.kind == "unit")
        groups = defaultdict(lambda: self.browse())
        for report in units:
            key = (report.cycle_id, report.period_start, report.period_end)
            groups[(*key, report.company_id)] |= report
        figure_fields = self._figure_fields()
        for (cycle, start, end, company), reports in groups.items():
            communes = reports.admin_unit_id
            agencies = reports.agency_id
            # the records of the report's company (and the shared ones), not
            # of every company of the user (the cron runs as superuser)
            by_unit, by_agency = self._of_company(company)._read_figures(
                cycle, start, end, "in", communes.ids, agencies.ids
            )
            # one UPDATE per distinct set of figures (many communes have the
            # same ones, e.g. all zeros), not one per report
            same_values = defaultdict(list)
            for report in reports:
                if report.agency_id:
                    key, figures = report.agency_id.id, by_agency
                else:
                    key, figures = report.admin_unit_id.id, by_unit
                values = tuple(figures[name].get(key, 0) for name in figure_fields)
                same_values[values].append(report.id)
            for values, ids in same_values.items():
                # the figures are not tracked: no tracking to prepare
                self.browse(ids).with_context(tracking_disable=True)._ocop_write(
                    dict(zip(figure_fields, values, strict=True), date_prepared=now)
                )
        # territories before the nation: a province's report may be summed
        # into the national one in the same call
        consolidated = (self - units).sorted(lambda r: not r.admin_unit_id)
        for report in consolidated:
            report._consolidate()

    def _of_company(self, company):
        """This model restricted to ``company``: the figures' domains take
        the records of ``self.env.companies`` (and those of no company)."""
        return self.with_context(allowed_company_ids=company.ids)

    def _received_domain(self):
        """The reports this consolidated report sums."""
        self.ensure_one()
        domain = [
            ("period_start", "=", self.period_start),
            ("frequency", "=", self.frequency),
            ("company_id", "=", self.company_id.id),
            ("state", "in", RECEIVED_STATES),
            ("id", "!=", self.id),
        ]
        if self.admin_unit_id:
            return domain + [
                ("kind", "=", "unit"),
                ("receiving_unit_id", "=", self.admin_unit_id.id),
            ]
        return domain + [
            ("kind", "=", "consolidated"),
            ("receiving_unit_id", "=", False),
        ]

    def _expected_units(self):
        """(communes, agencies) that should report to this consolidated
        report: the communes of its cycle's territory and the agencies with
        duties in the cycle; for the nation, the provinces."""
        self.ensure_one()
        if not self.admin_unit_id:
            provinces = self.env["ocop.admin.unit"]._current_provinces()
            return provinces, self.env["res.partner"]
        return self.cycle_id._progress_reporting_units(self.period_end)

    def _consolidate(self):
        """Sum the received reports (and the records of the territory
        itself), and list who has not reported."""
        self.ensure_one()
        Report = self.sudo()
        figure_fields = self._figure_fields()
        # One query for the received reports and their sums, grouped by
        # agency: the agencies' reports are listed as received but not
        # summed (the supports and duties they count are counted by the
        # communes' reports too); the territories' are under agency False.
        groups = Report._read_group(
            self._received_domain(),
            ["agency_id"],
            [
                "id:array_agg",
                "admin_unit_id:array_agg",
                "consolidated_report_id:array_agg",
                *("%s:sum" % name for name in figure_fields),
            ],
        )
        received_ids, unit_ids, unlinked_ids = [], [], []
        agencies = self.env["res.partner"]
        totals = dict.fromkeys(figure_fields, 0)
        for agency, ids, units, linked, *sums in groups:
            received_ids += ids
            unit_ids += [unit_id for unit_id in units if unit_id]
            agencies |= agency
            unlinked_ids += [
                report_id
                for report_id, consolidated_id in zip(ids, linked, strict=True)
                if consolidated_id != self.id
            ]
            if not agency:
                totals = {
                    name: value or 0
                    for name, value in zip(figure_fields, sums, strict=True)
                }
        if self.admin_unit_id:
            own = self._of_company(self.company_id)._own_figures(
                self.admin_unit_id, self.cycle_id, self.period_start, self.period_end
            )
            for name, value in own.items():
                totals[name] += value
        expected_units, expected_agencies = self._expected_units()
        missing_units = expected_units - expected_units.browse(unit_ids)
        missing_agencies = expected_agencies - agencies
        counts = dict(
            totals,
            expected_count=len(expected_units) + len(expected_agencies),
            received_count=len(received_ids),
            missing_count=len(missing_units) + len(missing_agencies),
        )
        # Only what changed is written: most refreshes change a few figures
        # (a report received), and an unchanged amount needs no rounding in
        # the currency (no read of it).
        values = {name: value for name, value in counts.items() if self[name] != value}
        values["date_prepared"] = fields.Datetime.now()
        if self.missing_unit_ids != missing_units:
            values["missing_unit_ids"] = [Command.set(missing_units.ids)]
        # the nation expects no agency (_expected_units): its list stays empty
        if self.admin_unit_id and self.missing_agency_ids != missing_agencies:
            values["missing_agency_ids"] = [Command.set(missing_agencies.ids)]
        # none of these fields is tracked: no tracking to prepare
        self.with_context(tracking_disable=True)._ocop_write(values)
        if unlinked_ids:
            Report.browse(unlinked_ids).with_context(tracking_disable=True)._ocop_write(
                {"consolidated_report_id": self.id}
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_reporter(self):
        """The report's owner, or an officer of the reporting unit (or of a
        unit above it): an agency's report and the national one, only their
        owner (and the managers)."""
        self.filtered(
            lambda report: report.user_id != self.env.user
        )._ocop_check_territory()

    def action_submit(self):
        """Freeze the figures as they stand now and send the report."""
        self._ocop_check_transition(self._ocop_transitions["submit"])
        self._prepare_figures()
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for report in self:
            report._ocop_transition(
                "submit",
                {
                    "date_submitted": now,
                    "submitted_by": self.env.user.id,
                    "is_late": today > report.due_date,
                },
            )
            report.activity_unlink(["ocop_management.mail_activity_ocop_report_due"])
        for report in self:
            report.message_post(
                body=_(
                    "Submitted to %(unit)s.",
                    unit=report.receiving_unit_id.name
                    or _("the central coordination office"),
                ),
                subtype_xmlid="mail.mt_note",
            )
        # the consolidated draft of the receiving unit follows at once
        self._open_consolidated_reports()._prepare_figures()
        return True

    def _open_consolidated_reports(self):
        """The open consolidated reports receiving these reports (one domain
        branch per distinct receiver and period, not per report)."""
        keys = {
            (r.period_start, r.frequency, r.company_id.id, r.receiving_unit_id.id)
            for r in self
        }
        domain = expression.OR(
            [
                [
                    ("kind", "=", "consolidated"),
                    ("period_start", "=", start),
                    ("frequency", "=", frequency),
                    ("company_id", "=", company_id),
                    ("admin_unit_id", "=", receiver_id),
                    ("state", "in", OPEN_STATES),
                ]
                for start, frequency, company_id, receiver_id in keys
            ]
        )
        return self.sudo().search(domain) if keys else self.browse()

    def _check_receiver(self):
        """Only the receiving unit's programme officers (or managers) accept
        or return: the same officers ``ocop.admin.unit._officers`` finds."""
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        for report in self:
            target = report.receiving_unit_id
            if not target or self.env.user not in target._officers(
                "ocop_management.group_ocop_programme_officer"
            ):
                raise AccessError(
                    _(
                        "Only the receiving unit accepts or returns %(report)s.",
                        report=report.display_name,
                    )
                )

    def action_accept(self):
        self._ocop_transition("accept", {"date_accepted": fields.Datetime.now()})
        return True

    def action_open_return_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Return the Report"),
            "res_model": "ocop.progress.report.return",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    def _return(self, reason):
        """Send submitted reports back to their owners with a reason; the
        figures are read again from the live data when they resubmit."""
        self._ocop_check_transition(self._ocop_transitions["return"], reason)
        consolidations = self.consolidated_report_id.filtered(
            lambda r: r.state not in OPEN_STATES
        )
        if consolidations:
            raise UserError(
                _(
                    "The report has already been consolidated in %(report)s, which "
                    "was submitted. Return that report first.",
                    report=consolidations[0].display_name,
                )
            )
        self._ocop_transition(
            "return",
            {"return_reason": reason, "date_submitted": False},
            reason=reason,
        )
        for report in self:
            if report.user_id:
                report.activity_schedule(
                    "ocop_management.mail_activity_ocop_report_due",
                    date_deadline=max(report.due_date, fields.Date.context_today(self)),
                    user_id=report.user_id.id,
                    summary=_("Report returned: %(reason)s", reason=reason[:80]),
                )
        self._open_consolidated_reports()._prepare_figures()
        return True

    def action_reset_draft(self):
        """A returned report goes back to draft (its owner edits it)."""
        self._ocop_transition("reset_draft")
        return True

    def action_view_received(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Reports Received"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("consolidated_report_id", "=", self.id)],
        }

    # ------------------------------------------------------------------
    # Preparing the reports of a period (daily cron)
    # ------------------------------------------------------------------
    @api.model
    def _cron_prepare_reports(self, today=None):
        """Prepare the drafts of the period that has begun for every unit of
        every running cycle, remind owners before the due day and tell the
        receiving units who is late. Idempotent: a unit never gets two
        reports for a period (the search below and the unique constraint)."""
        today = today or fields.Date.context_today(self)
        cycles = self.env["ocop.cycle"].search(
            [("state", "=", "running"), ("year", "=", today.year)]
        )
        for cycle in cycles:
            self._prepare_cycle_period(cycle, today)
        self._send_reminders(today)
        self._flag_late(today)
        return True

    @api.model
    def _prepare_cycle_period(self, cycle, today):
        start, end = period_bounds(today, cycle.report_frequency)
        due = due_date_of(end, cycle.report_due_day)
        communes, agencies = cycle._progress_reporting_units(end)
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("period_start", "=", start),
                    ("frequency", "=", cycle.report_frequency),
                    ("company_id", "=", self.env.company.id),
                    "|",
                    ("admin_unit_id", "in", communes.ids + cycle.admin_unit_id.ids),
                    ("agency_id", "in", agencies.ids),
                ]
            )
        )
        have = {(r.kind, r.admin_unit_id.id, r.agency_id.id) for r in existing}
        # owners only of the reports still to create (the daily run finds
        # them all there and looks nobody up)
        communes = communes.filtered(lambda c: ("unit", c.id, False) not in have)
        agencies = agencies.filtered(lambda a: ("unit", False, a.id) not in have)
        owners = cycle._progress_report_owners(communes, agencies)
        common = {
            "cycle_id": cycle.id,
            "frequency": cycle.report_frequency,
            "period_start": start,
            "period_end": end,
            "due_date": due,
            "company_id": self.env.company.id,
        }
        unit_report = dict(
            common, kind="unit", receiving_unit_id=cycle.admin_unit_id.id
        )
        vals_list = [
            dict(
                unit_report,
                admin_unit_id=commune.id,
                user_id=owners.get(("unit", commune.id), cycle.user_id).id,
            )
            for commune in communes
        ] + [
            dict(
                unit_report,
                agency_id=agency.id,
                user_id=owners.get(("agency", agency.id), cycle.user_id).id,
            )
            for agency in agencies
        ]
        if ("consolidated", cycle.admin_unit_id.id, False) not in have:
            vals_list.append(
                dict(common, kind="consolidated", admin_unit_id=cycle.admin_unit_id.id,
                     receiving_unit_id=cycle.admin_unit_id.parent_id.id,
                     user_id=cycle.user_id.id)
            )  # fmt: skip
        if not vals_list:
            return self.browse()
        # created without tracking, then used in the caller's context
        Report = self.sudo()
        created = Report.browse(
            Report.with_context(mail_create_nolog=True, tracking_disable=True)
            .create(vals_list)
            .ids
        )
        created._prepare_figures()
        return created

    @api.model
    def _prepare_national_report(self, day, frequency="monthly"):
        """The central coordination office's report of the period containing
        ``day``: it consolidates the provinces' submitted reports. Created
        on demand (a national database), refreshed when it already exists."""
        start, end = period_bounds(day, frequency)
        Report = self.sudo()
        report = Report.search_fetch(
            [
                ("kind", "=", "consolidated"),
                ("admin_unit_id", "=", False),
                ("period_start", "=", start),
                ("frequency", "=", frequency),
                ("company_id", "=", self.env.company.id),
            ],
            # what the consolidation reads, with the search
            [
                "state",
                "kind",
                "admin_unit_id",
                "cycle_id",
                "period_start",
                "period_end",
                "frequency",
                "company_id",
                "currency_id",  # the amounts are rounded in it
                # compared with the new ones: only the changes are written
                *self._figure_fields(),
                "expected_count",
                "received_count",
                "missing_count",
            ],
            order="id",  # at most one (unique); the default order joins
        )
        if not report:
            report = Report.browse(
                Report.with_context(mail_create_nolog=True, tracking_disable=True)
                .create(
                    {
                        "kind": "consolidated",
                        "frequency": frequency,
                        "period_start": start,
                        "period_end": end,
                        "due_date": due_date_of(end, 15),
                        "user_id": self.env.user.id,
                    }
                )
                .ids
            )
        if report.state in OPEN_STATES:
            report._prepare_figures()
        return report.sudo(False)

    @api.model
    def _send_reminders(self, today):
        """One activity for the owner of each open report whose due day is
        near (the cycle's reminder delay, 3 days by default)."""
        reports = self.sudo().search(
            [
                ("state", "in", OPEN_STATES),
                ("reminder_sent", "=", False),
                ("user_id", "!=", False),
                ("due_date", ">=", today),
                ("due_date", "<=", today + timedelta(days=7)),
            ]
        )
        due_soon = reports.filtered(
            lambda r: (
                r.due_date - timedelta(days=r.cycle_id.report_reminder_days or 3)
                <= today
            )
        )
        for report in due_soon:
            report.activity_schedule(
                "ocop_management.mail_activity_ocop_report_due",
                date_deadline=report.due_date,
                user_id=report.user_id.id,
            )
        due_soon._ocop_write({"reminder_sent": True})
        return due_soon

    @api.model
    def _flag_late(self, today):
        """Flag the open reports past their due day, and tell each receiving
        unit once which of its units are late (on its consolidated report)."""
        late = self.sudo().search(
            [
                ("state", "in", OPEN_STATES),
                ("due_date", "<", today),
                ("is_late", "=", False),
            ]
        )
        late._ocop_write({"is_late": True})
        to_tell = self.sudo().search(
            [
                ("state", "in", OPEN_STATES),
                ("is_late", "=", True),
                ("late_notice_sent", "=", False),
                ("kind", "=", "unit"),
            ]
        )
        by_receiver = defaultdict(lambda: self.browse())
        for report in to_tell:
            by_receiver[
                (report.receiving_unit_id, report.period_start, report.frequency)
            ] |= report
        for (receiver, start, frequency), reports in by_receiver.items():
            consolidated = self.sudo().search(
                [
                    ("kind", "=", "consolidated"),
                    ("admin_unit_id", "=", receiver.id),
                    ("period_start", "=", start),
                    ("frequency", "=", frequency),
                ],
                limit=1,
            )
            names = ", ".join(
                reports.mapped(lambda r: r.agency_id.name or r.admin_unit_id.name)
            )
            body = _(
                "Late reports (%(count)s): %(names)s", count=len(reports), names=names
            )
            if consolidated:
                consolidated.message_post(body=body, subtype_xmlid="mail.mt_note")
                officers = (
                    receiver._officers("ocop_management.group_ocop_programme_officer")
                    if receiver
                    else self.env["res.users"]
                )
                for user in (officers or consolidated.user_id)[:5]:
                    consolidated.activity_schedule(
                        "ocop_management.mail_activity_ocop_report_late",
                        user_id=user.id,
                        note=body,
                    )
        to_tell._ocop_write({"late_notice_sent": True})
        return late

    # ------------------------------------------------------------------
    # Exports
    # ------------------------------------------------------------------
    def action_print(self):
        return self.env.ref(
            "ocop_management.action_report_progress_report"
        ).report_action(self)

    def action_export_xlsx(self):
        """The report (with the reports it consolidates) as an XLSX file,
        attached to the report and downloaded."""
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "%s.xlsx" % self.name.replace("/", "-"),
                "datas": self._xlsx_content(encode=True),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": XLSX_MIMETYPE,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s?download=true" % attachment.id,
            "target": "self",
        }

    def _xlsx_content(self, encode=False):
        from ..report.ocop_progress_report_xlsx import progress_report_xlsx

        content = progress_report_xlsx(self)
        if encode:
            import base64

            return base64.b64encode(content)
        return content

    def _figure_rows(self):
        """(section, label, field name) of the figures, in the printed order."""
        fields_by_name = self._fields
        sections = self._figure_sections()
        rows = []
        for section, names in sections:
            for name in names:
                rows.append(
                    (
                        section,
                        fields_by_name[name].get_description(self.env)["string"],
                        name,
                    )
                )
        return rows

    @api.model
    def _figure_sections(self):
        return [
            (
                _("Steps 1-4: survey, ideas, business plans and support"),
                [
                    "potential_count",
                    "idea_count",
                    "idea_selected_count",
                    "idea_rejected_count",
                    "plan_count",
                    "plan_selected_count",
                    "support_count",
                    "support_amount",
                    "support_disbursed",
                    "budget_allocated",
                    "budget_disbursed",
                ],
            ),
            (_("Duties"), ["duty_count", "duty_done_count", "duty_overdue_count"]),
            (_("Step 6: trade promotion"), ["fair_count", "lead_count", "revenue"]),
        ]
