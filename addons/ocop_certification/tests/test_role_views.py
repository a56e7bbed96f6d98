# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every OCOP menu opens for every OCOP role that sees it.

Each menu's action is loaded the way Odoo's web client loads it, as the role's
user: ``/web/action/load`` (``_get_action_dict``), ``get_views`` of its view
modes with the search view, then for each view the reads the client sends,
with the field specification derived from the view's arch as returned to
that user (fields whose ``groups=`` exclude the user are not in it):
``web_search_read`` for list and kanban (``web_read_group`` when grouped),
``web_read`` of the first record and ``onchange`` of a new one for form,
``read_group`` for pivot and graph, ``search_read`` over a month for
calendar, and the reports of the print menu. Any exception fails the test,
naming the menu, the role and the view.
"""

import json
import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command, fields
from odoo.osv import expression
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval
from odoo.tools.safe_eval import time as safe_time

from .common import OcopCertificationMixin

_logger = logging.getLogger(__name__)

ROOT_MENUS = ("ocop_management.menu_ocop_root",)
ALWAYS_INVISIBLE = ("True", "1", "true")
# Relational widgets that show the co-records without a sub-view, and the
# fields they fetch (the web client's ``relatedFields``).
WIDGET_FIELDS = {
    "many2many_binary": {"name": {}, "mimetype": {}},
}
# Menus opening something else than a screen: they perform an operation.
NOT_SCREENS = {
    # runs the update of the administrative units from the reference data
    "ocop_management.menu_ocop_admin_unit_update",
}


def _level_fields(node):
    """The <field> nodes of ``node``'s own level (not those of a sub-view)."""
    level = int(node.xpath("count(ancestor-or-self::field)"))
    return node.xpath(f".//field[count(ancestor::field) = {level}]")


def fields_spec(node, model, models, with_invisible=False):
    """The ``specification`` the web client sends for the view ``node`` of
    ``model`` (web/static/src/model/relational_model/utils.js,
    ``getFieldsSpec``): many2one with their display name, x2many with the
    fields of their sub-view, the rest as is."""
    fields_info = models.get(model, {}).get("fields", {})
    spec = {}
    for field_node in _level_fields(node):
        name = field_node.get("name")
        info = fields_info.get(name)
        if not info:
            continue
        invisible = field_node.get("invisible") in ALWAYS_INVISIBLE
        field_spec = spec.setdefault(name, {})
        ftype = info["type"]
        if ftype in ("many2one", "reference"):
            field_spec.setdefault("fields", {})
            if not invisible:
                field_spec["fields"]["display_name"] = {}
        elif ftype in ("one2many", "many2many"):
            if invisible and not with_invisible:
                continue
            sub_views = [
                child for child in field_node if child.tag in ("list", "kanban")
            ]
            if sub_views:
                sub_spec = fields_spec(
                    sub_views[0], info["relation"], models, with_invisible
                )
                field_spec["fields"] = dict(field_spec.get("fields", {}), **sub_spec)
                field_spec["limit"] = int(sub_views[0].get("limit") or 40)
            else:
                widget_fields = WIDGET_FIELDS.get(
                    field_node.get("widget"), {"display_name": {}}
                )
                field_spec["fields"] = dict(
                    field_spec.get("fields", {}), **widget_fields
                )
    return spec


@tagged("post_install", "-at_install")
class TestRoleViews(OcopCertificationMixin, TransactionCase):
    """Open every OCOP menu as every OCOP role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.setup_role_users()

    @classmethod
    def setup_role_users(cls):
        """The OCOP roles, each with the territory it works in: the Gia Lai
        province (the commune officer: Ia Hrung). The council members and
        the council's secretary have no territory of their own: they reach
        what their council works on."""
        cls.inspector = cls._ocop_user(
            "inspector_gia_lai", "ocop_management.group_ocop_inspector", cls.gia_lai
        )
        cls.council_secretary = new_test_user(
            cls.env,
            login="council_secretary",
            password="council_secretarypw",
            groups="base.group_user,ocop_management.group_ocop_council_member",
            name="Thư ký Hội đồng",
        )
        cls.council.member_ids.filtered(
            lambda m: m.role == "secretary"
        ).user_id = cls.council_secretary
        # a salesperson at the fairs who follows OCOP (a viewer of Gia Lai)
        cls.booth_seller = cls._ocop_user(
            "booth_seller_gia_lai", "ocop_management.group_ocop_viewer", cls.gia_lai
        )
        cls.booth_seller.groups_id |= cls.env.ref("sales_team.group_sale_salesman")
        cls.roles = {
            "viewer": cls.viewer_gia_lai,
            "booth seller": cls.booth_seller,
            "commune officer": cls.officer_ia_hrung,
            "programme officer": cls.programme_gia_lai,
            "council member": cls.members[0],
            "secretary": cls.council_secretary,
            "inspector": cls.inspector,
            "manager": cls.ocop_manager,
        }

    def setUp(self):
        super().setUp()
        self.setup_role_records()

    # ------------------------------------------------------------------
    # Records of the territory: some of every model the menus open
    # ------------------------------------------------------------------
    def setup_role_records(self):
        env = self.env
        today = fields.Date.today()
        # Programme: a running cycle of Gia Lai, its steps (deadlines) and duties
        self.cycle = env["ocop.cycle"].create(
            {
                "name": "Chu trình OCOP thử nghiệm Gia Lai",
                "year": today.year,
                "admin_unit_id": self.gia_lai.id,
                "user_id": self.programme_gia_lai.id,
            }
        )
        self.cycle.action_start()
        env["ocop.potential.product"].create(
            {
                "name": "Tiêu Ia Hrung",
                "cycle_id": self.cycle.id,
                "commune_id": self.ia_hrung.id,
                "product_group_id": self.product_set_coffee.id,
            }
        )
        idea = env["ocop.product.idea"].create(
            {
                "name": "Cà phê rang mộc Ia Hrung",
                "cycle_id": self.cycle.id,
                "producer_id": self.producer_ia_hrung.id,
                "product_group_id": self.product_set_coffee.id,
                "description": "Cà phê Robusta rang mộc",
            }
        )
        idea.write({"state": "selected"})
        plan = env["ocop.business.plan"].create(
            {
                "name": "Phương án cà phê rang mộc",
                "idea_id": idea.id,
                "investment_total": 100e6,
            }
        )
        plan.write({"state": "submitted"})
        budget_line = env["ocop.budget.line"].create(
            {
                "name": "Hỗ trợ bao bì, nhãn mác",
                "cycle_id": self.cycle.id,
                "source": "provincial",
                "allocated_amount": 100_000_000,
            }
        )
        env["ocop.support"].create(
            {
                "name": "Thiết kế bao bì cà phê",
                "cycle_id": self.cycle.id,
                "producer_id": self.producer_ia_hrung.id,
                "product_id": self.product_ia_hrung.id,
                "support_type": "packaging_labels",
                "amount": 40_000_000,
                "budget_line_id": budget_line.id,
            }
        )
        env["ocop.cycle.duty"].create(
            {
                "name": "Tổ chức hội nghị triển khai",
                "cycle_id": self.cycle.id,
                "deadline": today + timedelta(days=10),
                "user_id": self.programme_gia_lai.id,
            }
        )
        env["ocop.duty.template"].create(
            {"name": "Tổng hợp báo cáo", "agency_role": "commune_committee"}
        )
        env["ocop.commendation"].create(
            {
                "cycle_id": self.cycle.id,
                "partner_id": self.producer_ia_hrung.id,
                "achievement": "Phát triển sản phẩm OCOP 4 sao",
            }
        )
        period_start = today.replace(day=1)
        env["ocop.progress.report"].create(
            {
                "kind": "unit",
                "cycle_id": self.cycle.id,
                "admin_unit_id": self.ia_hrung.id,
                "period_start": period_start,
                "period_end": period_start + relativedelta(months=1, days=-1),
                "due_date": period_start + relativedelta(months=1, days=4),
            }
        )
        # Trade promotion: a fair, a connection event, a channel
        now = fields.Datetime.now()
        events = env["event.event"]
        for kind in ("fair", "connection"):
            events |= env["event.event"].create(
                {
                    "name": f"Sự kiện OCOP {kind}",
                    "ocop_kind": kind,
                    "ocop_level": "province",
                    "ocop_admin_unit_id": self.gia_lai.id,
                    "date_begin": now - timedelta(hours=2),
                    "date_end": now + timedelta(days=2),
                }
            )
        env["crm.lead"].create(
            {
                "name": "Khách quan tâm cà phê Ia Hrung",
                "contact_name": "Chị Hoa",
                "event_id": events[0].id,
                "user_id": self.booth_seller.id,
                "ocop_product_ids": [Command.set(self.product_ia_hrung.ids)],
            }
        )
        channel = env["ocop.distribution.channel"].create(
            {
                "name": "Điểm bán OCOP Pleiku",
                "channel_type": "showroom",
                "admin_unit_id": self.gia_lai.id,
            }
        )
        env["ocop.distribution.channel.product"].create(
            {"channel_id": channel.id, "ocop_product_id": self.product_ia_hrung.id}
        )
        # Evaluation: a dossier filed with the commune; a session closed on a
        # recognised dossier (its certificate, the use of the mark, an
        # inspection); a session scoring another dossier, a sheet submitted.
        self.dossier_filed = env["ocop.dossier"].create(
            {"product_id": self.product_ia_hrung.id, "date_filed": today}
        )
        self.dossier_filed.write({"state": "submitted"})
        recognised = self.make_dossier(product=self.product_ia_hrung)
        self.session_closed = self.make_session(recognised)
        self.score_all(self.session_closed, recognised, [75] * 7)
        self.session_closed.action_close()
        self.certificate = recognised.action_record_decision(
            "45/QĐ-UBND", today - timedelta(days=30), "Nguyễn Văn A"
        )
        env["ocop.mark.usage"].create(
            {
                "certificate_id": self.certificate.id,
                "medium": "packaging",
                "description": "Nhãn cà phê 500 g",
            }
        )
        env["ocop.inspection"].create(
            {
                "inspection_type": "mark_use",
                "certificate_id": self.certificate.id,
                "lead_inspector_id": self.inspector.id,
            }
        )
        in_council = self.make_dossier(product=self.product_bien_ho)
        self.session_scoring = self.make_session(in_council)
        self.fill(
            self.session_scoring.evaluation_ids.filtered(
                lambda e: e.user_id == self.members[0]
            ),
            self.points_for(75),
        )
        self.env.flush_all()

    # ------------------------------------------------------------------
    # The web client's calls
    # ------------------------------------------------------------------
    def _eval_context(self, user):
        return {
            "uid": user.id,
            "user": user,
            "context_today": lambda: fields.Date.context_today(user),
            "relativedelta": relativedelta,
            "datetime": safe_datetime,
            "time": safe_time,
            "allowed_company_ids": user.company_ids.ids,
            "current_company_id": user.company_id.id,
        }

    def _search_defaults(self, search_arch, context, eval_context):
        """The domain and group-bys of the search view's default filters
        (``search_default_*`` of the action's context)."""
        domains, groupbys = [], []
        for node in etree.fromstring(search_arch).iter("filter", "field"):
            name = node.get("name")
            if not name or not context.get(f"search_default_{name}"):
                continue
            if node.tag == "filter" and node.get("domain"):
                domains.append(safe_eval(node.get("domain"), eval_context))
            if node.get("context"):
                group_by = safe_eval(node.get("context"), eval_context).get("group_by")
                if group_by:
                    groupbys.append(group_by)
        return expression.AND(domains) if domains else [], groupbys

    def _step(self, name):
        """Start the step ``name`` (a request of the web client): the previous
        one has passed. Each request starts with an empty cache, as in the
        server: a value read earlier as superuser (a computation, a sudo
        display name) must not hide a field the user may not read."""
        if self._current:
            self._done.append(self._current)
        self._current = name
        self.env.flush_all()
        self.env.invalidate_all()

    def open_action(self, action_id, user):
        """Open the window action as the web client does, as ``user``."""
        self._step("/web/action/load")
        action = (
            self.env["ir.actions.act_window"]
            .sudo()
            .browse(action_id)
            ._get_action_dict()
        )
        self.open_action_dict(action, user)
        self._step(None)

    def open_action_dict(self, action, user, buttons=True, active=None):
        """Open the window action ``action`` (a dict, as /web/action/load or a
        button of the record ``active`` returns it) as ``user``; with
        ``buttons``, also the smart buttons of its form, on its first
        record."""
        eval_context = self._eval_context(user)
        if active:
            eval_context.update(
                active_id=active.id, active_ids=active.ids, active_model=active._name
            )
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, dict(eval_context, context={}))
        action_domain = action.get("domain") or []
        if isinstance(action_domain, str):
            action_domain = safe_eval(action_domain, eval_context)
        Model = self.env[action["res_model"]].with_user(user).with_context(**context)
        views = [list(view) for view in action.get("views") or []] or [
            [False, mode] for mode in action["view_mode"].split(",")
        ]
        search_view = action.get("search_view_id") and action["search_view_id"][0]
        self._step("get_views")
        result = Model.get_views(
            views + [[search_view, "search"]],
            {"action_id": action.get("id"), "load_filters": True, "toolbar": True},
        )
        models = result["models"]
        default_domain, groupbys = self._search_defaults(
            result["views"]["search"]["arch"], context, eval_context
        )
        domain = expression.AND([action_domain, default_domain])
        first = Model.browse(action.get("res_id") or [])
        for _view_id, view_type in views:
            view = result["views"][view_type]
            arch = etree.fromstring(view["arch"])
            self._step(f"{view_type} view")
            if view_type in ("list", "kanban"):
                records = self._read_records(Model, arch, models, domain, groupbys)
                first = first or records
            elif view_type == "form":
                # the first record of the list, else the first one the user
                # reaches once the default filters are cleared
                first = first or Model.search(action_domain, limit=1)
                self._read_form(
                    Model, view, arch, models, first, len(views) == 1, buttons
                )
            elif view_type in ("pivot", "graph"):
                self._read_groups(Model, arch, view_type, domain, context)
            elif view_type == "calendar":
                self._read_calendar(Model, arch, domain)
            elif view_type == "activity":
                self.env["mail.activity"].with_user(user).get_activity_data(
                    Model._name, domain, limit=100
                )
            else:
                self.fail(f"{view_type}: a view type this test does not open")

    def _read_records(self, Model, arch, models, domain, groupbys):
        """A list or kanban view: its groups, if grouped, and its first page."""
        group_by = groupbys[:1]
        if arch.tag == "kanban" and arch.get("default_group_by"):
            group_by = group_by or [arch.get("default_group_by")]
        if group_by:
            Model.web_read_group(domain, [], group_by, limit=80)
        page = Model.web_search_read(
            domain,
            fields_spec(arch, Model._name, models),
            offset=0,
            limit=int(arch.get("limit") or (40 if arch.tag == "kanban" else 80)),
            order=arch.get("default_order"),
            count_limit=10001,
        )
        return Model.browse([record["id"] for record in page["records"][:1]])

    def _read_form(self, Model, view, arch, models, record, single, buttons):
        """A form view: the record, its print menu and its smart buttons, and
        a new record when the user may create one (or when the action opens
        a form only)."""
        if record:
            spec = dict(fields_spec(arch, Model._name, models), display_name={})
            [values] = record.with_context(bin_size=True).web_read(spec)
            self._print(view, record)
            if buttons:
                self._smart_buttons(arch, record, values)
        if single or arch.get("create") not in ("0", "false", "False"):
            self._step(f"{Model._name} form (new record)")
            Model.browse().onchange(
                {}, [], fields_spec(arch, Model._name, models, with_invisible=True)
            )

    def _smart_buttons(self, arch, record, values):
        """The buttons of the form that open the record's related records
        (``action_view_*``: they only return an action) and are shown to the
        user on the record: click them and open what they return."""
        names = {
            button.get("name")
            for button in arch.iter("button")
            if button.get("type") == "object"
            and (button.get("name") or "").startswith("action_view_")
            and not self._invisible(button, values, record.env.user)
        }
        for name in sorted(names):
            self._step(f"button {name}")
            self.env.invalidate_all()
            action = getattr(record, name)()
            if action and action.get("type") == "ir.actions.act_window":
                self.open_action_dict(
                    action, record.env.user, buttons=False, active=record
                )

    def _invisible(self, node, values, user):
        """Evaluate the node's ``invisible`` (and its parents') on the record's
        values as the web client does; an expression this test cannot
        evaluate counts as visible."""
        record_values = {}
        for name, value in values.items():
            if isinstance(value, dict):
                value = value.get("id")
            elif isinstance(value, list):
                value = [v["id"] if isinstance(v, dict) else v for v in value]
            record_values[name] = value
        context = dict(record_values, **self._eval_context(user), context={})
        for element in (node, *node.iterancestors()):
            expr = element.get("invisible")
            if not expr:
                continue
            try:
                if safe_eval(expr, context):
                    return True
            except Exception:  # noqa: BLE001 - unknown name: shown
                _logger.info("not evaluated: invisible=%r", expr)
        return False

    def _read_calendar(self, Model, arch, domain):
        """A calendar view: the records of the month around today."""
        date_start = arch.get("date_start")
        names = [node.get("name") for node in _level_fields(arch)]
        names += [
            arch.get(attr)
            for attr in ("date_start", "date_stop", "date_delay", "color")
            if arch.get(attr)
        ]
        start = fields.Date.today().replace(day=1)
        month = [
            (date_start, ">=", start - timedelta(days=7)),
            (date_start, "<", start + relativedelta(months=1, days=7)),
        ]
        Model.search_read(expression.AND([domain, month]), list(dict.fromkeys(names)))

    def _read_groups(self, Model, arch, view_type, domain, context):
        rows = [n.get("name") for n in arch.iter("field") if n.get("type") == "row"]
        cols = [n.get("name") for n in arch.iter("field") if n.get("type") == "col"]
        measures = [
            n.get("name") for n in arch.iter("field") if n.get("type") == "measure"
        ]
        if view_type == "graph":
            rows = [
                n.get("name")
                for n in arch.iter("field")
                if n.get("type") in (None, "row", "col")
            ]
            rows = context.get("graph_groupbys", rows)
            cols = []
            if context.get("graph_measure"):
                measures = [context["graph_measure"]]
        else:
            rows = context.get("pivot_row_groupby", rows)
            cols = context.get("pivot_column_groupby", cols)
            measures = context.get("pivot_measures", measures)
        measures = [m for m in measures if m != "__count"]
        for groupby in ([], rows[:1], cols[:1], rows + cols):
            Model.read_group(domain, measures, groupby, lazy=False)

    def _print(self, view, record):
        """The reports of the print menu, on the record (loaded and rendered
        as the user, as /web/action/load and /report/download do)."""
        for binding in view.get("toolbar", {}).get("print", []):
            report = self.env["ir.actions.report"].sudo().browse(binding["id"])
            self._step(f"printing {report.name}")
            if report.report_type not in ("qweb-pdf", "qweb-html"):
                continue
            report.with_user(record.env.user)._render_qweb_html(
                report.report_name, record.ids
            )

    def open_client_action(self, action_id, user):
        """The spreadsheet dashboards: the groups of the published dashboards,
        each dashboard's data and the groups its pivots read."""
        action = self.env["ir.actions.client"].sudo().browse(action_id)
        self.assertEqual(action.tag, "action_spreadsheet_dashboard")
        Group = self.env["spreadsheet.dashboard.group"].with_user(user)
        groups = Group.search_read(
            [("published_dashboard_ids", "!=", False)],
            ["id", "name", "published_dashboard_ids"],
        )
        dashboards = (
            self.env["spreadsheet.dashboard"]
            .with_user(user)
            .browse([i for group in groups for i in group["published_dashboard_ids"]])
        )
        for dashboard in dashboards:
            data = dashboard.get_readonly_dashboard()
            snapshot = data["snapshot"]
            if isinstance(snapshot, str):
                snapshot = json.loads(snapshot)
            for pivot in (snapshot.get("pivots") or {}).values():
                Model = self.env[pivot["model"]].with_user(user)
                measures = [
                    m["fieldName"]
                    for m in pivot["measures"]
                    if m["fieldName"] != "__count"
                ]
                groupby = [d["fieldName"] for d in pivot["rows"] + pivot["columns"]]
                self._step(f"spreadsheet pivot {pivot['name']}")
                Model.read_group(pivot["domain"], measures, groupby, lazy=False)

    # ------------------------------------------------------------------
    # The test
    # ------------------------------------------------------------------
    def _ocop_menus(self):
        Menu = self.env["ir.ui.menu"]
        roots = Menu.browse([self.env.ref(xmlid).id for xmlid in ROOT_MENUS])
        return Menu.search([("id", "child_of", roots.ids), ("action", "!=", False)])

    def open_menu(self, menu, user):
        """Open the menu as ``user``; return the steps that passed, or raise
        an AssertionError naming the step that failed and the error."""
        self._done, self._current = [], None
        action = menu.action
        try:
            with self.env.cr.savepoint():
                if action._name == "ir.actions.act_window":
                    self.open_action(action.id, user)
                elif action._name == "ir.actions.client":
                    self.open_client_action(action.id, user)
                    self._step(None)
                else:
                    self.fail(f"{action._name}: not opened by this test")
        except Exception as error:
            message = str(error).strip().splitlines() or [""]
            raise AssertionError(
                f"{self._current}: {type(error).__name__}: {message[0]}"
            ) from error
        finally:
            self.env.invalidate_all()
        return self._done

    def test_every_menu_opens_for_every_role_that_sees_it(self):
        menus = self._ocop_menus()
        xmlids = menus.get_external_id()
        skipped = {xmlids[menu.id] for menu in menus if xmlids[menu.id] in NOT_SCREENS}
        self.assertEqual(skipped, NOT_SCREENS, "a menu listed as not a screen is gone")
        failures = []
        done = {}
        for role, user in self.roles.items():
            visible = set(self.env["ir.ui.menu"].with_user(user)._visible_menu_ids())
            for menu in menus:
                # a menu is reached when it and every menu above it are shown
                path = [int(i) for i in menu.parent_path.split("/") if i]
                if not visible.issuperset(path) or xmlids[menu.id] in NOT_SCREENS:
                    continue
                try:
                    done[role, xmlids[menu.id]] = self.open_menu(menu, user)
                except AssertionError as error:
                    failures.append(
                        f"{menu.complete_name} [{xmlids[menu.id]}] as {role} "
                        f"({user.login}), {error}"
                    )
        _logger.info("%s menus opened by the OCOP roles", len(done))
        self.assertFalse(failures, "\n".join(failures))
        # The screens of each role's work were reached and really read.
        for role in self.roles:
            for xmlid in (
                "ocop_certification.menu_ocop_dossier",
                "ocop_certification.menu_ocop_council_session",
                "ocop_certification.menu_ocop_inspection",
                "ocop_management.menu_ocop_product",
                "ocop_certification.menu_ocop_dashboard_spreadsheet",
            ):
                self.assertTrue((role, xmlid) in done, f"{role} does not reach {xmlid}")
        for role in ("viewer", "commune officer", "inspector"):
            self.assertIn(
                "calendar view",
                done[role, "ocop_certification.menu_ocop_council_session"],
            )
        self.assertIn(
            "form view",
            done["commune officer", "ocop_certification.menu_ocop_dossier"],
        )
        self.assertIn(
            "printing Scoring Sheet",
            done["council member", "ocop_certification.menu_ocop_my_sheets"],
        )
        # the secretary opens the session's sheets from its smart button; the
        # roles that may not read sheets do not get the button
        sessions = "ocop_certification.menu_ocop_council_session"
        for role in ("secretary", "council member", "programme officer", "manager"):
            self.assertIn("button action_view_evaluations", done[role, sessions])
        for role in ("viewer", "commune officer", "inspector"):
            self.assertIn("form view", done[role, sessions])
            self.assertNotIn("button action_view_evaluations", done[role, sessions])
            self.assertNotIn("printing Council Summary", done[role, sessions])
        self.assertIn("printing Council Summary", done["secretary", sessions])
        reached = {xmlid for _role, xmlid in done}
        self.assertIn("ocop_certification.menu_ocop_council", reached)
        self.assertNotIn(("viewer", "ocop_certification.menu_ocop_council"), done)
        self.assertIn(("manager", "ocop_certification.menu_ocop_council"), done)
        # every menu is opened by some role
        self.assertEqual(
            reached | NOT_SCREENS, set(xmlids.values()), "menus no role opened"
        )

    def test_the_views_fail_on_a_field_the_role_may_not_read(self):
        """The check itself: a sheet's field put on the dossier form without
        ``groups`` makes the commune officer's form fail (the issue's Access
        Error on 'Phiếu đánh giá OCOP')."""
        view = self.env.ref("ocop_certification.ocop_dossier_view_form")
        self.env["ir.ui.view"].create(
            {
                "name": "ocop.dossier.form: the sheets, for every role",
                "model": "ocop.dossier",
                "inherit_id": view.id,
                "arch": '<field name="name" position="after">'
                '<field name="evaluation_ids" invisible="1"/></field>',
            }
        )
        menu = self.env.ref("ocop_certification.menu_ocop_dossier")
        with self.assertRaisesMessage(AssertionError, "form view: AccessError"):
            self.open_menu(menu, self.officer_ia_hrung)
        self.assertIn("form view", self.open_menu(menu, self.programme_gia_lai))
