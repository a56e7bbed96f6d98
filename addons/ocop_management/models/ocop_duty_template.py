# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .ocop_cycle import CYCLE_STEPS, DEFAULT_STEP_DEADLINES
from .res_partner_agency import AGENCY_ROLES

# A template may also name the producers' own duties (the seed, part II): they
# are shipped so that every duty of the letter is on record, but they are
# followed on the producers' business plans and dossiers, not as agency duties.
TEMPLATE_ROLES = AGENCY_ROLES + [("producer", "OCOP Producers")]

RECURRENCES = [
    ("once", "Once per Cycle"),
    ("periodic", "Every Reporting Period"),
]


class OcopDutyTemplate(models.Model):
    """A duty the programme's instructions give to an agency (or to the
    communes), copied into every cycle's duty plan."""

    _name = "ocop.duty.template"
    _description = "OCOP Duty Template"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Duty", required=True, tracking=True)
    description = fields.Text(
        help="The duty as the instructions word it.",
    )
    section = fields.Char(
        string="Source Section",
        help="Where the duty is written, e.g. I.1 or II.2.3 of the Ia Grai "
        "district's instructions of 21/6/2021.",
    )
    source_document = fields.Char(
        help="The document that gives the duty.",
    )
    agency_role = fields.Selection(
        TEMPLATE_ROLES,
        string="Owner Role",
        required=True,
        index=True,
        tracking=True,
        help="The duty goes to every agency of the cycle's territory holding this "
        "role (one duty each, e.g. one per commune People's Committee); without "
        "such an agency the duty is created without an owner. Producers' duties "
        "are not generated: they are followed on business plans and dossiers.",
    )
    agency_name = fields.Char(
        string="Owner as Named",
        help="The owner as the instructions name it, e.g. Phòng Nông nghiệp và "
        "PTNT huyện.",
    )
    step = fields.Selection(
        CYCLE_STEPS,
        string="Cycle Step",
        tracking=True,
        help="Empty for a duty that runs through the whole year.",
    )
    recurrence = fields.Selection(
        RECURRENCES,
        default="once",
        required=True,
        help="A periodic duty (the monthly report) follows the cycle's report "
        "frequency and due day; when one period is done the next one is created.",
    )
    deadline_month = fields.Integer(
        help="Month of the deadline in the cycle's year. Empty: the deadline of "
        "the duty's step, or the end of the year.",
    )
    deadline_day = fields.Integer(help="Day of the deadline.")
    active = fields.Boolean(default=True, tracking=True)

    @api.constrains("deadline_month", "deadline_day", "recurrence")
    def _check_deadline(self):
        for template in self:
            month, day = template.deadline_month, template.deadline_day
            if not month and not day:
                continue
            if template.recurrence == "periodic" and not month:
                # The due day of every period; clipped to short months.
                valid = 1 <= day <= 31
            else:
                # A non-leap year: the deadline must exist every year.
                valid = (
                    1 <= month <= 12 and 1 <= day <= calendar.monthrange(2023, month)[1]
                )
            if not valid:
                raise ValidationError(
                    _(
                        "%(duty)s: %(day)s/%(month)s is not a valid deadline "
                        "(give a day and a month that exist every year).",
                        duty=template.name,
                        day=day,
                        month=month,
                    )
                )

    def _periods(self, cycle, today=None):
        """The reporting periods of the duty in ``cycle``: ``[0]`` for a duty
        done once; for a periodic duty, the first period still to report
        (months for monthly reports, quarters for quarterly ones)."""
        self.ensure_one()
        if self.recurrence != "periodic":
            return [0]
        today = today or fields.Date.context_today(self)
        last = self._last_period(cycle)
        if cycle.year != today.year:
            return [1]
        for period in range(1, last + 1):
            if self._deadline(cycle, period) >= today:
                return [period]
        return [last]

    @api.model
    def _last_period(self, cycle):
        return 4 if cycle.report_frequency == "quarterly" else 12

    def _deadline(self, cycle, period=0):
        """Deadline of the duty in ``cycle``. A period's report is due on the
        cycle's report day of the month after the period (the seed: "before
        the 10th of every month")."""
        self.ensure_one()
        year = cycle.year
        if period:
            month = period * 3 if cycle.report_frequency == "quarterly" else period
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            due_day = cycle.report_due_day or self.deadline_day or 10
            return date(year, month, min(due_day, calendar.monthrange(year, month)[1]))
        if self.deadline_month and self.deadline_day:
            return date(year, self.deadline_month, self.deadline_day)
        if self.step:
            step = cycle.step_ids.filtered(lambda s: s.step == self.step)[:1]
            if step.deadline:
                return step.deadline
            return date(year, *DEFAULT_STEP_DEADLINES[self.step])
        return date(year, 12, 31)

    def _period_label(self, cycle, period):
        if not period:
            return ""
        if cycle.report_frequency == "quarterly":
            return _("quarter %(quarter)s/%(year)s", quarter=period, year=cycle.year)
        return _("month %(month)s/%(year)s", month=period, year=cycle.year)
