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
    "depends": ["ocop_management", "calendar", "resource", "portal"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ocop_certification_rules.xml",
        "data/ocop_certification_data.xml",
        "data/ocop_framework_data.xml",
        "data/ocop_criteria_qd26_data.xml",
        "data/ocop_criteria_qd1048_sample_data.xml",
        "data/ocop_criteria_check.xml",
        "views/ocop_framework_views.xml",
        "views/ocop_criteria_set_views.xml",
        "views/ocop_dossier_views.xml",
        "views/ocop_council_views.xml",
        "views/ocop_wizard_views.xml",
        "views/ocop_mark_usage_views.xml",
        "wizards/ocop_criteria_set_wizard_views.xml",
        "views/ocop_portal_templates.xml",
        "views/ocop_verify_templates.xml",
        "report/ocop_reports.xml",
        "report/ocop_report_templates.xml",
        "views/sale_report_views.xml",
        "data/ocop_inspection_data.xml",
        "report/ocop_inspection_report.xml",
        "views/ocop_inspection_views.xml",
        "views/ocop_certification_menus.xml",
    ],
    "demo": [
        "demo/ocop_certification_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ocop_certification/static/tests/tours/*.js",
        ],
    },
}
