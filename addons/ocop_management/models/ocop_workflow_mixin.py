# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import escape

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from ..workflow import MANAGER, permit, permitted

# Fields any writer may change in any state: the chatter, the activities, the
# kanban colour, the portal token.
ALWAYS_WRITABLE = frozenset(
    {
        "message_follower_ids",
        "message_ids",
        "message_main_attachment_id",
        "activity_ids",
        "website_message_ids",
        "access_token",
        "color",
    }
)


class OcopWorkflowMixin(models.AbstractModel):
    """One workflow mechanism for the OCOP models with states.

    A model declares:

    - ``_ocop_transitions``: ``{name: workflow.Transition}``, performed by
      ``_ocop_transition(name, ...)``, which checks the source state, the
      acting user's groups and territory (and the transition's own check),
      then writes through the private path;
    - ``_ocop_guarded_fields``: besides ``state``, the result and decision
      fields only a transition (or a computation run by the server) writes;
    - ``_ocop_frozen``: ``{state: field names, or "__all__"}`` frozen in that
      state;
    - ``_ocop_territory_field``: the field (path) holding the record's
      administrative unit;
    - ``_ocop_create_by_transition``: records are created only by a
      transition (certificates: from a recorded decision).

    ``create`` and ``write`` refuse any of these changes outside a
    transition. The proof of being inside one is not something a client can
    send: the transition marks the records it writes in a context variable
    of the server process (workflow.permit), reachable only through the
    private methods ``_ocop_write`` / ``_ocop_create``. The superuser (data
    files, crons, computations the server runs in sudo) is trusted.
    """

    _name = "ocop.workflow.mixin"
    _description = "OCOP Workflow"

    _ocop_transitions = {}
    _ocop_guarded_fields = ()
    _ocop_frozen = {}
    _ocop_territory_field = "commune_id"
    _ocop_create_by_transition = False
    # the producer (res.partner) field: a portal user acts on the records of
    # their own producer (their commercial partner) only
    _ocop_producer_field = None

    # ------------------------------------------------------------------
    # The guard
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._ocop_check_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and vals:
            self._ocop_check_write(vals)
        return super().write(vals)

    @api.model
    def default_get(self, fields_list):
        """Guarded fields start from their declared default only, never from
        a ``default_<field>`` context key or a user default (``ir.default``):
        any API caller sends the one and sets the other for themselves, and
        the server's own creates run in the caller's context (the sheets a
        session hands out would start "submitted")."""
        defaults = super().default_get(fields_list)
        for name in self._ocop_guarded().intersection(defaults):
            field = self._fields[name]
            if field.default:
                value = field.convert_to_cache(
                    field.default(self), self, validate=False
                )
                defaults[name] = field.convert_to_write(value, self)
            else:
                del defaults[name]
        return defaults

    def _ocop_guarded(self):
        return {"state", *self._ocop_guarded_fields} & set(self._fields)

    def _ocop_is_default(self, name, value, default):
        """Whether ``value``, given for ``name`` on create, is only the
        field's default (a client sends the defaults back). A falsy value is
        not the default when the default is not: ``False`` over a default
        "draft" or ``True`` is a forced value too."""
        if not value and not default:
            return True
        field = self._fields[name]
        try:
            return field.convert_to_cache(value, self) == field.convert_to_cache(
                default, self
            )
        except (TypeError, ValueError):
            return False

    def _ocop_labels(self, names):
        return ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in names)
        )

    def _ocop_check_create(self, vals_list):
        if self._ocop_create_by_transition and not permitted([(self._name, "create")]):
            raise UserError(
                _(
                    "%(model)s records are created by their workflow only.",
                    model=self._description,
                )
            )
        if permitted([(self._name, "create")]):
            return
        guarded = self._ocop_guarded()
        given = {name for vals in vals_list for name in vals if name in guarded}
        if not given:
            return
        defaults = self.default_get(list(given))
        for vals in vals_list:
            forced = {
                name
                for name in given & set(vals)
                if not self._ocop_is_default(name, vals[name], defaults.get(name))
            }
            if forced:
                raise UserError(
                    _(
                        "%(fields)s of %(model)s are set by the workflow, not entered.",
                        fields=self._ocop_labels(forced),
                        model=self._description,
                    )
                )

    def _ocop_check_write(self, vals):
        if permitted((self._name, record_id) for record_id in self._ids):
            return
        names = set(vals) - ALWAYS_WRITABLE
        guarded = names & self._ocop_guarded()
        if guarded:
            # who may not write the record at all hears that first
            self.check_access("write")
            raise UserError(
                _(
                    "%(fields)s of %(model)s change only through the workflow's "
                    "actions.",
                    fields=self._ocop_labels(guarded),
                    model=self._description,
                )
            )
        if not self._ocop_frozen:
            return
        for record in self:
            frozen = self._ocop_frozen.get(record.state)
            if not frozen:
                continue
            hit = names if frozen == "__all__" else names & set(frozen)
            if hit:
                self.check_access("write")
                raise UserError(
                    _(
                        '%(record)s is "%(state)s": %(fields)s can no longer be '
                        "changed.",
                        record=record.display_name,
                        state=record._ocop_state_label(),
                        fields=self._ocop_labels(hit),
                    )
                )

    # ------------------------------------------------------------------
    # The private path
    # ------------------------------------------------------------------
    def _ocop_write(self, vals):
        """Write guarded or frozen fields: for the workflow's own code, after
        its checks (a transition, a result computed from the sheets)."""
        with permit((self._name, record_id) for record_id in self._ids):
            return self.write(vals)

    @api.model
    def _ocop_create(self, vals_list):
        """Create records that only the workflow creates."""
        with permit([(self._name, "create")]):
            return self.create(vals_list)

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _ocop_state_label(self, state=None):
        self.ensure_one()
        labels = dict(self._fields["state"]._description_selection(self.env))
        state = state or self.state
        return labels.get(state, state)

    def _ocop_transition(self, name, vals=None, reason=None):
        """Perform the transition ``name`` on the records: check it, write
        the target state (and ``vals``) through the private path, keep the
        reason in the chatter. Returns the records."""
        transition = self._ocop_transitions[name]
        self._ocop_check_transition(transition, reason)
        write_vals = dict(vals or {})
        if transition.target:
            write_vals["state"] = transition.target
        if write_vals:
            self._ocop_write(write_vals)
        if reason and hasattr(self, "_message_log_batch"):
            # one note per record, logged together (bulk decisions)
            # escaped as message_post does it: the reason is the user's text
            body = escape(
                _("%(user)s: %(reason)s", user=self.env.user.name, reason=reason)
            )
            self._message_log_batch(bodies=dict.fromkeys(self.ids, body))
        return self

    def _ocop_check_transition(self, transition, reason=None):
        """Raise unless the acting user may perform ``transition`` on every
        record now."""
        for record in self:
            if record.state not in transition.sources:
                if transition.label:
                    raise UserError(
                        _(
                            "%(action)s is not possible for %(record)s: it is "
                            '"%(state)s".',
                            action=transition.label,
                            record=record.display_name,
                            state=record._ocop_state_label(),
                        )
                    )
                raise UserError(
                    _(
                        '%(record)s is "%(state)s": this action is possible only '
                        "when it is %(states)s.",
                        record=record.display_name,
                        state=record._ocop_state_label(),
                        states=_(" or ").join(
                            f'"{record._ocop_state_label(s)}"'
                            for s in transition.sources
                        ),
                    )
                )
        if transition.reason and not (reason and str(reason).strip()):
            raise UserError(_("Give the reason for this action."))
        if self.env.su:
            return
        user = self.env.user
        if transition.groups and not any(
            user.has_group(group) for group in transition.groups
        ):
            raise AccessError(
                _(
                    "This action on %(model)s is reserved to: %(groups)s.",
                    model=self._description,
                    groups=", ".join(
                        self.env.ref(group).sudo().name for group in transition.groups
                    ),
                )
            )
        if transition.territory:
            self._ocop_check_territory()
        if transition.check:
            getattr(self, transition.check)()

    def _ocop_as_actor(self):
        """The records to write once the acting user's right is checked: a
        producer (portal) has no write access, so the transition and its
        activities are written in sudo, still in the producer's name."""
        if not self.env.su and self.env.user._is_portal():
            return self.sudo()
        return self

    def _ocop_check_territory(self):
        """Raise unless every record lies in the acting user's territories
        (the units given on the user, and every unit below them)."""
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        if self._ocop_producer_field and self.env.user._is_portal():
            producer = self.env.user.partner_id.commercial_partner_id
            for record in self:
                if record[self._ocop_producer_field] != producer:
                    raise AccessError(
                        _(
                            "%(record)s is not one of your records.",
                            record=record.display_name,
                        )
                    )
            return
        paths = [unit.parent_path for unit in self.env.user.ocop_admin_unit_ids]
        for record in self:
            units = record.mapped(self._ocop_territory_field)
            if not units or not all(
                any((unit.parent_path or "").startswith(path) for path in paths)
                for unit in units
            ):
                raise AccessError(
                    _(
                        "%(record)s is outside your territory.",
                        record=record.display_name,
                    )
                )
