"""Operation 3: a province's and the nation's consolidated progress report
(``ocop.progress.report``). Measured when the model provides its
consolidation (``action_refresh_figures`` and ``_prepare_national_report``);
otherwise recorded as not measured."""

from datetime import date

from generate import TODAY

# The floor computes the whole answer of a consolidation, as the ORM does:
# the sums of the received reports (the territories', not the agencies'),
# plus the records placed on the territory itself (budget lines, duties,
# fairs: the figures marked ``territorial``), and who has not reported.
FLOOR_CONSOLIDATION = """
WITH received AS (
    SELECT * FROM ocop_progress_report
     WHERE period_start = %(start)s AND frequency = %(frequency)s
       AND company_id = %(company)s AND state IN ('submitted', 'accepted')
       AND id != %(report)s AND {received}
),
sums AS (SELECT {sums} FROM received WHERE agency_id IS NULL),
budget AS (
    SELECT coalesce(sum(allocated_amount), 0) AS budget_allocated,
           coalesce(sum(disbursed_amount), 0) AS budget_disbursed
      FROM ocop_budget_line
     WHERE admin_unit_id = %(unit)s AND cycle_id = %(cycle)s
       AND (company_id = %(company)s OR company_id IS NULL)
),
duty AS (
    SELECT count(*) FILTER (WHERE state != 'cancelled') AS duty_count,
           count(*) FILTER (WHERE state = 'done') AS duty_done_count,
           count(*) FILTER (WHERE state IN ('todo', 'in_progress')
                              AND deadline < %(today)s) AS duty_overdue_count
      FROM ocop_cycle_duty
     WHERE admin_unit_id = %(unit)s AND cycle_id = %(cycle)s
       AND deadline <= %(end)s
),
fair AS (
    SELECT count(*) AS fair_count FROM event_event
     WHERE ocop_admin_unit_id = %(unit)s AND ocop_kind = 'fair'
       AND date_begin >= %(start)s AND date_begin < %(end)s::date + 1
       AND (company_id = %(company)s OR company_id IS NULL)
),
expected_units AS (
    SELECT u.id FROM ocop_admin_unit u
     WHERE u.active AND {expected_units}
),
expected_agencies AS (
    SELECT DISTINCT d.agency_id AS id
      FROM ocop_cycle_duty d
      JOIN res_partner a ON a.id = d.agency_id
      JOIN ocop_cycle c ON c.id = d.cycle_id
     WHERE d.cycle_id = %(cycle)s
       AND a.ocop_agency_role IS DISTINCT FROM 'commune_committee'
       AND d.agency_id IS DISTINCT FROM c.programme_office_id
),
missing AS (
    SELECT (SELECT count(*) FROM expected_units e
             WHERE NOT EXISTS (SELECT 1 FROM received r
                                WHERE r.admin_unit_id = e.id))
         + (SELECT count(*) FROM expected_agencies e
             WHERE NOT EXISTS (SELECT 1 FROM received r
                                WHERE r.agency_id = e.id)) AS missing_count
)
SELECT {columns}, missing.missing_count
  FROM sums, budget, duty, fair, missing
"""

PROVINCE_RECEIVED = "kind = 'unit' AND receiving_unit_id = %(unit)s"
PROVINCE_EXPECTED = """u.level = 'commune'
       AND u.parent_path LIKE (SELECT parent_path FROM ocop_admin_unit
                                WHERE id = %(unit)s) || '%%'
       AND (u.date_start IS NULL OR u.date_start <= %(end)s)
       AND (u.date_end IS NULL OR u.date_end >= %(end)s)"""
NATION_RECEIVED = (
    "kind = 'consolidated' AND receiving_unit_id IS NULL AND admin_unit_id IS NOT NULL"
)
NATION_EXPECTED = "u.level = 'province' AND u.is_historical IS NOT TRUE"
OWN = {"budget", "duty", "fair"}


def _floor_sql(env, received, expected, own):
    """The floor query and the figure names, in the order of its columns."""
    Report = env["ocop.progress.report"]
    names = Report._figure_fields()
    territorial = {
        spec["field"] for spec in Report._figure_specs() if spec.get("territorial")
    }
    columns = []
    for name in names:
        column = f'coalesce(sums."{name}", 0)'
        if own and name in territorial:
            table = name.split("_")[0]
            if table not in OWN:
                raise ValueError(f"no floor for the territory's own {name}")
            column += f' + {table}."{name}"'
        columns.append(column)
    sql = FLOOR_CONSOLIDATION.format(
        received=received,
        sums=", ".join(f'sum("{name}") AS "{name}"' for name in names),
        expected_units=expected,
        columns=", ".join(columns),
    )
    return sql, names


def progress_ops(env, info):
    """Two specifications (3a province, 3b nation), or one "skip"."""
    Report = env.get("ocop.progress.report")
    if (
        Report is None
        or not hasattr(Report, "action_refresh_figures")
        or not hasattr(Report, "_prepare_national_report")
        or not info.get("province_report_id")
    ):
        return [
            {
                "key": "progress_report",
                "label": "3. Consolidated progress report (province, nation)",
                "skip": True,
                "note": "not measured: ocop.progress.report or its consolidation "
                "is not available in this database",
            }
        ]
    # as a click in the web client runs it: the request's context has the
    # user's time zone (today's date), so the user is not read for it
    Report = Report.sudo().with_context(tz="Asia/Ho_Chi_Minh")
    cr = env.cr
    report = Report.browse(info["province_report_id"])
    province_sql, names = _floor_sql(env, PROVINCE_RECEIVED, PROVINCE_EXPECTED, True)
    nation_sql, __ = _floor_sql(env, NATION_RECEIVED, NATION_EXPECTED, False)

    def params(consolidated):
        return {
            "report": consolidated.id,
            "unit": consolidated.admin_unit_id.id,
            "cycle": consolidated.cycle_id.id,
            "start": consolidated.period_start,
            "end": consolidated.period_end,
            "frequency": consolidated.frequency,
            "company": consolidated.company_id.id,
            "today": date.today(),  # the overdue duties, as the ORM counts them
        }

    def received_changes(consolidated):
        """One received report has new figures since the last refresh (a
        count and an amount), so the refresh has something to write, as on
        a day a report is accepted; the floor sees the same change."""
        cr.execute(
            f"""UPDATE ocop_progress_report
                  SET idea_count = idea_count + 1,
                      budget_allocated = budget_allocated + 1000000
                WHERE id = (SELECT min(r.id)
                              FROM ocop_progress_report r
                              JOIN ocop_progress_report c
                                ON c.id = r.consolidated_report_id
                             WHERE r.agency_id IS NULL AND {consolidated})""",
            {"report": report.id, "start": report.period_start},
        )

    def reopen():
        cr.execute(
            "UPDATE ocop_progress_report SET state = 'draft' WHERE id = %s",
            [report.id],
        )
        received_changes("c.id = %(report)s")
        env.invalidate_all()

    def province_changes():
        received_changes(
            "c.kind = 'consolidated' AND c.admin_unit_id IS NULL"
            " AND c.period_start = %(start)s"
        )
        env.invalidate_all()

    def answer(consolidated):
        return [consolidated[name] for name in names] + [consolidated.missing_count]

    def province():
        report.action_refresh_figures()
        return answer(report)

    def province_floor():
        cr.execute(province_sql, params(report))
        return list(cr.fetchone())

    # the nation's report has no territory, cycle or own records
    national_params = dict(params(report), report=0, unit=None, cycle=None)

    def nation():
        national = Report._prepare_national_report(TODAY)
        return answer(national.sudo())

    def nation_floor():
        cr.execute(nation_sql, national_params)
        return list(cr.fetchone())

    def check(orm, sql):
        same = sum(
            abs(float(a or 0) - float(b or 0)) < 0.01
            for a, b in zip(orm, sql, strict=False)
        )
        return {
            "figures_equal": f"{same - (orm[-1] == sql[-1])}/{len(names)}",
            "missing_equal": orm[-1] == sql[-1],
            "missing": orm[-1],
        }

    return [
        {
            "key": "progress_province",
            "label": "3a. Province's consolidated progress report (refresh)",
            "setup": reopen,
            "run": province,
            "floor": province_floor,
            "check": check,
            "note": f"{len(names)} figures",
        },
        {
            "key": "progress_nation",
            "label": "3b. Nation's consolidated progress report (refresh)",
            "setup": province_changes,
            "run": nation,
            "floor": nation_floor,
            "check": check,
        },
    ]
