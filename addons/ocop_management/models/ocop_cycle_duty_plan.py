# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class OcopCycle(models.Model):
    """The programme office's side of a cycle: the agencies' duty plan, the
    budget lines and the commendations."""

    _inherit = "ocop.cycle"

    duty_ids = fields.One2many("ocop.cycle.duty", "cycle_id", string="Agency Duties")
    duty_count = fields.Integer(compute="_compute_programme_office_counts")
    duty_open_count = fields.Integer(compute="_compute_programme_office_counts")
    duty_plan_date = fields.Datetime(
        string="Duty Plan Generated on", readonly=True, copy=False
    )
    budget_line_ids = fields.One2many(
        "ocop.budget.line", "cycle_id", string="Budget Lines"
    )
    budget_line_count = fields.Integer(compute="_compute_programme_office_counts")
    commendation_count = fields.Integer(compute="_compute_programme_office_counts")

    def _compute_programme_office_counts(self):
        duties = {
            (cycle, state): count
            for cycle, state, count in self.env["ocop.cycle.duty"]._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id", "state"], ["__count"]
            )
        }
        lines = dict(
            self.env["ocop.budget.line"]._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id"], ["__count"]
            )
        )
        commendations = dict(
            self.env["ocop.commendation"]._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id"], ["__count"]
            )
        )
        for cycle in self:
            counts = {
                state: duties.get((cycle, state), 0)
                for state in ("todo", "in_progress", "done", "cancelled")
            }
            cycle.duty_count = sum(counts.values())
            cycle.duty_open_count = counts["todo"] + counts["in_progress"]
            cycle.budget_line_count = lines.get(cycle, 0)
            cycle.commendation_count = commendations.get(cycle, 0)

    def action_view_duties(self):
        return self._action_open("ocop.cycle.duty", _("Agency Duties"))

    def action_view_budget_lines(self):
        return self._action_open("ocop.budget.line", _("Budget Lines"))

    def action_view_commendations(self):
        return self._action_open("ocop.commendation", _("Commendations"))

    # ------------------------------------------------------------------
    # Duty plan
    # ------------------------------------------------------------------
    def action_generate_duty_plan(self):
        """Create the cycle's duties from the active duty templates: one duty
        per template and owner agency (and reporting period). Running it again
        creates only what is missing: a template added since, or an agency
        registered since (which then takes over the duty created without an
        owner)."""
        if not self:
            return False
        for cycle in self:
            if cycle.state == "closed":
                raise UserError(
                    _(
                        "The cycle %(cycle)s is closed: its duty plan can no longer "
                        "be generated.",
                        cycle=cycle.display_name,
                    )
                )
        self.check_access("write")
        # Two officers pressing the button at once: the second one waits here,
        # then fails to serialize on the updated row and is retried, and then
        # sees the duties of the first.
        self.env.cr.execute(
            SQL(
                "SELECT id FROM ocop_cycle WHERE id IN %s FOR UPDATE",
                tuple(self.ids),
            )
        )
        self.write({"duty_plan_date": fields.Datetime.now()})
        templates = self.env["ocop.duty.template"].search(
            [("agency_role", "!=", "producer")]
        )
        Duty = self.env["ocop.cycle.duty"].with_context(
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            mail_activity_quick_update=True,
        )
        created = Duty
        for cycle in self:
            vals_list = cycle._duty_plan_missing_vals(templates)
            created |= Duty.create(vals_list)
            cycle.message_post(
                body=_(
                    "Duty plan generated: %(count)s new duties.",
                    count=len(vals_list),
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Duty plan"),
                "message": _("%(count)s duties created.", count=len(created)),
                "type": "success" if created else "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _duty_plan_missing_vals(self, templates):
        """Values of the duties of ``templates`` that the cycle lacks: one per
        template and owner (for a periodic report, its first period; the next
        ones follow as each is done). Duties created without an owner are given
        to an agency registered since."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        owners_by_role = self._duty_plan_agencies(set(templates.mapped("agency_role")))
        existing = defaultdict(lambda: self.env["ocop.cycle.duty"])
        for duty in self.duty_ids:
            existing[(duty.template_id, duty.agency_id)] |= duty
        responsible = {}
        vals_list = []
        for template in templates:
            unowned = existing.get((template, Partner))
            for agency in owners_by_role.get(template.agency_role) or [Partner]:
                if (template, agency) in existing:
                    continue
                if agency not in responsible:
                    responsible[agency] = self._duty_plan_responsible(agency)
                user = responsible[agency]
                if agency and unowned:
                    unowned.write({"agency_id": agency.id, "user_id": user.id})
                    existing[(template, agency)] = unowned
                    unowned = None
                    continue
                for period in template._periods(self):
                    vals_list.append(
                        self._duty_plan_vals(template, agency, period, user)
                    )
                existing[(template, agency)] = self.env["ocop.cycle.duty"]
        return vals_list

    def _duty_plan_vals(self, template, agency, period, user):
        self.ensure_one()
        name = template.name
        if period:
            name = _(
                "%(duty)s - %(period)s",
                duty=name,
                period=template._period_label(self, period),
            )
        return {
            "name": name,
            "description": template.description,
            "sequence": template.sequence,
            "cycle_id": self.id,
            "template_id": template.id,
            "period": period,
            "section": template.section,
            "step": template.step,
            "agency_role": template.agency_role,
            "agency_name": template.agency_name,
            "agency_id": agency.id,
            "user_id": user.id,
            "deadline": template._deadline(self, period),
        }

    def _duty_plan_agencies(self, roles):
        """{role: agencies} for the cycle's territory: the commune People's
        Committees of its communes; for any other role the agencies of the
        territory itself, else those below it, else the nearest above it."""
        self.ensure_one()
        territory = self.admin_unit_id
        Partner = self.env["res.partner"]
        base_domain = [
            ("ocop_entity_type", "=", "agency"),
            ("ocop_agency_role", "in", list(roles)),
        ]
        inside = Partner.search(
            base_domain + [("ocop_admin_unit_id", "child_of", territory.id)]
        )
        above = Partner.search(
            base_domain
            + [
                ("ocop_admin_unit_id", "parent_of", territory.id),
                ("ocop_admin_unit_id", "!=", territory.id),
            ]
        )
        result = {}
        for role in roles:
            role_inside = inside.filtered(lambda p, r=role: p.ocop_agency_role == r)
            if role == "commune_committee":
                result[role] = list(
                    role_inside.filtered(
                        lambda p: p.ocop_admin_unit_id.level == "commune"
                    )
                )
                continue
            own = role_inside.filtered(lambda p: p.ocop_admin_unit_id == territory)
            if own or role_inside:
                result[role] = list(own or role_inside)
                continue
            role_above = above.filtered(lambda p, r=role: p.ocop_agency_role == r)
            if role_above:
                depth = max(len(p.ocop_admin_unit_id.parent_path) for p in role_above)
                result[role] = list(
                    role_above.filtered(
                        lambda p, d=depth: len(p.ocop_admin_unit_id.parent_path) == d
                    )
                )
        return result

    def _duty_plan_responsible(self, agency):
        """Who gets the reminders of an agency's duty: an internal user among
        the agency's contacts, else an OCOP officer of the agency's unit, else
        the cycle's responsible."""
        self.ensure_one()
        if agency:
            users = (agency.user_ids | agency.child_ids.user_ids).filtered(
                lambda u: not u.share and u.active
            )
            if users:
                return users.sorted("id")[:1]
            if agency.ocop_admin_unit_id:
                officer = self.env["res.users"].search(
                    [
                        ("share", "=", False),
                        ("ocop_admin_unit_ids", "=", agency.ocop_admin_unit_id.id),
                        (
                            "groups_id",
                            "=",
                            self.env.ref(
                                "ocop_management.group_ocop_commune_officer"
                            ).id,
                        ),
                    ],
                    order="id",
                    limit=1,
                )
                if officer:
                    return officer
        return self.user_id
