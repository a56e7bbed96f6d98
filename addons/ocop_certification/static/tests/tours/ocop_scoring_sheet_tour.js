/** @odoo-module **/
// Copyright 2026 OCOP for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A council member opens their sheet, ticks one option per criterion from the
// keyboard (type the points, pick the option) and submits.
function tick(row, text) {
    return [
        {
            content: `Criterion on row ${row}: open the option`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row:nth-child(${row}) td[name=option_id]`,
            run: "click",
        },
        {
            content: `Row ${row} is the one being edited`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row.o_selected_row:nth-child(${row}) .o_field_widget[name=option_id] input`,
        },
        {
            content: `Type "${text}"`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row.o_selected_row:nth-child(${row}) .o_field_widget[name=option_id] input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick "${text}"`,
            trigger: `.o-autocomplete--dropdown-item a:contains("${text}")`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("ocop_scoring_sheet_tour", {
    steps: () => [
        {
            content: "Open my sheet",
            trigger: ".o_list_view .o_data_row:first-child td[name=dossier_id]",
            run: "click",
        },
        ...tick(1, "30 điểm"),
        ...tick(2, "15 điểm"),
        ...tick(3, "5 điểm"),
        ...tick(4, "20 điểm"),
        ...tick(5, "4 điểm"),
        {
            content: "The running total is shown",
            trigger: '.o_field_widget[name=total]:contains("74")',
        },
        {
            content: "Give an opinion",
            trigger: ".o_field_widget[name=opinion] textarea",
            run: "edit Sản phẩm đạt chất lượng tốt",
        },
        {
            content: "Submit the sheet",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "The sheet is submitted",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Submitted")',
        },
    ],
});
