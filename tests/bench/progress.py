"""Operation 3: a province's and the nation's consolidated progress report
(``ocop.progress.report``). Measured when the model provides its
consolidation (``action_refresh_figures`` and ``_prepare_national_report``);
otherwise recorded as not measured."""

from generate import TODAY


def _figure_sum_sql(env):
    fields = env["ocop.progress.report"]._figure_fields()
    return ", ".join(f'coalesce(sum("{name}"), 0)' for name in fields), fields


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
    Report = Report.sudo()
    cr = env.cr
    report = Report.browse(info["province_report_id"])
    sums, names = _figure_sum_sql(env)

    def reopen():
        cr.execute(
            "UPDATE ocop_progress_report SET state = 'draft' WHERE id = %s",
            [report.id],
        )
        env.invalidate_all()

    def province():
        report.action_refresh_figures()
        return [report[name] for name in names]

    def province_floor():
        cr.execute(
            f"""SELECT {sums} FROM ocop_progress_report
                 WHERE kind = 'unit' AND receiving_unit_id = %s
                   AND period_start = %s AND frequency = %s
                   AND state IN ('submitted', 'accepted')""",
            [report.admin_unit_id.id, report.period_start, report.frequency],
        )
        return list(cr.fetchone())

    def nation():
        national = Report._prepare_national_report(TODAY)
        return [national.sudo()[name] for name in names]

    def nation_floor():
        cr.execute(
            f"""SELECT {sums} FROM ocop_progress_report
                 WHERE kind = 'consolidated' AND receiving_unit_id IS NULL
                   AND admin_unit_id IS NOT NULL AND period_start = %s
                   AND frequency = %s AND state IN ('submitted', 'accepted')""",
            [report.period_start, report.frequency],
        )
        return list(cr.fetchone())

    def check(orm, sql):
        same = sum(
            abs(float(a or 0) - float(b or 0)) < 0.01
            for a, b in zip(orm, sql, strict=False)
        )
        return {"figures_equal": f"{same}/{len(names)}"}

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
            "label": "3b. Nation's consolidated progress report",
            "run": nation,
            "floor": nation_floor,
            "check": check,
        },
    ]
