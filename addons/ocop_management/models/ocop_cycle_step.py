# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

from .ocop_cycle import CYCLE_STEPS


class OcopCycleStep(models.Model):
    _name = "ocop.cycle.step"
    _description = "OCOP Cycle Step"
    _order = "cycle_id, step"

    cycle_id = fields.Many2one(
        "ocop.cycle", required=True, index=True, ondelete="cascade"
    )
    step = fields.Selection(CYCLE_STEPS, required=True)
    date_start = fields.Date(string="Starts")
    deadline = fields.Date(required=True)
    user_ids = fields.Many2many(
        "res.users",
        string="Responsible Users",
        help="They get an activity due on the deadline when the cycle starts.",
    )
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)
    note = fields.Text()

    @api.constrains("date_start", "deadline")
    def _check_dates(self):
        for step in self:
            if step.date_start and step.deadline < step.date_start:
                raise ValidationError(_("A step cannot end before it starts."))

    def _plan_deadlines(self):
        labels = dict(CYCLE_STEPS)
        for step in self:
            title = _(
                "OCOP %(year)s - step %(step)s: %(name)s",
                year=step.cycle_id.year,
                step=step.step,
                name=labels[step.step],
            )
            users = step.user_ids or step.cycle_id.user_id
            step.calendar_event_id = self.env["calendar.event"].create(
                {
                    "name": title,
                    "allday": True,
                    "start_date": step.deadline,
                    "stop_date": step.deadline,
                    "partner_ids": [Command.set(users.partner_id.ids)],
                }
            )
            for user in users:
                step.cycle_id.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    date_deadline=step.deadline,
                    summary=title,
                )
