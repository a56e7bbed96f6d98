/** @odoo-module **/
// Copyright 2026 OCOP for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A commune officer opens the progress reports from the menu, opens the
// commune's draft of the month, reads its figures and submits it.
registry.category("web_tour.tours").add("ocop_progress_report_tour", {
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
            content: "Open the programme office menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="ocop_management.menu_ocop_programme_admin"]',
            run: "click",
        },
        {
            content: "Open the progress reports",
            trigger: '.o-dropdown-item[data-menu-xmlid="ocop_management.menu_ocop_progress_report"]',
            run: "click",
        },
        {
            content: "Open the commune's report of the month",
            trigger: '.o_list_view .o_data_row td[name=name]:contains("Ia Hrung")',
            run: "click",
        },
        {
            content: "The figures are there",
            trigger: '.o_form_view .o_field_widget[name=idea_count]:contains("999")',
        },
        {
            content: "Submit",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The report is submitted",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Submitted")',
        },
    ],
});
