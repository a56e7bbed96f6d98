/** @odoo-module **/
// Copyright 2026 OCOP for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// The screens of two roles, each logged in with their own account: the
// commune officer records the commune's check (Mẫu 03) of a dossier; the
// council's secretary reopens a member's sheet with a reason, then closes the
// session. An error dialog (Access Error, Validation Error...) fails the tour
// at once, with its text: no step may go on behind it.

function watchErrorDialogs() {
    return {
        content: "Fail the tour as soon as an error dialog is shown",
        trigger: "body",
        run() {
            const report = () => {
                for (const dialog of document.querySelectorAll(".o_error_dialog")) {
                    if (!dialog.dataset.ocopReported) {
                        dialog.dataset.ocopReported = "1";
                        const text = dialog.innerText.replace(/\s+/g, " ").trim();
                        console.error(`The user got an error dialog: ${text}`);
                    }
                }
            };
            report();
            if (!window.ocopErrorDialogWatch) {
                window.ocopErrorDialogWatch = new MutationObserver(report);
                window.ocopErrorDialogWatch.observe(document.body, {
                    childList: true,
                    subtree: true,
                });
            }
        },
    };
}

function noErrorDialog() {
    return {
        content: "No error dialog is shown",
        trigger: "body:not(:has(.o_error_dialog))",
    };
}

function openEvaluationMenu(menuXmlid, name) {
    return [
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
            content: "Open the evaluation menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="ocop_certification.menu_ocop_evaluation"]',
            run: "click",
        },
        {
            content: `Open the ${name}`,
            trigger: `.o-dropdown-item[data-menu-xmlid="${menuXmlid}"]`,
            run: "click",
        },
    ];
}

function statusIs(label) {
    return {
        content: `The status is "${label}"`,
        trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains("${label}")`,
    };
}

function editText(field, text) {
    return {
        content: `Fill in ${field}`,
        trigger: `.o_form_view .o_field_widget[name=${field}] textarea`,
        run: `edit ${text}`,
    };
}

registry.category("web_tour.tours").add("ocop_commune_check_tour", {
    steps: () => [
        watchErrorDialogs(),
        ...openEvaluationMenu("ocop_certification.menu_ocop_dossier", "dossiers"),
        {
            content: "Open the dossier filed with the commune",
            trigger: '.o_list_view .o_data_row:contains("Filed with the Commune") td[name=name]',
            run: "click",
        },
        statusIs("Filed with the Commune"),
        {
            content: "Go to the commune's check (Mẫu 03)",
            trigger: '.o_notebook .nav-link[name="commune_check"]',
            run: "click",
        },
        editText("commune_raw_material", "Cà phê Robusta trồng tại xã Ia Hrung"),
        editText("commune_labour", "25 lao động địa phương"),
        editText("commune_idea_origin", "Ý tưởng của hợp tác xã từ năm 2020"),
        editText("commune_identity", "Bao bì in hình nhà rông Tây Nguyên"),
        {
            content: "Conclude: forward to the province",
            trigger: ".o_form_view .o_field_widget[name=commune_conclusion] select",
            run: "selectByLabel Forward to the Province",
        },
        editText("commune_conclusion_note", "Đủ điều kiện gửi huyện, tỉnh đánh giá"),
        {
            content: "Record the commune's check",
            trigger: ".o_form_view button[name=action_commune_check]",
            run: "click",
        },
        statusIs("Checked by the Commune"),
        {
            content: "The check is saved",
            trigger: ".o_form_saved",
        },
        noErrorDialog(),
    ],
});

registry.category("web_tour.tours").add("ocop_secretary_reopen_tour", {
    steps: () => [
        watchErrorDialogs(),
        ...openEvaluationMenu(
            "ocop_certification.menu_ocop_council_session",
            "council sessions"
        ),
        {
            content: "Open the session being scored",
            trigger: '.o_list_view .o_data_row:contains("Scoring") td[name=name]',
            run: "click",
        },
        statusIs("Scoring"),
        {
            content: "The members' totals differ too much",
            trigger: '.o_form_view .o_field_widget[name=dossier_ids] .o_data_row:contains("Cà phê Ia Hrung")',
        },
        {
            content: "Open the session's sheets",
            trigger: ".o_form_view button[name=action_view_evaluations]",
            run: "click",
        },
        {
            content: "Unfold the sheets of the dossier",
            trigger: '.o_list_view .o_group_header:contains("Cà phê Ia Hrung")',
            run: "click",
        },
        {
            content: "Open the outlying member's sheet",
            trigger: '.o_list_view .o_data_row:contains("Thành viên 7") td[name=dossier_id]',
            run: "click",
        },
        statusIs("Submitted"),
        {
            content: "Reopen the sheet",
            trigger: ".o_form_view button[name=action_open_reopen_wizard]",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Tổng điểm lệch hơn 10 điểm so với các thành viên khác: đề nghị chấm lại",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        statusIs("To Score"),
        noErrorDialog(),
    ],
});

registry.category("web_tour.tours").add("ocop_secretary_close_tour", {
    steps: () => [
        watchErrorDialogs(),
        ...openEvaluationMenu(
            "ocop_certification.menu_ocop_council_session",
            "council sessions"
        ),
        {
            content: "Open the session being scored",
            trigger: '.o_list_view .o_data_row:contains("Scoring") td[name=name]',
            run: "click",
        },
        statusIs("Scoring"),
        {
            content: "Close the session",
            trigger: ".o_form_view button[name=action_close]",
            run: "click",
        },
        statusIs("Closed"),
        {
            content: "The dossier has its result",
            trigger:
                '.o_form_view .o_field_widget[name=dossier_ids] .o_data_row:contains("Cà phê Ia Hrung"):contains("Scored")',
        },
        noErrorDialog(),
    ],
});

// The guard of the tours above (test_role_tours.py checks that it fails): the
// commune officer records the check with Mẫu 03 left empty, and is told what
// to complete in an error dialog.
registry.category("web_tour.tours").add("ocop_error_dialog_tour", {
    steps: () => [
        watchErrorDialogs(),
        statusIs("Filed with the Commune"),
        {
            content: "Record the commune's check with Mẫu 03 empty",
            trigger: ".o_form_view button[name=action_commune_check]",
            run: "click",
        },
        {
            content: "The officer is told what to complete",
            trigger: ".o_error_dialog",
        },
    ],
});
