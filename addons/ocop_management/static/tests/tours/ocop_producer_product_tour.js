/** @odoo-module **/
// Copyright 2026 OCOP for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ocop_producer_product_tour", {
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the OCOP app",
            trigger: '.o_app[data-menu-xmlid="ocop_management.menu_ocop_root"]',
            run: "click",
        },
        {
            content: "Open the Products menu",
            trigger: '.o_menu_sections button[data-menu-xmlid="ocop_management.menu_ocop_products"]',
            run: "click",
        },
        {
            content: "Go to the producers",
            trigger: '.dropdown-item[data-menu-xmlid="ocop_management.menu_ocop_producer"]',
            run: "click",
        },
        {
            content: "Create a producer",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Open the OCOP page",
            trigger: '.o_form_view .o_notebook a.nav-link[name="ocop"]',
            run: "click",
        },
        {
            content: "Choose the commune",
            trigger: ".o_field_widget[name=ocop_admin_unit_id] input",
            run: "edit ia hrung",
        },
        {
            content: "Pick the current commune of Gia Lai",
            trigger: '.o-autocomplete--dropdown-item a:contains("Xã Ia Hrung, Gia Lai")',
            run: "click",
        },
        {
            content: "Business registration number",
            trigger: ".o_field_widget[name=ocop_business_reg_no] input",
            run: "edit TOUR-HTX-2026",
        },
        {
            content: "Name the producer (last: partner autocomplete searches while typing)",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit HTX Tour Ia Hrung",
        },
        {
            content: "Save the producer",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The producer is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Open the producer's OCOP products",
            trigger: "button[name=action_view_ocop_products]",
            run: "click",
        },
        {
            content: "Create a product",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name the product",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Cà phê tour Ia Hrung",
        },
        {
            content: "Choose the product set",
            trigger: ".o_field_widget[name=product_group_id] input",
            run: "edit Cà phê",
        },
        {
            content: "Pick coffee and cocoa",
            trigger: '.o-autocomplete--dropdown-item a:contains("Cà phê, ca cao")',
            run: "click",
        },
        {
            content: "Choose the commune",
            trigger: ".o_field_widget[name=commune_id] input",
            run: "edit ia hrung",
        },
        {
            content: "Pick the current commune",
            trigger: '.o-autocomplete--dropdown-item a:contains("Xã Ia Hrung, Gia Lai")',
            run: "click",
        },
        {
            content: "Save the product",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The product code is shown",
            trigger: '.o_form_saved .o_ocop_product_code:contains("52-23767-")',
        },
    ],
});
