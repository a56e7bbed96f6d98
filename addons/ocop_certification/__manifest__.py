# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "OCOP Certification",
    "summary": "OCOP evaluation and star rating: frameworks, criteria, dossiers, "
    "councils, scoring, certificates, the OCOP mark and inspections",
    "version": "18.0.1.0.0",
    "category": "Productivity/OCOP",
    "website": "https://github.com/ocop-odoo/ocop-odoo",
    "author": "OCOP for Odoo contributors",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["ocop_management"],
    "data": [],
}
