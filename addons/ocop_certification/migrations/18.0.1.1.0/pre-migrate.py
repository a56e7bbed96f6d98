# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the record rules changed (territories of councils, sessions,
documents, cycle steps, plan scores; rules split by operation). Their file is
noupdate: let this upgrade load them again (Odoo marks them noupdate again)."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE ir_model_data SET noupdate = false
            WHERE module = %s AND model = 'ir.rule'""",
        ("ocop_certification",),
    )
