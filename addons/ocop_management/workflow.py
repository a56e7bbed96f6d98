# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The declaration of a workflow transition (plain Python, no ORM).

Models that inherit ``ocop.workflow.mixin`` declare their transitions in
``_ocop_transitions``: ``{name: Transition(...)}``. The mixin
(models/ocop_workflow_mixin.py) checks them and performs the write.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass

# Groups, by XML id, that the transitions name.
VIEWER = "ocop_management.group_ocop_viewer"
COMMUNE = "ocop_management.group_ocop_commune_officer"
PROGRAMME = "ocop_management.group_ocop_programme_officer"
COUNCIL = "ocop_management.group_ocop_council_member"
INSPECTOR = "ocop_management.group_ocop_inspector"
MANAGER = "ocop_management.group_ocop_manager"
PORTAL = "base.group_portal"


@dataclass(frozen=True)
class Transition:
    """One step of a workflow.

    ``sources``: the states it leaves from; ``target``: the state it goes to
    (``None`` keeps the state, for a step that only records a decision);
    ``groups``: the acting user must belong to one of them;
    ``territory``: the record's territory (``_ocop_territory_field``) must be
    inside the user's (managers excepted);
    ``check``: the name of a method of the model that raises when the user
    may not perform it on these records (e.g. "only the sheet's member");
    ``reason``: a reason is required and kept in the chatter;
    ``label``: the action's name in the messages refusing it (a lazy
    translation, ``LazyTranslate(__name__)(...)`` of the declaring module).
    """

    sources: tuple
    target: str | None
    groups: tuple = (COMMUNE,)
    territory: bool = True
    check: str | None = None
    reason: bool = False
    label: object = None


# The records a transition is writing now, as {(model name, record id)} and
# {(model name, "create")}. Only server code sets it, through
# ``ocop.workflow.mixin._ocop_write`` / ``_ocop_create`` (private methods: a
# JSON-RPC call cannot reach a method whose name starts with "_"). A context
# key would not do: any API caller can send one.
_PERMITS = contextvars.ContextVar("ocop_workflow_permits", default=frozenset())


@contextmanager
def permit(keys):
    token = _PERMITS.set(_PERMITS.get() | frozenset(keys))
    try:
        yield
    finally:
        _PERMITS.reset(token)


def permitted(keys):
    permits = _PERMITS.get()
    return all(key in permits for key in keys)
