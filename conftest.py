"""Repository-wide pytest configuration (tests are run by ``make test``).

A skipped test makes the run fail. Odoo skips browser tests instead of failing
them when Chromium or websocket-client is missing, when Chrome cannot be
reached, or (pytest-odoo) when an HttpCase runs without ``--odoo-http``: a
green run must mean that every collected test really ran.
"""

import logging

import pytest

SKIP_MESSAGE = "skipped tests are not allowed: "


class _TestFrameworkImportFilter(logging.Filter):
    """Drop Odoo's "Importing test framework ..." error (with its stack).

    pytest-odoo imports odoo.tests before it enables test mode, which Odoo
    reports as if a business module imported the test framework.
    """

    def filter(self, record):
        return not record.getMessage().startswith("Importing test framework")


logging.getLogger("odoo.tests.common").addFilter(_TestFrameworkImportFilter())


def _skip_reason(report):
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = str(longrepr[2])
    else:
        reason = str(longrepr)
    return reason.removeprefix("Skipped: ")


def _fail_skipped(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = SKIP_MESSAGE + _skip_reason(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    return _fail_skipped((yield))


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    return _fail_skipped((yield))
