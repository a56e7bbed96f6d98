# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "OCOP Management",
    "summary": "Vietnam's One Commune One Product programme: administrative units, "
    "producers, OCOP products and the yearly cycle",
    "version": "18.0.1.0.0",
    "category": "Productivity/OCOP",
    "website": "https://github.com/ocop-odoo/ocop-odoo",
    "author": "OCOP for Odoo contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["mail", "contacts", "product", "portal"],
    "external_dependencies": {
        "python": ["vietnam_provinces", "vietnamadminunits"],
    },
    "data": [
        "security/ocop_security.xml",
        "security/ir.model.access.csv",
        "security/ocop_rules.xml",
        "data/ocop_product_group_data.xml",
        "data/ocop_admin_unit_data.xml",
        "views/ocop_admin_unit_views.xml",
        "views/res_partner_views.xml",
        "views/ocop_product_views.xml",
        "views/ocop_product_group_views.xml",
        "views/res_users_views.xml",
        "views/product_template_views.xml",
        "views/ocop_menus.xml",
    ],
    "demo": [
        "demo/ocop_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ocop_management/static/tests/tours/*.js",
        ],
    },
}
