# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import file_open
from odoo.tools.translate import (
    JAVASCRIPT_TRANSLATION_COMMENT,
    CodeTranslations,
    extract_spreadsheet_terms,
)

from odoo.addons.ocop_management.tests.test_dashboards import OcopDashboardMixin

from .common import OcopCertificationMixin

DASHBOARD_FILE = "ocop_certification/data/files/ocop_dashboard.json"


@tagged("post_install", "-at_install")
class TestOcopCertificationDashboards(
    OcopDashboardMixin, OcopCertificationMixin, TransactionCase
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.today = fields.Date.context_today(cls.env["ocop.certificate"])
        Product = cls.env["ocop.product"]
        cls.products = Product.browse()
        for index, (producer, commune) in enumerate(
            [
                (cls.producer_ia_hrung, cls.ia_hrung),
                (cls.producer_ia_hrung, cls.ia_hrung),
                (cls.producer_ia_hrung, cls.ia_hrung),
                (cls.producer_bien_ho, cls.bien_ho),
                (cls.producer_bien_ho, cls.bien_ho),
                (cls.producer_hoan_kiem, cls.hoan_kiem),
            ]
        ):
            cls.products |= Product.create(
                {
                    "name": f"Sản phẩm bảng điều khiển {index}",
                    "producer_id": producer.id,
                    "product_group_id": cls.product_set_coffee.id,
                    "commune_id": commune.id,
                }
            )

    def _certificate(self, product, stars, expiry, state="valid"):
        certificate = self.env["ocop.certificate"].create(
            {
                "product_id": product.id,
                "stars": stars,
                "framework_id": self.fw26.id,
                "issuing_level": "province",
                "issue_date": expiry - relativedelta(years=3),
            }
        )
        # The dashboards read the stored dates: set the exact expiry wanted.
        certificate.write({"expiry_date": expiry, "state": state})
        return certificate

    def _certificates(self):
        far = self.today + relativedelta(years=2)
        p = self.products
        return (
            self._certificate(p[0], 4, far)
            | self._certificate(p[1], 4, far)
            | self._certificate(p[2], 3, far, state="expiring")
            | self._certificate(p[3], 3, far)
            | self._certificate(p[4], 5, far, state="revoked")
            | self._certificate(p[5], 5, far)  # Hà Nội
        )

    # ------------------------------------------------------------------
    # Menus
    # ------------------------------------------------------------------
    def test_menus_and_home(self):
        """The certification dashboards sit in the OCOP Dashboards menu;
        "Products by stars" comes first, so the OCOP app opens on it."""
        xmlids = [
            "ocop_management.menu_ocop_dashboard",
            "ocop_certification.menu_ocop_dashboard_certificate_stars",
            "ocop_certification.menu_ocop_dashboard_certificate_expiring",
            "ocop_certification.menu_ocop_dashboard_dossier",
            "ocop_certification.menu_ocop_dashboard_council_round",
            "ocop_certification.menu_ocop_dashboard_spreadsheet",
        ]
        root = self.env.ref("ocop_management.menu_ocop_root")
        stars = self.env.ref(
            "ocop_certification.ocop_dashboard_certificate_stars_action"
        )
        for user in (self.viewer_gia_lai, self.programme_gia_lai, self.members[0]):
            menus = self.assert_menu_reachable(user, xmlids)
            self.assertEqual(menus[root.id]["actionID"], stars.id)
        spreadsheet = self.env.ref("ocop_certification.menu_ocop_dashboard_spreadsheet")
        self.assertEqual(
            spreadsheet.action,
            self.env.ref("spreadsheet_dashboard.ir_actions_dashboard_action"),
        )

    # ------------------------------------------------------------------
    # Window actions
    # ------------------------------------------------------------------
    def test_products_by_stars_and_commune(self):
        certificates = self._certificates()
        restrict = [("id", "in", certificates.ids)]
        dash = self.open_dashboard(
            "ocop_certification.ocop_dashboard_certificate_stars_action",
            self.programme_gia_lai,
            restrict,
        )
        expected = {
            (self.ia_hrung.id, 4): 2,
            (self.ia_hrung.id, 3): 1,
            (self.bien_ho.id, 3): 1,
        }
        self.assertEqual(dash["graph"], expected)
        self.assertEqual(
            {key: values["__count"] for key, values in dash["pivot"].items()},
            expected,
        )
        # A viewer of Gia Lai reads the same; the manager also sees Hà Nội.
        dash = self.open_dashboard(
            "ocop_certification.ocop_dashboard_certificate_stars_action",
            self.viewer_gia_lai,
            restrict,
        )
        self.assertEqual(dash["graph"], expected)
        dash = self.open_dashboard(
            "ocop_certification.ocop_dashboard_certificate_stars_action",
            self.ocop_manager,
            restrict,
        )
        self.assertEqual(dash["graph"], {**expected, (self.hoan_kiem.id, 5): 1})

    def test_certificates_expiring_within_six_months(self):
        today, p = self.today, self.products
        limit = today + relativedelta(months=6)
        soon = self._certificate(p[0], 4, today + timedelta(days=30))
        at_limit = self._certificate(p[1], 3, limit, state="expiring")
        # In force after its expiry: a re-rating filed in time awaits its decision.
        extended = self._certificate(p[2], 3, today - timedelta(days=10))
        after = self._certificate(p[3], 4, limit + timedelta(days=1))
        revoked = self._certificate(p[4], 5, today + timedelta(days=30), "revoked")
        ha_noi = self._certificate(p[5], 5, today + timedelta(days=30))
        dash = self.open_dashboard(
            "ocop_certification.ocop_dashboard_certificate_expiring_action",
            self.programme_gia_lai,
            [("id", "in", (soon | at_limit | extended | after | revoked | ha_noi).ids)],
        )
        found = (
            self.env["ocop.certificate"]
            .with_user(self.programme_gia_lai)
            .search(dash["domain"])
        )
        self.assertEqual(found, soon | at_limit | extended)
        self.assertEqual(
            self.collapse(dash["pivot"], 0, "__count"),
            {self.ia_hrung.id: 3},
        )
        self.assertEqual(self.collapse(dash["graph"], 1), {4: 1, 3: 2})
        # The list, first view of this dashboard, shows the soonest first.
        self.assertIn("expiry_date", dash["views"]["list"]["arch"])

    def _session(self, dossiers, state):
        session = self.env["ocop.council.session"].create(
            {
                "name": "Phiên họp bảng điều khiển",
                "council_id": self.council.id,
                "date_start": fields.Datetime.now(),
            }
        )
        dossiers.write({"session_id": session.id})
        session.state = state
        return session

    def _dossiers(self, specs):
        dossiers = self.env["ocop.dossier"]
        for product, state, year, round_ in specs:
            dossier = self.make_dossier(product=product, year=year, round=round_)
            dossier.write({"state": state})
            dossiers |= dossier
        return dossiers

    def test_dossiers_by_step(self):
        p = self.products
        dossiers = self._dossiers(
            [
                (p[0], "submitted", 2026, "1"),
                (p[1], "submitted", 2026, "1"),
                (p[2], "council", 2026, "1"),
                (p[3], "recognised", 2026, "1"),
                (p[4], "draft", 2026, "2"),
                (p[5], "submitted", 2026, "1"),  # Hà Nội
            ]
        )
        dash = self.open_dashboard(
            "ocop_certification.ocop_dashboard_dossier_action",
            self.programme_gia_lai,
            [("id", "in", dossiers.ids)],
        )
        self.assertEqual(
            dash["graph"],
            {("submitted",): 2, ("council",): 1, ("recognised",): 1, ("draft",): 1},
        )
        self.assertEqual(
            {key: values["__count"] for key, values in dash["pivot"].items()},
            {
                (self.ia_hrung.id, "submitted"): 2,
                (self.ia_hrung.id, "council"): 1,
                (self.bien_ho.id, "recognised"): 1,
                (self.bien_ho.id, "draft"): 1,
            },
        )

    def test_council_rounds(self):
        p = self.products
        first = self._dossiers(
            [
                (p[0], "recognised", 2026, "1"),
                (p[1], "recognised", 2026, "1"),
                (p[3], "not_recognised", 2026, "1"),
            ]
        )
        second = self._dossiers(
            [
                (p[2], "council", 2026, "2"),
                (p[4], "recognised", 2026, "2"),
            ]
        )
        earlier = self._dossiers([(p[0], "rejected", 2025, "2")])
        waiting = self._dossiers([(p[1], "reviewed", 2026, "2")])  # no session yet
        self._session(first, "closed")
        self._session(second, "scoring")
        self._session(earlier, "closed")
        dossiers = first | second | earlier | waiting
        dash = self.open_dashboard(
            "ocop_certification.ocop_dashboard_council_round_action",
            self.programme_gia_lai,
            [("id", "in", dossiers.ids)],
        )
        self.assertEqual(
            dash["graph"],
            {
                ("1", "recognised"): 2,
                ("1", "not_recognised"): 1,
                ("2", "council"): 1,
                ("2", "recognised"): 1,
                ("2", "rejected"): 1,
            },
        )
        self.assertEqual(
            {key: values["__count"] for key, values in dash["pivot"].items()},
            {
                (2026, "1", "recognised"): 2,
                (2026, "1", "not_recognised"): 1,
                (2026, "2", "council"): 1,
                (2026, "2", "recognised"): 1,
                (2025, "2", "rejected"): 1,
            },
        )

    # ------------------------------------------------------------------
    # Spreadsheet dashboard
    # ------------------------------------------------------------------
    def _spreadsheet(self):
        with file_open(DASHBOARD_FILE) as f:
            return json.load(f)

    def _check_domain(self, model, domain, where):
        for leaf in domain:
            if isinstance(leaf, list | tuple):
                self._check_field(model, leaf[0], where)

    def _check_field(self, model, path, where):
        Model = self.env[model]
        for name in path.split(":")[0].split("."):
            self.assertIn(name, Model._fields, f"{where}: {model} has no {path}")
            field = Model._fields[name]
            Model = self.env[field.comodel_name] if field.relational else Model

    def _check_matching(self, model, matching, filter_ids, where):
        """Each pivot and chart follows every global filter."""
        self.assertEqual(set(matching), filter_ids, where)
        for match in matching.values():
            self._check_field(model, match["chain"], where)

    def _check_pivot(self, pivot_id, pivot, filter_ids):
        where = f"pivot {pivot_id}"
        model = pivot["model"]
        self.assertIn(model, self.env, where)
        self.assertEqual(pivot["id"], pivot_id)
        self._check_domain(model, pivot["domain"], where)
        self._check_matching(model, pivot["fieldMatching"], filter_ids, where)
        groupby = [g["fieldName"] for g in pivot["rows"] + pivot["columns"]]
        measures = [m["fieldName"] for m in pivot["measures"]]
        aggregates = [m for m in measures if m != "__count"]
        for name in groupby + aggregates:
            self._check_field(model, name, where)
        # The pivot reads, as a viewer of the territory.
        self.env[model].with_user(self.viewer_gia_lai).read_group(
            pivot["domain"], aggregates, groupby, lazy=False
        )
        return measures

    def _check_chart(self, figure, filter_ids):
        chart = figure["data"]
        where = f"chart {figure['id']}"
        if chart["type"] == "scorecard":
            self.assertRegex(chart["keyValue"], r"^Data!B\d+$")
            return
        self.assertIn(chart["type"], ("odoo_bar", "odoo_pie"), where)
        meta = chart["metaData"]
        model = meta["resModel"]
        self.assertIn(model, self.env, where)
        for name in meta["groupBy"]:
            self._check_field(model, name, where)
        if meta["measure"] != "__count":
            self._check_field(model, meta["measure"], where)
        self._check_domain(model, chart["searchParams"]["domain"], where)
        self._check_matching(model, chart["fieldMatching"], filter_ids, where)

    def _check_cell(self, content, measures_of):
        for pivot_id in re.findall(r"PIVOT(?:\.VALUE|\.HEADER)?\((\d+)", content):
            self.assertIn(pivot_id, measures_of, content)
        for pivot_id, measure in re.findall(r'PIVOT\.VALUE\((\d+),"([^"]+)"', content):
            self.assertIn(measure, measures_of[pivot_id], content)
        link = re.fullmatch(r"\[.+\]\(odoo://view/(.+)\)", content)
        if link:
            action = json.loads(link[1])["action"]
            model = action["modelName"]
            self.assertIn(model, self.env, content)
            self._check_domain(model, action["domain"], content)
            context = action["context"]
            for key in ("graph_groupbys", "pivot_row_groupby", "pivot_column_groupby"):
                for name in context.get(key, []):
                    self._check_field(model, name, content)

    def test_spreadsheet_json_references(self):
        """Every model, field, pivot, filter and menu the spreadsheet names
        exists, and every pivot reads as a viewer."""
        data = self._spreadsheet()
        self.assertEqual(data["version"], 21)
        self.assertEqual(data["odooVersion"], 12)
        filter_ids = {f["id"] for f in data["globalFilters"]}
        for global_filter in data["globalFilters"]:
            self.assertEqual(global_filter["type"], "relation")
            model = global_filter["modelName"]
            self.assertIn(model, self.env)
            self._check_domain(model, global_filter["domainOfAllowedValues"], model)
        measures_of = {
            pivot_id: self._check_pivot(pivot_id, pivot, filter_ids)
            for pivot_id, pivot in data["pivots"].items()
        }
        self.assertEqual(data["pivotNextId"], len(data["pivots"]) + 1)
        figures = [f for sheet in data["sheets"] for f in sheet["figures"]]
        self.assertEqual(len(figures), 5)
        for figure in figures:
            self._check_chart(figure, filter_ids)
        cells = [c for sheet in data["sheets"] for c in sheet["cells"].values()]
        for cell in cells:
            self._check_cell(cell["content"], measures_of)
        self.assertIn("=PIVOT(1)", [cell["content"] for cell in cells])
        self.assertEqual(
            set(data["chartOdooMenusReferences"]), {f["id"] for f in figures}
        )
        for xmlid in data["chartOdooMenusReferences"].values():
            self.assertEqual(self.env.ref(xmlid)._name, "ir.ui.menu")

    def test_spreadsheet_dashboard_record(self):
        """The dashboard is published in its OCOP group, shown to the OCOP
        groups only, and holds the JSON file; its figures count the
        viewer's certificates."""
        dashboard = self.env.ref("ocop_certification.spreadsheet_dashboard_ocop")
        self.assertEqual(
            json.loads(dashboard.spreadsheet_data)["pivots"],
            self._spreadsheet()["pivots"],
        )
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.viewer_gia_lai, self.programme_gia_lai, self.members[0]):
            self.assertIn(dashboard, Dashboard.with_user(user).search([]))
            groups = (
                self.env["spreadsheet.dashboard.group"]
                .with_user(user)
                .search([("published_dashboard_ids", "!=", False)])
            )
            self.assertIn(dashboard.dashboard_group_id, groups)
        readonly = dashboard.with_user(self.viewer_gia_lai).get_readonly_dashboard()
        self.assertEqual(len(readonly["snapshot"]["sheets"]), 2)
        outsider = new_test_user(
            self.env, login="outsider_sheet", groups="base.group_user"
        )
        self.assertNotIn(dashboard, Dashboard.with_user(outsider).search([]))
        # Pivot 1 (products by province and stars) as the viewer of Gia Lai.
        certificates = self._certificates()
        pivot = self._spreadsheet()["pivots"]["1"]
        groups = (
            self.env[pivot["model"]]
            .with_user(self.viewer_gia_lai)
            .read_group(
                pivot["domain"] + [["id", "in", certificates.ids]],
                [],
                [g["fieldName"] for g in pivot["rows"] + pivot["columns"]],
                lazy=False,
            )
        )
        self.assertEqual(
            {(g["province_id"][0], g["stars"]): g["__count"] for g in groups},
            {(self.gia_lai.id, 4): 2, (self.gia_lai.id, 3): 2},
        )

    def test_spreadsheet_terms_translated(self):
        """Every term of the spreadsheet that Odoo extracts for translation is
        among the Vietnamese web translations the web client loads."""
        with file_open(DASHBOARD_FILE, "rb") as f:
            terms = {
                term for _l, _f, term, _c in extract_spreadsheet_terms(f, [], [], {})
            }
        self.assertIn("Dossiers by Step", terms)
        web = CodeTranslations._get_code_translations(
            "ocop_certification",
            "vi_VN",
            lambda row: (
                row.get("value") and JAVASCRIPT_TRANSLATION_COMMENT in row["comments"]
            ),
        )
        missing = sorted(terms - set(web))
        self.assertFalse(missing, f"not translated in vi.po: {missing}")
        self.assertEqual(web["Dossiers by Step"], "Hồ sơ theo bước")

    def test_translated_in_vietnamese(self):
        self.assert_translated_vi(
            "ocop_certification",
            [
                "ocop_certification.ocop_dashboard_certificate_stars_action",
                "ocop_certification.ocop_dashboard_certificate_expiring_action",
                "ocop_certification.ocop_dashboard_dossier_action",
                "ocop_certification.ocop_dashboard_council_round_action",
                "ocop_certification.menu_ocop_dashboard_certificate_stars",
                "ocop_certification.menu_ocop_dashboard_certificate_expiring",
                "ocop_certification.menu_ocop_dashboard_dossier",
                "ocop_certification.menu_ocop_dashboard_council_round",
                "ocop_certification.menu_ocop_dashboard_spreadsheet",
                "ocop_certification.spreadsheet_dashboard_ocop",
            ],
        )
        menu = self.env.ref("ocop_certification.menu_ocop_dashboard_certificate_stars")
        self.assertEqual(
            menu.with_context(lang="vi_VN").name, "Sản phẩm theo hạng sao và xã"
        )


# Runs in the browser: finds the dashboard action's spreadsheet model, waits
# for its data, and reports what the cells evaluate to.
SPREADSHEET_PROBE = """
(async () => {
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const find = (node) => {
        const state = node.component && node.component.state;
        if (state && state.activeDashboard && state.activeDashboard.model) {
            return state.activeDashboard;
        }
        for (const child of Object.values(node.children || {})) {
            const found = find(child);
            if (found) {
                return found;
            }
        }
    };
    let dashboard;
    for (let i = 0; i < 200 && !dashboard; i++) {
        await sleep(100);
        dashboard = odoo.__WOWL_DEBUG__ && find(odoo.__WOWL_DEBUG__.root.__owl__);
    }
    if (!dashboard) {
        throw new Error("the dashboard did not load");
    }
    const { waitForDataLoaded } = odoo.loader.modules.get("@spreadsheet/helpers/model");
    const model = dashboard.model;
    await waitForDataLoaded(model);
    const values = {};
    for (const sheetId of model.getters.getSheetIds()) {
        const name = model.getters.getSheetName(sheetId);
        for (const position of model.getters.getEvaluatedCellsPositions(sheetId)) {
            const xc = String.fromCharCode(65 + position.col) + (position.row + 1);
            values[name + "!" + xc] = model.getters.getEvaluatedCell(position).value;
        }
    }
    const errors = Object.entries(values).filter(
        ([_key, value]) => typeof value === "string" && value.startsWith("#")
    );
    if (errors.length) {
        throw new Error("cells in error: " + JSON.stringify(errors));
    }
    const expected = EXPECTED;
    for (const [key, value] of Object.entries(expected)) {
        if (values[key] !== value) {
            throw new Error(key + ": " + value + " not in " + JSON.stringify(values));
        }
    }
    console.log("test successful");
})();
"""


@tagged("post_install", "-at_install")
class TestOcopDashboardsInTheBrowser(OcopCertificationMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()

    def test_spreadsheet_dashboard_evaluates(self):
        """The OCOP spreadsheet opens in Odoo's Dashboards for a viewer, every
        cell evaluates (no #ERROR) and the figures count their records."""
        Certificate = self.env["ocop.certificate"]
        # Every star level, so the pivot's columns are 3, 4, 5 and Total.
        for stars in (3, 4, 4, 5):
            product = self.env["ocop.product"].create(
                {
                    "name": f"Sản phẩm {stars} sao",
                    "producer_id": self.producer_ia_hrung.id,
                    "product_group_id": self.product_set_coffee.id,
                    "commune_id": self.ia_hrung.id,
                }
            )
            Certificate.create(
                {
                    "product_id": product.id,
                    "stars": stars,
                    "framework_id": self.fw26.id,
                    "issue_date": fields.Date.today(),
                }
            )
        viewer = self.viewer_gia_lai
        in_force = Certificate.with_user(viewer).search_count(
            [("state", "in", ("valid", "expiring"))]
        )
        four_stars = Certificate.with_user(viewer).search_count(
            [("state", "in", ("valid", "expiring")), ("stars", "=", 4)]
        )
        self.assertGreaterEqual(four_stars, 2)
        dashboard = self.env.ref("ocop_certification.spreadsheet_dashboard_ocop")
        expected = {
            "Data!B2": in_force,
            "Dashboard!A24": "(#1) Products by Province and Stars",
            # The viewer's only province, and its total over the stars.
            "Dashboard!A26": self.gia_lai.name,
            "Dashboard!C26": four_stars,
            "Dashboard!E26": in_force,
        }
        self.browser_js(
            f"/odoo/dashboards?dashboard_id={dashboard.id}",
            SPREADSHEET_PROBE.replace("EXPECTED", json.dumps(expected)),
            login=viewer.login,
            timeout=120,
        )

    def test_home_opens_products_by_stars(self):
        """The OCOP app opens on the first dashboard: its graph renders."""
        self.browser_js(
            "/odoo/action-ocop_certification.ocop_dashboard_certificate_stars_action",
            """
            (async () => {
                for (let i = 0; i < 200; i++) {
                    const canvas = ".o_graph_view .o_graph_canvas_container canvas";
                    if (document.querySelector(canvas)) {
                        console.log("test successful");
                        return;
                    }
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                throw new Error("the graph did not render");
            })();
            """,
            login=self.programme_gia_lai.login,
            timeout=60,
        )
