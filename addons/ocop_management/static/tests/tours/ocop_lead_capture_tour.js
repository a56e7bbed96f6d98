/** @odoo-module **/
// Copyright 2026 OCOP for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

const FAIR = "Hội chợ OCOP tour";

/** From the fairs' cards: capture two buyers met at booth T01. */
function captureSteps() {
    return [
        {
            content: "Capture a lead from the fair's card",
            trigger: `.o_kanban_record:contains("${FAIR}") button.o_ocop_capture_lead`,
            run: "click",
        },
        {
            content: "The fair is preset",
            trigger: `.modal .o_field_widget[name=event_id] input:value("${FAIR}")`,
        },
        {
            content: "Choose booth T01",
            trigger: ".modal .o_field_widget[name=booth_id] select",
            run: "selectByLabel Gian T01",
        },
        {
            content: "The booth's producer is filled in",
            trigger: '.modal .o_field_widget[name=producer_id] input:value("HTX Thử nghiệm Ia Hrung")',
        },
        {
            content: "Buyer's name",
            trigger: ".modal .o_field_widget[name=contact_name] input",
            run: "edit Chị Hoa",
        },
        {
            content: "Buyer's phone",
            trigger: ".modal .o_field_widget[name=phone] input",
            run: "edit 0905 111 222",
        },
        {
            content: "Interested in the booth's coffee",
            trigger:
                '.modal .o_field_widget[name=ocop_product_ids] .form-check:contains("Cà phê Ia Hrung") input',
            run: "click",
        },
        {
            content: "The product is ticked",
            trigger:
                '.modal .o_field_widget[name=ocop_product_ids] .form-check:contains("Cà phê Ia Hrung") input:checked',
        },
        {
            content: "Save and capture the next buyer",
            trigger: ".modal button.o_ocop_capture_save_new",
            run: "click",
        },
        {
            content: "A fresh form (nothing ticked), still at booth T01",
            trigger:
                '.modal:not(:has([name=ocop_product_ids] input:checked)) [name=booth_id] select:has(option:checked:contains("Gian T01"))',
        },
        {
            content: "Second buyer's name",
            trigger: ".modal .o_field_widget[name=contact_name] input",
            run: "edit Anh Tuấn",
        },
        {
            content: "Second buyer's shop",
            trigger: ".modal .o_field_widget[name=partner_name] input",
            run: "edit Siêu thị mini Phố Núi",
        },
        {
            content: "Second buyer's e-mail",
            trigger: ".modal .o_field_widget[name=email] input",
            run: "edit tuan@example.com",
        },
        {
            content: "Save",
            trigger: ".modal button.o_ocop_capture_save",
            run: "click",
        },
        {
            content: "The lead is saved",
            trigger: '.o_notification:contains("saved")',
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

registry.category("web_tour.tours").add("ocop_lead_capture_tour", {
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
            content: "Open Trade Promotion",
            trigger: '.o_menu_sections button[data-menu-xmlid="ocop_management.menu_ocop_trade"]',
            run: "click",
        },
        {
            content: "Go to the fairs",
            trigger: '.dropdown-item[data-menu-xmlid="ocop_management.menu_ocop_fair"]',
            run: "click",
        },
        ...captureSteps(),
    ],
});

// The same capture on a phone screen, starting from the fairs' page.
registry.category("web_tour.tours").add("ocop_lead_capture_mobile_tour", {
    steps: () => captureSteps(),
});
