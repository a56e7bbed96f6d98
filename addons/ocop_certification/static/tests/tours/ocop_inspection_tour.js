/** @odoo-module **/
// Copyright 2026 OCOP for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// An inspector opens the inspections from the menu, plans a mark inspection
// of a certified product, records a non-compliant item and a warning, then
// starts and completes the inspection.
registry.category("web_tour.tours").add("ocop_inspection_tour", {
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
            content: "Open the post-certification menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="ocop_certification.menu_ocop_after_certification"]',
            run: "click",
        },
        {
            content: "Open the inspections",
            trigger: '.o-dropdown-item[data-menu-xmlid="ocop_certification.menu_ocop_inspection"]',
            run: "click",
        },
        {
            content: "Plan a new inspection",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Look for the certificate",
            trigger: ".o_field_widget[name=certificate_id] input",
            run: "edit OCOP",
        },
        {
            content: "Pick the certificate of the coffee",
            trigger: '.o-autocomplete--dropdown-item a:contains("Cà phê Ia Hrung")',
            run: "click",
        },
        {
            content: "The producer comes with the certificate",
            trigger: '.o_field_widget[name=producer_id]:contains("HTX Thử nghiệm Ia Hrung")',
        },
        {
            content: "Inspect the use of the OCOP mark",
            trigger: ".o_field_widget[name=inspection_type] select",
            run: "selectByLabel Use of the OCOP Mark",
        },
        {
            content: "The mark checklist is filled in",
            trigger:
                '.o_field_widget[name=line_ids] .o_data_row:contains("Sử dụng đúng mẫu nhãn hiệu chứng nhận")',
        },
        {
            content: "Assess the first item",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first-child td[name=result]",
            run: "click",
        },
        {
            content: "Not compliant",
            trigger:
                ".o_field_widget[name=line_ids] .o_selected_row .o_field_widget[name=result] select",
            run: "selectByLabel Non-compliant",
        },
        {
            // the onchange has come back (the count follows the line); only
            // then may the list be left, else it re-renders while unmounted
            content: "The item is counted as non-compliant",
            trigger: '.oe_subtotal_footer .o_field_widget[name=non_compliant_count]:contains("1")',
        },
        {
            content: "Leave the line",
            trigger: ".o_form_view .oe_subtotal_footer",
            run: "click",
        },
        {
            content: "No line is being edited any more",
            trigger: ".o_field_widget[name=line_ids]:not(:has(.o_selected_row))",
        },
        {
            content: "Go to the violations",
            trigger: '.o_notebook .nav-link[name="violations"]',
            run: "click",
        },
        {
            content: "Add a violation",
            trigger: ".o_field_widget[name=violation_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Describe it",
            trigger:
                ".o_field_widget[name=violation_ids] .o_selected_row .o_field_widget[name=description] textarea",
            run: "edit Nhãn hiệu OCOP in sai màu trên bao bì",
        },
        {
            content: "Legal basis",
            trigger:
                ".o_field_widget[name=violation_ids] .o_selected_row .o_field_widget[name=legal_basis] input",
            run: "edit QĐ 1162/QĐ-VPĐP-OCOP",
        },
        {
            content: "A warning",
            trigger:
                ".o_field_widget[name=violation_ids] .o_selected_row .o_field_widget[name=action] select",
            run: "selectByLabel Warning",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, with its number",
            trigger: '.o_form_saved .o_field_widget[name=name]:contains("KT/")',
        },
        {
            content: "Start the inspection",
            trigger: "button[name=action_start]",
            run: "click",
        },
        {
            content: "The other items are compliant",
            trigger: "button[name=action_mark_unassessed_compliant]",
            run: "click",
        },
        {
            content: "Complete the inspection",
            trigger: "button[name=action_done]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The inspection is done",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Done")',
        },
    ],
});
