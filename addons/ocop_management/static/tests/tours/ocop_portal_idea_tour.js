/** @odoo-module **/
// Copyright 2026 OCOP for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A producer registers a product idea on the portal.
registry.category("web_tour.tours").add("ocop_portal_idea_tour", {
    url: "/my/ocop",
    steps: () => [
        {
            content: "Register a product idea",
            trigger: "a.o_ocop_new_idea",
            run: "click",
        },
        {
            content: "Name the idea",
            trigger: "form.o_ocop_idea_form input[name=name]",
            run: "edit Trà mãng cầu Ia Hrung",
        },
        {
            content: "Choose the product set",
            trigger: "form.o_ocop_idea_form select[name=product_group_id]",
            run: "selectByLabel I.5.a Chè tươi, chế biến",
        },
        {
            content: "Describe it",
            trigger: "form.o_ocop_idea_form textarea[name=description]",
            run: "edit Trà từ lá mãng cầu trồng tại xã",
        },
        {
            content: "Raw materials",
            trigger: "form.o_ocop_idea_form input[name=raw_material_origin]",
            run: "edit Vùng trồng 15 ha tại xã Ia Hrung",
        },
        {
            content: "Submit to the commune",
            trigger: "button.o_ocop_submit_idea",
            run: "click",
        },
        {
            content: "The idea is submitted",
            trigger: '.o_ocop_idea_state:contains("Submitted")',
        },
    ],
});

// The programme officer selects the reviewed idea in the back office.
registry.category("web_tour.tours").add("ocop_idea_selection_tour", {
    steps: () => [
        {
            content: "Open the idea",
            trigger: '.o_list_view .o_data_row td[name=name]:contains("Trà mãng cầu Ia Hrung")',
            run: "click",
        },
        {
            content: "Select it",
            trigger: ".o_form_view button[name=action_select]",
            run: "click",
        },
        {
            content: "The idea is selected",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Selected")',
        },
    ],
});
