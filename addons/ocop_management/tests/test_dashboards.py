# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.osv import expression
from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval
from odoo.tools.safe_eval import time as safe_time

from .test_trade import OcopTradeMixin


class OcopDashboardMixin:
    """Open a dashboard action the way the web client does, as a given user:
    evaluate its domain and context, load its views (``get_views``), then read
    the groups its graph and pivot views ask for (``read_group`` with the
    action's ``graph_groupbys`` / ``pivot_row_groupby`` +
    ``pivot_column_groupby`` and measures)."""

    def open_dashboard(self, xmlid, user, restrict=None):
        """Return ``{"domain", "context", "views", "graph", "pivot"}``:
        ``graph`` maps each group (a tuple of values, many2one as ids) to the
        graph measure, ``pivot`` to a dict of the pivot measures. ``restrict``
        is ANDed to the action's domain, to keep to the test's records."""
        action = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(xmlid)
        Model = self.env[action["res_model"]].with_user(user)
        eval_context = {
            "uid": user.id,
            "context_today": lambda: fields.Date.context_today(Model),
            "relativedelta": relativedelta,
            "datetime": safe_datetime,
            "time": safe_time,
        }
        domain = safe_eval(action["domain"] or "[]", eval_context)
        context = safe_eval(action["context"] or "{}", eval_context)
        modes = action["view_mode"].split(",")
        self.assertIn("graph", modes, f"{xmlid}: a dashboard has a graph view")
        self.assertIn("pivot", modes, f"{xmlid}: a dashboard has a pivot view")
        self.assertEqual([mode for _view, mode in action["views"]], modes)
        search_view = action["search_view_id"] and action["search_view_id"][0]
        views = Model.with_context(**context).get_views(
            [list(view) for view in action["views"]] + [[search_view, "search"]]
        )["views"]
        for mode in [*modes, "search"]:
            self.assertIn(mode, views, f"{xmlid}: no {mode} view")
            self.assertTrue(views[mode]["arch"])
        if restrict is not None:
            domain = expression.AND([domain, restrict])
        Model = Model.with_context(**context)
        graph_measure = context.get("graph_measure", "__count")
        graph = self._groups(Model, domain, context["graph_groupbys"], [graph_measure])
        pivot_measures = context.get("pivot_measures", ["__count"])
        pivot = self._groups(
            Model,
            domain,
            context.get("pivot_row_groupby", [])
            + context.get("pivot_column_groupby", []),
            pivot_measures,
        )
        # What the list shows: the same records as the groups.
        total = sum(values["__count"] for values in pivot.values())
        self.assertEqual(Model.search_count(domain), total)
        return {
            "domain": domain,
            "context": context,
            "views": views,
            "graph": {key: values[graph_measure] for key, values in graph.items()},
            "pivot": pivot,
        }

    def _groups(self, Model, domain, groupby, measures):
        self.assertTrue(groupby, "a dashboard groups its records")
        for spec in groupby:
            field = Model._fields[spec.split(":")[0]]
            self.assertTrue(field.store, f"{spec} is stored, so groupable")
        aggregates = [m for m in measures if m != "__count"]
        for measure in aggregates:
            self.assertIn(measure, Model._fields)
        result = {}
        for group in Model.read_group(domain, aggregates, groupby, lazy=False):
            key = tuple(self._value(group[spec]) for spec in groupby)
            values = {m: group[m] for m in aggregates}
            values["__count"] = group["__count"]
            result[key] = values
        return result

    @staticmethod
    def _value(value):
        return value[0] if isinstance(value, tuple) else value

    @staticmethod
    def collapse(groups, index, measure=None):
        """Sum the groups over every dimension but ``index``."""
        totals = defaultdict(int)
        for key, value in groups.items():
            totals[key[index]] += value[measure] if measure else value
        return dict(totals)

    def assert_translated_vi(self, module, xmlids):
        """Load the module's Vietnamese translations as Odoo does; the names
        (and the help of the actions) of the records are translated."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            [module], ["vi_VN"], overwrite=True
        )
        for xmlid in xmlids:
            record = self.env.ref(xmlid)
            english = record.with_context(lang="en_US")
            vietnamese = record.with_context(lang="vi_VN")
            self.assertNotEqual(vietnamese.name, english.name, xmlid)
            if record._name == "ir.actions.act_window":
                self.assertNotEqual(str(vietnamese.help), str(english.help), xmlid)

    def assert_menu_reachable(self, user, menu_xmlids):
        """The menus are in the web client's menus of ``user`` (a menu whose
        action the user may not read is left out by Odoo)."""
        menus = self.env["ir.ui.menu"].with_user(user).load_web_menus(False)
        for xmlid in menu_xmlids:
            self.assertIn(self.env.ref(xmlid).id, menus, f"{xmlid} not reachable")
        return menus


@tagged("post_install", "-at_install")
class TestOcopManagementDashboards(OcopDashboardMixin, OcopTradeMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trade_data()
        cls.cycle = cls.env["ocop.cycle"].create(
            {
                "name": "Chu trình OCOP 2026 thử nghiệm",
                "year": 2026,
                "admin_unit_id": cls.gia_lai.id,
                "user_id": cls.programme_gia_lai.id,
            }
        )
        cls.cycle_ha_noi = cls.env["ocop.cycle"].create(
            {"name": "Chu trình Hà Nội", "year": 2026, "admin_unit_id": cls.ha_noi.id}
        )

    def _ideas(self, specs):
        ideas = self.env["ocop.product.idea"]
        for producer, state in specs:
            cycle = self.cycle_ha_noi if producer == self.producer_hoan_kiem else None
            idea = ideas.create(
                {
                    "name": f"Ý tưởng {state}",
                    "cycle_id": (cycle or self.cycle).id,
                    "producer_id": producer.id,
                    "product_group_id": self.product_set_coffee.id,
                    "description": "Thử nghiệm bảng điều khiển",
                }
            )
            idea.write({"state": state})
            ideas |= idea
        return ideas

    def test_menu_first_in_the_app(self):
        """Dashboards is the first menu of the OCOP app, every viewer reaches
        its entries, and the app opens on its first dashboard."""
        root = self.env.ref("ocop_management.menu_ocop_root")
        dashboards = self.env.ref("ocop_management.menu_ocop_dashboard")
        self.assertEqual(root.child_id.sorted("sequence")[:1], dashboards)
        xmlids = [
            "ocop_management.menu_ocop_dashboard",
            "ocop_management.menu_ocop_dashboard_idea",
            "ocop_management.menu_ocop_dashboard_business_plan",
            "ocop_management.menu_ocop_dashboard_event",
            "ocop_management.menu_ocop_dashboard_revenue",
            "ocop_management.menu_ocop_dashboard_progress_report",
        ]
        for user in (self.viewer_gia_lai, self.programme_gia_lai):
            menus = self.assert_menu_reachable(user, xmlids)
            first = menus[menus[dashboards.id]["children"][0]]
            self.assertTrue(first["actionID"])
            self.assertEqual(menus[root.id]["actionID"], first["actionID"])
            self.assertEqual(menus[root.id]["children"][0], dashboards.id)
        # A user outside OCOP does not see the app at all.
        outsider = self.env["res.users"].create(
            {"name": "Người ngoài", "login": "outsider_dashboards"}
        )
        menus = self.env["ir.ui.menu"].with_user(outsider).load_web_menus(False)
        self.assertNotIn(dashboards.id, menus)

    def test_translated_in_vietnamese(self):
        self.assert_translated_vi(
            "ocop_management",
            [
                "ocop_management.menu_ocop_dashboard",
                "ocop_management.menu_ocop_dashboard_idea",
                "ocop_management.menu_ocop_dashboard_business_plan",
                "ocop_management.menu_ocop_dashboard_event",
                "ocop_management.menu_ocop_dashboard_revenue",
                "ocop_management.menu_ocop_dashboard_progress_report",
                "ocop_management.ocop_dashboard_idea_action",
                "ocop_management.ocop_dashboard_business_plan_action",
                "ocop_management.ocop_dashboard_event_action",
                "ocop_management.ocop_dashboard_revenue_action",
                "ocop_management.ocop_dashboard_progress_report_action",
            ],
        )
        menu = self.env.ref("ocop_management.menu_ocop_dashboard")
        self.assertEqual(menu.with_context(lang="vi_VN").name, "Bảng điều khiển")

    def test_ideas_and_plans_by_step(self):
        ideas = self._ideas(
            [
                (self.producer_ia_hrung, "submitted"),
                (self.producer_ia_hrung, "submitted"),
                (self.producer_ia_hrung, "selected"),
                (self.producer_bien_ho, "selected"),
                (self.producer_bien_ho, "rejected"),
                (self.producer_hoan_kiem, "submitted"),  # Hà Nội: not theirs
            ]
        )
        dash = self.open_dashboard(
            "ocop_management.ocop_dashboard_idea_action",
            self.programme_gia_lai,
            [("id", "in", ideas.ids)],
        )
        self.assertEqual(
            dash["graph"], {("submitted",): 2, ("selected",): 2, ("rejected",): 1}
        )
        self.assertEqual(
            {key: values["__count"] for key, values in dash["pivot"].items()},
            {
                (self.ia_hrung.id, "submitted"): 2,
                (self.ia_hrung.id, "selected"): 1,
                (self.bien_ho.id, "selected"): 1,
                (self.bien_ho.id, "rejected"): 1,
            },
        )
        selected = ideas.filtered(lambda i: i.state == "selected")
        Plan = self.env["ocop.business.plan"]
        plans = Plan.create(
            [
                {"name": "PA 1", "idea_id": selected[0].id, "investment_total": 100e6},
                {"name": "PA 2", "idea_id": selected[0].id, "investment_total": 50e6},
                {"name": "PA 3", "idea_id": selected[1].id, "investment_total": 70e6},
            ]
        )
        plans[0].write({"state": "selected"})
        plans[1].write({"state": "rejected"})
        plans[2].write({"state": "submitted"})
        dash = self.open_dashboard(
            "ocop_management.ocop_dashboard_business_plan_action",
            self.programme_gia_lai,
            [("id", "in", plans.ids)],
        )
        self.assertEqual(
            dash["graph"], {("selected",): 1, ("rejected",): 1, ("submitted",): 1}
        )
        communes = {plan.commune_id.id for plan in plans}
        self.assertEqual(communes, {self.ia_hrung.id, self.bien_ho.id})
        investment = self.collapse(dash["pivot"], 0, "investment_total")
        self.assertEqual(
            investment,
            {
                selected[0].commune_id.id: 150e6,
                selected[1].commune_id.id: 70e6,
            },
        )

    def test_fairs_by_year(self):
        Event = self.env["event.event"]

        def event(name, kind, level, day, unit):
            begin = fields.Datetime.to_datetime(day)
            return Event.create(
                {
                    "name": name,
                    "ocop_kind": kind,
                    "ocop_level": level,
                    "ocop_admin_unit_id": unit.id,
                    "date_begin": begin,
                    "date_end": begin + timedelta(days=2),
                }
            )

        events = (
            self.fair
            | event("Hội chợ 2025", "fair", "province", date(2025, 6, 10), self.gia_lai)
            | event(
                "Hội chợ xã 2025", "fair", "commune", date(2025, 9, 1), self.bien_ho
            )
            | event(
                "Kết nối 2025", "connection", "province", date(2025, 3, 1), self.gia_lai
            )
        )
        not_ocop = Event.create(
            {
                "name": "Sự kiện khác",
                "date_begin": fields.Datetime.now(),
                "date_end": fields.Datetime.now() + timedelta(days=1),
            }
        )
        dash = self.open_dashboard(
            "ocop_management.ocop_dashboard_event_action",
            self.programme_gia_lai,
            [("id", "in", (events | not_ocop).ids)],
        )
        this_year = str(self.fair.date_begin.year)
        self.assertEqual(
            dash["graph"],
            {("2025", "fair"): 2, ("2025", "connection"): 1, (this_year, "fair"): 1},
        )
        self.assertEqual(
            {key: values["__count"] for key, values in dash["pivot"].items()},
            {
                ("2025", "province"): 2,
                ("2025", "commune"): 1,
                (this_year, "province"): 1,
            },
        )

    def test_revenue(self):
        tmpl_tea = self.env["product.template"].create(
            {"name": "Chè Hoàn Kiếm 100 g", "list_price": 80000}
        )
        self.product_hoan_kiem.product_tmpl_ids = tmpl_tea
        self._order(
            self.buyer,
            [(self.coffee, 10, 120000), (self.plain, 3, 5000)],
            ocop_event_id=self.fair.id,
        )
        self._order(self.buyer, [(self.honey, 2, 150000)])
        self._order(self.buyer, [(self.honey, 7, 150000)], confirm=False)
        self._order(self.buyer, [(tmpl_tea.product_variant_id, 4, 80000)])
        products = self.product_ia_hrung | self.product_bien_ho | self.product_hoan_kiem
        restrict = [("ocop_product_id", "in", products.ids)]
        dash = self.open_dashboard(
            "ocop_management.ocop_dashboard_revenue_action",
            self.programme_gia_lai,
            restrict,
        )
        self.assertEqual(
            self.collapse(dash["pivot"], 0, "price_subtotal"),
            {self.ia_hrung.id: 1200000, self.bien_ho.id: 300000},
        )
        self.assertEqual(
            self.collapse(dash["pivot"], 0, "product_uom_qty"),
            {self.ia_hrung.id: 10, self.bien_ho.id: 2},
        )
        self.assertEqual(
            self.collapse(dash["graph"], 1), {"fair": 1200000, False: 300000}
        )
        # The manager sees every territory, still only confirmed OCOP sales.
        dash = self.open_dashboard(
            "ocop_management.ocop_dashboard_revenue_action", self.ocop_manager, restrict
        )
        self.assertEqual(
            self.collapse(dash["pivot"], 0, "price_subtotal"),
            {
                self.ia_hrung.id: 1200000,
                self.bien_ho.id: 300000,
                self.hoan_kiem.id: 320000,
            },
        )

    def test_progress_reports_received_and_late(self):
        Report = self.env["ocop.progress.report"]
        agency = self.env["res.partner"].create(
            {"name": "Sở Công Thương thử nghiệm", "ocop_entity_type": "agency"}
        )
        march, april = date(2026, 3, 1), date(2026, 4, 1)

        def report(start, state, late, unit=None, partner=None, kind="unit"):
            end = start + relativedelta(months=1, days=-1)
            return Report.create(
                {
                    "kind": kind,
                    "cycle_id": self.cycle.id,
                    "admin_unit_id": unit.id if unit else False,
                    "agency_id": partner.id if partner else False,
                    "receiving_unit_id": self.gia_lai.id,
                    "period_start": start,
                    "period_end": end,
                    "due_date": end + timedelta(days=10),
                    "state": state,
                    "is_late": late,
                }
            )

        reports = (
            report(march, "accepted", False, self.ia_hrung)
            | report(march, "submitted", True, self.bien_ho)
            | report(march, "draft", True, partner=agency)
            | report(april, "submitted", False, self.ia_hrung)
            | report(april, "draft", False, self.bien_ho)
            | report(april, "returned", True, partner=agency)
        )
        consolidated = report(march, "draft", False, self.gia_lai, kind="consolidated")
        ha_noi = Report.create(
            {
                "kind": "unit",
                "admin_unit_id": self.hoan_kiem.id,
                "receiving_unit_id": self.ha_noi.id,
                "period_start": march,
                "period_end": march + relativedelta(months=1, days=-1),
                "due_date": april + timedelta(days=9),
                "state": "submitted",
            }
        )
        self.assertEqual(
            reports.mapped("is_late"), [False, True, True, False, False, True]
        )
        dash = self.open_dashboard(
            "ocop_management.ocop_dashboard_progress_report_action",
            self.programme_gia_lai,
            [("id", "in", (reports | consolidated | ha_noi).ids)],
        )
        self.assertEqual(
            dash["graph"],
            {
                ("March 2026", False): 1,
                ("March 2026", True): 2,
                ("April 2026", False): 2,
                ("April 2026", True): 1,
            },
        )
        pivot = {key: values["__count"] for key, values in dash["pivot"].items()}
        received = sum(
            count
            for (_m, state, _l), count in pivot.items()
            if state in ("submitted", "accepted")
        )
        late = sum(count for (_m, _s, is_late), count in pivot.items() if is_late)
        self.assertEqual((received, late, sum(pivot.values())), (3, 3, 6))
        self.assertEqual(
            self.collapse({(k[1], k[2]): v for k, v in pivot.items()}, 0),
            {"accepted": 1, "submitted": 2, "draft": 2, "returned": 1},
        )
