# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forgery over JSON-RPC (issue #17, 7b).

Each role logs in with its own account and calls ``/web/dataset/call_kw`` the
way Odoo's web client does, with the arguments any API caller can send. Every
attack of the issue is replayed: each must come back as an error, and the
database (re-read as superuser) must be unchanged. Then every state, result
and decision field the workflow models declare (``_ocop_guarded()``) is
written and forced on create by every non-manager role that may write the
model: each is refused.
"""

import json
from datetime import date, datetime

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.ocop_management.workflow import INSPECTOR, PROGRAMME

from .common import OcopCertificationMixin

# The models with a workflow (issue #17, "What to build", 1): the test reads
# their guarded fields from the registry, so it follows their declarations.
WORKFLOW_MODELS = (
    "ocop.dossier",
    "ocop.council.session",
    "ocop.evaluation",
    "ocop.certificate",
    "ocop.product.idea",
    "ocop.business.plan",
    "ocop.support",
    "ocop.product",
    "ocop.cycle",
    "ocop.cycle.duty",
    "ocop.budget.line",
    "ocop.commendation",
    "ocop.progress.report",
    "ocop.inspection",
    "ocop.inspection.violation",
    "ocop.mark.usage",
)

# Context keys an API caller may send hoping that a guard trusts them.
FORGED_CONTEXTS = (
    {"ocop_reopen": True},
    {"tracking_disable": True},
    {"ocop_report_transition": True},
    {"mail_notrack": True, "mail_create_nolog": True},
    {"install_mode": True, "import_file": True},
    {"ocop_workflow_permits": [["ocop.evaluation", "create"]]},
    {
        "ocop_reopen": True,
        "tracking_disable": True,
        "ocop_report_transition": True,
        "install_mode": True,
        "active_test": False,
    },
)

# What a second record of these models must not share with the fixture.
CREATE_VALS = {
    "ocop.cycle": {"year": 2031},
    "ocop.progress.report": {
        "period_start": "2026-07-01",
        "period_end": "2026-07-31",
        "due_date": "2026-08-05",
    },
}

LOGGERS = (
    "odoo.http",
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.sql_db",
)


class JsonRpcMixin:
    """Calls over ``/web/dataset/call_kw`` as the authenticated user."""

    lang = "en_US"

    def login(self, user):
        """Log in as ``user`` (every test user's password is login + "pw")."""
        self.authenticate(user.login, user.login + "pw")
        return user

    def rpc(self, model, method, *args, context=None, **kwargs):
        """Call ``model.method(*args, **kwargs)`` as the web client does: the
        result, or the error (``{"message", "data": {"name", "message"}}``)."""
        kwargs["context"] = dict({"lang": self.lang}, **(context or {}))
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": kwargs,
            },
        }
        # the request runs on the test's transaction: it sees what is flushed
        self.env.flush_all()
        with mute_logger(*LOGGERS):
            response = self.url_open(
                f"/web/dataset/call_kw/{model}/{method}",
                data=json.dumps(payload, default=str),
                headers={"Content-Type": "application/json"},
            )
        self.env.invalidate_all()
        self.assertEqual(response.status_code, 200, response.text[:500])
        body = response.json()
        return body.get("result"), body.get("error")

    def assertRpcRefused(self, model, method, *args, names=None, **kwargs):
        """The call comes back as an error (of one of ``names`` when given);
        returns the error."""
        result, error = self.rpc(model, method, *args, **kwargs)
        self.assertTrue(
            error,
            f"{model}.{method}{tuple(args)!r} {kwargs!r} was accepted: {result!r}",
        )
        if names:
            self.assertIn(
                error["data"]["name"],
                [f"odoo.exceptions.{name}" for name in names],
                error["data"].get("message"),
            )
        return error

    def snapshot(self, records, names):
        """The stored values of ``names`` on ``records``, read as superuser
        (and the number of chatter messages, when the model has a chatter)."""
        self.env.invalidate_all()
        records = records.sudo().with_context(active_test=False)
        rows = []
        for record in records:
            row = {"id": record.id}
            for name in names:
                value = record[name]
                row[name] = value.ids if hasattr(value, "ids") else value
            if "message_ids" in record._fields:
                row["message_ids"] = len(record.message_ids)
            rows.append(row)
        return rows

    def count(self, model):
        self.env.invalidate_all()
        return self.env[model].sudo().with_context(active_test=False).search_count([])

    def assertUnchanged(self, records, names, before):
        self.assertEqual(
            self.snapshot(records, names),
            before,
            f"{records} changed: the refused call wrote something",
        )


@tagged("post_install", "-at_install")
class TestRpcForgery(JsonRpcMixin, OcopCertificationMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        # P = Gia Lai (the council's), Q = Hà Nội, commune A = Ia Hrung
        cls.programme_ha_noi = cls._ocop_user("programme_ha_noi", PROGRAMME, cls.ha_noi)
        cls.inspector = cls._ocop_user("inspector_gia_lai", INSPECTOR, cls.gia_lai)
        cls.portal_user = new_test_user(
            cls.env,
            login="htx_portal",
            password="htx_portalpw",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create(
                {
                    "name": "Nguyễn Văn Portal",
                    "parent_id": cls.producer_ia_hrung.id,
                    "email": "portal@example.com",
                }
            )
            .id,
        )
        cls.member1, cls.member2, cls.member3 = cls.members[:3]
        cls.cycle = cls.env["ocop.cycle"].create(
            {
                "name": "Chu trình OCOP 2026 tỉnh Gia Lai",
                "year": 2026,
                "admin_unit_id": cls.gia_lai.id,
                "user_id": cls.programme_gia_lai.id,
            }
        )
        cls.cycle.action_start()
        # something else to forge a company or cycle field with
        cls.env["res.company"].create({"name": "Công ty khác"})
        cls.env["ocop.cycle"].create(
            {
                "name": "Chu trình OCOP 2026 thành phố Hà Nội",
                "year": 2026,
                "admin_unit_id": cls.ha_noi.id,
            }
        )
        cls.setup_dossiers()
        cls.setup_sessions()
        cls.setup_management_records()
        cls.setup_certificate_records()

    # ------------------------------------------------------------------
    # Fixtures (as superuser)
    # ------------------------------------------------------------------
    @classmethod
    def _product(cls, name):
        return cls.env["ocop.product"].create(
            {
                "name": name,
                "producer_id": cls.producer_ia_hrung.id,
                "product_group_id": cls.product_set_coffee.id,
                "commune_id": cls.ia_hrung.id,
                "code_year": 2026,
            }
        )

    @classmethod
    def _dossier(cls, name, state):
        dossier = cls.env["ocop.dossier"].create(
            {"product_id": cls._product(name).id, "date_filed": fields.Date.today()}
        )
        dossier.criteria_set_id = cls.test_set
        if state != "draft":
            dossier.write({"state": state})
        return dossier

    @classmethod
    def setup_dossiers(cls):
        cls.dossier_draft = cls._dossier("Cà phê bột Ia Hrung", "draft")
        cls.dossier_checked = cls._dossier("Cà phê hạt Ia Hrung", "commune_checked")
        cls.dossier_received = cls._dossier("Cà phê phin Ia Hrung", "received")

    @classmethod
    def _fill(cls, sheet, total, submit=True):
        points = cls.points_for(total)
        for line in sheet.line_ids:
            option = line.criterion_id.option_ids.filtered(
                lambda o, p=points[line.criterion_id.code]: o.points == p
            )
            line.with_user(sheet.user_id).write({"option_id": option.id})
        if submit:
            sheet.with_user(sheet.user_id).action_submit()

    @classmethod
    def _session(cls, name, dossiers):
        session = cls.env["ocop.council.session"].create(
            {
                "name": name,
                "council_id": cls.council.id,
                "date_start": fields.Datetime.now(),
            }
        )
        dossiers.write({"session_id": session.id})
        session.attendee_ids = cls.council.member_ids
        session.action_confirm()
        session.action_start_scoring()
        return session

    @classmethod
    def setup_sessions(cls):
        # A closed session: 65 points, 3 stars, to be recognised by the province.
        cls.dossier_closed = cls._dossier("Cà phê chồn Ia Hrung", "reviewed")
        cls.session_closed = cls._session("Phiên đã kết thúc", cls.dossier_closed)
        for sheet in cls.session_closed.evaluation_ids:
            cls._fill(sheet, 65)
        cls.session_closed.action_close()
        assert cls.dossier_closed.state == "scored", cls.dossier_closed.state
        assert cls.dossier_closed.result_stars == 3, cls.dossier_closed.result_stars
        cls.sheet_closed = cls.session_closed.evaluation_ids.filtered(
            lambda e: e.user_id == cls.member1
        )
        # A session scoring now: member 1 has submitted, member 2 has ticked
        # nothing, member 3 has ticked everything but not submitted.
        cls.dossier_scoring = cls._dossier("Cà phê rang xay Ia Hrung", "reviewed")
        cls.session_scoring = cls._session("Phiên đang chấm", cls.dossier_scoring)
        sheets = cls.session_scoring.evaluation_ids
        cls.sheet_submitted = sheets.filtered(lambda e: e.user_id == cls.member1)
        cls.sheet_empty = sheets.filtered(lambda e: e.user_id == cls.member2)
        cls.sheet_draft = sheets.filtered(lambda e: e.user_id == cls.member3)
        cls._fill(cls.sheet_submitted, 70)
        cls._fill(cls.sheet_draft, 60, submit=False)
        # A session still planned.
        cls.session_draft = cls.env["ocop.council.session"].create(
            {
                "name": "Phiên dự kiến",
                "council_id": cls.council.id,
                "date_start": fields.Datetime.now(),
            }
        )

    @classmethod
    def setup_management_records(cls):
        Idea = cls.env["ocop.product.idea"]
        idea_vals = {
            "cycle_id": cls.cycle.id,
            "producer_id": cls.producer_ia_hrung.id,
            "product_group_id": cls.product_set_coffee.id,
            "description": "Cà phê Robusta rang mộc",
        }
        cls.idea_draft = Idea.create(dict(idea_vals, name="Ý tưởng nháp"))
        cls.idea_reviewed = Idea.create(dict(idea_vals, name="Ý tưởng đã xem xét"))
        cls.idea_reviewed.write({"state": "reviewed"})
        idea_selected = Idea.create(dict(idea_vals, name="Ý tưởng được chọn"))
        idea_selected.write({"state": "reviewed"})
        idea_selected.action_select()
        cls.plan = cls.env["ocop.business.plan"].create(
            {"name": "Phương án cà phê", "idea_id": idea_selected.id}
        )
        cls.support = cls.env["ocop.support"].create(
            {
                "name": "Hỗ trợ thiết kế bao bì",
                "plan_id": cls.plan.id,
                "support_type": "packaging_labels",
                "amount": 30e6,
            }
        )
        cls.duty = cls.env["ocop.cycle.duty"].create(
            {
                "name": "Tổ chức hội chợ OCOP",
                "cycle_id": cls.cycle.id,
                "deadline": date(2026, 12, 1),
                "user_id": cls.programme_gia_lai.id,
            }
        )
        cls.budget_line = cls.env["ocop.budget.line"].create(
            {
                "name": "Ngân sách xã Ia Hrung",
                "cycle_id": cls.cycle.id,
                "admin_unit_id": cls.ia_hrung.id,
                "source": "commune",
            }
        )
        cls.commendation = cls.env["ocop.commendation"].create(
            {
                "cycle_id": cls.cycle.id,
                "partner_id": cls.producer_ia_hrung.id,
                "achievement": "Phát triển sản phẩm OCOP 4 sao",
            }
        )
        cls.progress_report = cls.env["ocop.progress.report"].create(
            {
                "cycle_id": cls.cycle.id,
                "admin_unit_id": cls.ia_hrung.id,
                "receiving_unit_id": cls.gia_lai.id,
                "frequency": "monthly",
                "period_start": date(2026, 5, 1),
                "period_end": date(2026, 5, 31),
                "due_date": date(2026, 6, 5),
                "user_id": cls.officer_ia_hrung.id,
            }
        )

    @classmethod
    def setup_certificate_records(cls):
        cls.certificate = cls.env["ocop.certificate"].create(
            {
                "product_id": cls._product("Cà phê đặc sản Ia Hrung").id,
                "stars": 4,
                "framework_id": cls.fw26.id,
                "issuing_level": "province",
                "issue_date": fields.Date.today(),
                "decision_number": "1/QĐ-UBND",
                "decision_signer": "Chủ tịch UBND tỉnh",
            }
        )
        cls.mark_usage = cls.env["ocop.mark.usage"].create(
            {"certificate_id": cls.certificate.id, "medium": "packaging"}
        )
        cls.inspection = cls.env["ocop.inspection"].create(
            {
                "inspection_type": "market",
                "certificate_id": cls.certificate.id,
                "planned_date": datetime(2026, 6, 1, 9, 0),
                "lead_inspector_id": cls.inspector.id,
                "violation_ids": [
                    Command.create({"description": "Nhãn sai", "action": "warning"})
                ],
            }
        )
        cls.violation = cls.inspection.violation_ids

    # ------------------------------------------------------------------
    # The attacks, one by one
    # ------------------------------------------------------------------
    RESULT = ("state", "result_stars", "average_total", "band_stars", "cap_stars")

    def test_private_workflow_methods_are_not_callable(self):
        """The private path cannot be reached over JSON-RPC."""
        self.login(self.officer_ia_hrung)
        dossier = self.dossier_draft
        before = self.snapshot(dossier, self.RESULT)
        for method, args in (
            ("_ocop_write", [[dossier.id], {"state": "scored", "result_stars": 5}]),
            ("_ocop_transition", [[dossier.id], "record_decision"]),
            ("_compute_council_result", [[dossier.id]]),
            ("_apply_council_result", [[dossier.id]]),
            ("_issue_certificate", [[dossier.id]]),
        ):
            self.assertRpcRefused("ocop.dossier", method, *args)
        self.assertUnchanged(dossier, self.RESULT, before)
        self.login(self.programme_gia_lai)
        count = self.count("ocop.certificate")
        for method, args in (
            ("_ocop_create", [[{"product_id": self.product_ia_hrung.id}]]),
            (
                "_import_legacy",
                [[{"product_id": self.product_ia_hrung.id, "stars": 5}], "cũ"],
            ),
        ):
            self.assertRpcRefused("ocop.certificate", method, *args)
        self.assertEqual(self.count("ocop.certificate"), count)

    def test_commune_officer_cannot_write_a_result_on_their_dossier(self):
        self.login(self.officer_ia_hrung)
        dossier = self.dossier_draft
        # the officer may edit the dossier otherwise
        result, error = self.rpc(
            "ocop.dossier", "write", [dossier.id], {"registration_note": "Mẫu 01"}
        )
        self.assertTrue(result, error)
        before = self.snapshot(dossier, self.RESULT)
        forged = {"state": "scored", "result_stars": 5, "average_total": 96}
        self.assertRpcRefused(
            "ocop.dossier", "write", [dossier.id], forged, names=["UserError"]
        )
        for name, value in forged.items():
            self.assertRpcRefused("ocop.dossier", "write", [dossier.id], {name: value})
        # the web client's save, an import, a copy
        self.assertRpcRefused(
            "ocop.dossier", "web_save", [dossier.id], forged, specification={}
        )
        result, error = self.rpc(
            "ocop.dossier",
            "load",
            [".id", "state", "result_stars"],
            [[str(dossier.id), "scored", "5"]],
        )
        # an import answers with its messages, not an error
        self.assertTrue(error or not result["ids"], result)
        if not error:
            self.assertEqual(result["messages"][0]["type"], "error")
        count = self.count("ocop.dossier")
        self.assertRpcRefused("ocop.dossier", "copy", [dossier.id], default=forged)
        self.assertRpcRefused(
            "ocop.dossier",
            "create",
            [dict(forged, product_id=self.product_ia_hrung.id)],
        )
        self.assertEqual(self.count("ocop.dossier"), count)
        self.assertUnchanged(dossier, self.RESULT, before)
        # and the province cannot record a decision on it
        self.login(self.programme_gia_lai)
        self.assertRpcRefused(
            "ocop.dossier",
            "action_record_decision",
            [dossier.id],
            "9/QĐ-UBND",
            "2026-12-01",
            "Chủ tịch",
        )
        self.assertUnchanged(dossier, self.RESULT, before)
        self.assertFalse(dossier.certificate_id)

    def test_defaults_cannot_forge_a_state(self):
        """A context default (``default_state``) or a personal default
        (``ir.default``, which every user may set for themselves) does not
        make a new dossier scored, nor its sheets submitted."""
        self.login(self.officer_ia_hrung)
        forged = {"default_state": "scored", "default_result_stars": 5}
        result, error = self.rpc(
            "ocop.dossier",
            "create",
            [{"product_id": self._product("Cà phê mới").id}],
            context=forged,
        )
        if result:
            self.env.invalidate_all()
            created = self.env["ocop.dossier"].browse(result)
            self.assertEqual((created.state, created.result_stars), ("draft", 0))
        else:
            self.assertTrue(error)
        for name, value in (("state", "scored"), ("result_stars", 5)):
            result, error = self.rpc(
                "ir.default", "set", "ocop.dossier", name, value, True
            )
            self.assertTrue(result, error)  # any user may set their defaults
        result, error = self.rpc(
            "ocop.dossier", "create", [{"product_id": self._product("Cà phê 2").id}]
        )
        if result:
            self.env.invalidate_all()
            created = self.env["ocop.dossier"].browse(result)
            self.assertEqual((created.state, created.result_stars), ("draft", 0))
        else:
            self.assertTrue(error)
        # the sheets a programme officer hands out start empty and to score
        dossier = self._dossier("Cà phê thử mặc định", "reviewed")
        session = self.session_draft
        dossier.session_id = session
        session.attendee_ids = self.council.member_ids
        self.login(self.programme_gia_lai)
        result, error = self.rpc("ocop.council.session", "action_confirm", [session.id])
        self.assertFalse(error)
        result, error = self.rpc(
            "ocop.council.session",
            "action_start_scoring",
            [session.id],
            context={
                "default_state": "submitted",
                "default_submitted_on": "2026-01-01",
            },
        )
        self.assertFalse(error)
        self.env.invalidate_all()
        self.assertTrue(session.evaluation_ids)
        self.assertEqual(set(session.evaluation_ids.mapped("state")), {"draft"})
        self.assertFalse(any(session.evaluation_ids.mapped("submitted_on")))

    def test_programme_officer_cannot_rewrite_a_closed_session_result(self):
        self.login(self.programme_gia_lai)
        dossier = self.dossier_closed
        before = self.snapshot(dossier, self.RESULT)
        self.assertEqual((before[0]["result_stars"], before[0]["state"]), (3, "scored"))
        self.assertRpcRefused(
            "ocop.dossier",
            "write",
            [dossier.id],
            {"result_stars": 5, "average_total": 95},
        )
        for name, value in (
            ("result_stars", 5),
            ("average_total", 95),
            ("band_stars", 5),
            ("cap_stars", 5),
            ("spread", 0),
            ("decision_level", "central"),
        ):
            self.assertRpcRefused("ocop.dossier", "write", [dossier.id], {name: value})
        # nor through the session's agenda
        self.assertRpcRefused(
            "ocop.council.session",
            "write",
            [self.session_closed.id],
            {"dossier_ids": [Command.update(dossier.id, {"result_stars": 5})]},
        )
        self.assertUnchanged(dossier, self.RESULT, before)

    def test_programme_officer_cannot_reopen_a_closed_session(self):
        self.login(self.programme_gia_lai)
        session = self.session_closed
        names = ("state", "attendee_ids", "dossier_ids")
        before = self.snapshot(session, names)
        for vals in (
            {"state": "scoring"},
            {"state": "draft"},
            {"attendee_ids": [Command.set([])]},
            {"dossier_ids": [Command.unlink(self.dossier_closed.id)]},
        ):
            self.assertRpcRefused("ocop.council.session", "write", [session.id], vals)
        for method in ("action_start_scoring", "action_confirm", "action_close"):
            self.assertRpcRefused("ocop.council.session", method, [session.id])
        self.assertUnchanged(session, names, before)
        # its sheets stay submitted
        sheets = session.evaluation_ids
        before = self.snapshot(sheets, ("state",))
        self.assertRpcRefused(
            "ocop.evaluation", "write", sheets.ids, {"state": "draft"}
        )
        self.assertUnchanged(sheets, ("state",), before)

    def test_programme_officer_cannot_create_a_certificate(self):
        self.login(self.programme_gia_lai)
        count = self.count("ocop.certificate")
        vals = {
            "product_id": self.product_ia_hrung.id,
            "stars": 5,
            "framework_id": self.fw26.id,
            "issuing_level": "province",
            "issue_date": "2026-11-30",
            "decision_number": "99/QĐ-UBND",
        }
        self.assertRpcRefused("ocop.certificate", "create", [vals])
        self.assertRpcRefused(
            "ocop.certificate", "create", [dict(vals, origin="legacy")]
        )
        self.assertRpcRefused(
            "ocop.certificate", "copy", [self.certificate.id], default={"stars": 5}
        )
        # and from a dossier's form (a one2many command)
        self.assertRpcRefused(
            "ocop.product",
            "write",
            [self.product_ia_hrung.id],
            {"certificate_ids": [Command.create(vals)]},
        )
        self.assertEqual(self.count("ocop.certificate"), count)
        self.assertFalse(self.product_ia_hrung.stars)

    def test_member_cannot_reopen_their_submitted_sheet(self):
        self.login(self.member1)
        for sheet in (self.sheet_submitted, self.sheet_closed):
            before = self.snapshot(sheet, ("state", "submitted_on", "total"))
            for context in ({}, *FORGED_CONTEXTS):
                self.assertRpcRefused(
                    "ocop.evaluation",
                    "write",
                    [sheet.id],
                    {"state": "draft"},
                    context=context,
                )
                self.assertRpcRefused(
                    "ocop.evaluation",
                    "action_reopen",
                    [sheet.id],
                    "Tôi muốn chấm lại",
                    context=context,
                )
            self.assertUnchanged(sheet, ("state", "submitted_on", "total"), before)

    def test_member_cannot_change_the_ticks_of_a_submitted_sheet(self):
        self.login(self.member1)
        for sheet in (self.sheet_submitted, self.sheet_closed):
            lines = sheet.line_ids
            names = ("option_id", "points", "knockout")
            before = self.snapshot(lines, names)
            sheet_before = self.snapshot(sheet, ("total", "state"))
            line = lines.filtered(lambda ln: ln.criterion_id.code == "1.1")
            best = line.criterion_id.option_ids.sorted("points")[-1]
            for context in ({}, *FORGED_CONTEXTS):
                self.assertRpcRefused(
                    "ocop.evaluation.line",
                    "write",
                    [line.id],
                    {"option_id": best.id},
                    context=context,
                )
                self.assertRpcRefused(
                    "ocop.evaluation",
                    "write",
                    [sheet.id],
                    {"line_ids": [Command.update(line.id, {"option_id": best.id})]},
                    context=context,
                )
            self.assertUnchanged(lines, names, before)
            self.assertUnchanged(sheet, ("total", "state"), sheet_before)

    def test_member_cannot_submit_an_empty_sheet_by_writing_its_state(self):
        self.login(self.member2)
        sheet = self.sheet_empty
        before = self.snapshot(sheet, ("state", "submitted_on"))
        for context in ({}, *FORGED_CONTEXTS):
            self.assertRpcRefused(
                "ocop.evaluation",
                "write",
                [sheet.id],
                {"state": "submitted"},
                context=context,
            )
            self.assertRpcRefused(
                "ocop.evaluation",
                "write",
                [sheet.id],
                {"submitted_on": "2026-06-01 10:00:00"},
                context=context,
            )
            # the action refuses an empty sheet
            self.assertRpcRefused(
                "ocop.evaluation", "action_submit", [sheet.id], context=context
            )
        self.assertUnchanged(sheet, ("state", "submitted_on"), before)

    def test_member_cannot_write_points_on_a_draft_line(self):
        self.login(self.member3)
        lines = self.sheet_draft.line_ids
        names = ("option_id", "points")
        before = self.snapshot(lines, names)
        sheet_before = self.snapshot(self.sheet_draft, ("total",))
        for context in ({}, *FORGED_CONTEXTS):
            for points in (-50, 1000, 3):
                self.assertRpcRefused(
                    "ocop.evaluation.line",
                    "write",
                    [lines[0].id],
                    {"points": points},
                    context=context,
                )
        # an option of another criterion is refused too
        other = lines[1].criterion_id.option_ids[-1]
        self.assertRpcRefused(
            "ocop.evaluation.line", "write", [lines[0].id], {"option_id": other.id}
        )
        self.assertUnchanged(lines, names, before)
        self.assertUnchanged(self.sheet_draft, ("total",), sheet_before)

    def test_member_cannot_touch_another_members_sheet(self):
        self.login(self.member3)
        target = self.sheet_empty  # member 2's
        lines = target.line_ids
        option = lines[0].criterion_id.option_ids[-1]
        before = self.snapshot(lines, ("option_id", "evaluation_id"))
        self.assertRpcRefused(
            "ocop.evaluation.line", "write", [lines[0].id], {"option_id": option.id}
        )
        self.assertRpcRefused("ocop.evaluation", "action_submit", [target.id])
        # nor move one of their own (ticked) lines into a submitted sheet
        own = self.sheet_draft.line_ids[0]
        own_before = self.snapshot(own, ("evaluation_id",))
        self.assertRpcRefused(
            "ocop.evaluation.line",
            "write",
            [own.id],
            {"evaluation_id": self.sheet_submitted.id},
        )
        self.assertUnchanged(own, ("evaluation_id",), own_before)
        self.assertUnchanged(lines, ("option_id", "evaluation_id"), before)

    def test_commune_officer_cannot_take_the_programme_offices_decisions(self):
        self.login(self.officer_ia_hrung)
        idea = self.idea_reviewed
        before = self.snapshot(idea, ("state", "ocop_product_id"))
        self.assertRpcRefused(
            "ocop.product.idea", "action_select", [idea.id], names=["AccessError"]
        )
        self.assertUnchanged(idea, ("state", "ocop_product_id"), before)
        for dossier, method in (
            (self.dossier_checked, "action_receive"),
            (self.dossier_received, "action_review"),
        ):
            before = self.snapshot(dossier, ("state",))
            self.assertRpcRefused(
                "ocop.dossier", method, [dossier.id], names=["AccessError"]
            )
            self.assertUnchanged(dossier, ("state",), before)
        before = self.snapshot(self.dossier_closed, ("state", "certificate_id"))
        self.assertRpcRefused(
            "ocop.dossier",
            "action_record_decision",
            [self.dossier_closed.id],
            "9/QĐ-UBND",
            "2026-12-01",
            "Chủ tịch",
        )
        self.assertUnchanged(self.dossier_closed, ("state", "certificate_id"), before)

    def test_programme_officer_of_another_province_cannot_act_on_its_dossiers(self):
        self.login(self.programme_ha_noi)
        cases = (
            (self.dossier_checked, "action_receive", ()),
            (self.dossier_checked, "action_return", ("Thiếu hồ sơ",)),
            (self.dossier_received, "action_review", ()),
            (
                self.dossier_closed,
                "action_record_decision",
                ("9/QĐ-UBND", "2026-12-01", "Chủ tịch"),
            ),
        )
        for dossier, method, args in cases:
            before = self.snapshot(dossier, ("state", "certificate_id"))
            self.assertRpcRefused("ocop.dossier", method, [dossier.id], *args)
            self.assertUnchanged(dossier, ("state", "certificate_id"), before)
        before = self.snapshot(self.session_draft, ("state",))
        self.assertRpcRefused(
            "ocop.council.session", "action_confirm", [self.session_draft.id]
        )
        self.assertUnchanged(self.session_draft, ("state",), before)
        before = self.snapshot(self.idea_reviewed, ("state",))
        self.assertRpcRefused(
            "ocop.product.idea", "action_select", [self.idea_reviewed.id]
        )
        self.assertUnchanged(self.idea_reviewed, ("state",), before)

    def test_programme_officer_of_another_province_cannot_touch_its_council(self):
        """Needs the councils' record rules (issue #17, 4)."""
        self.login(self.programme_ha_noi)
        council = self.council
        names = ("max_spread", "minima_rule", "member_ids", "name")
        before = self.snapshot(council, names)
        for vals in (
            {"max_spread": 50},
            {"minima_rule": "all"},
            {"name": "Hội đồng của Hà Nội"},
            {
                "member_ids": [
                    Command.create(
                        {"user_id": self.programme_ha_noi.id, "role": "member"}
                    )
                ]
            },
        ):
            self.assertRpcRefused("ocop.council", "write", [council.id], vals)
        count = self.count("ocop.council.member")
        self.assertRpcRefused(
            "ocop.council.member",
            "create",
            [{"council_id": council.id, "user_id": self.programme_ha_noi.id}],
        )
        seat = council.member_ids.filtered(lambda m: m.user_id == self.member1)
        self.assertRpcRefused(
            "ocop.council.member",
            "write",
            [seat.id],
            {"user_id": self.programme_ha_noi.id},
        )
        self.assertEqual(self.count("ocop.council.member"), count)
        self.assertUnchanged(council, names, before)

    def test_producer_cannot_write_a_state(self):
        self.login(self.portal_user)
        for model, record, value in (
            ("ocop.dossier", self.dossier_draft, "scored"),
            ("ocop.dossier", self.dossier_draft, "submitted"),
            ("ocop.product.idea", self.idea_draft, "selected"),
            ("ocop.product.idea", self.idea_draft, "submitted"),
        ):
            before = self.snapshot(record, ("state",))
            self.assertRpcRefused(model, "write", [record.id], {"state": value})
            self.assertUnchanged(record, ("state",), before)
        # nor a result on their dossier
        before = self.snapshot(self.dossier_draft, self.RESULT)
        self.assertRpcRefused(
            "ocop.dossier", "write", [self.dossier_draft.id], {"result_stars": 5}
        )
        self.assertUnchanged(self.dossier_draft, self.RESULT, before)

    # ------------------------------------------------------------------
    # Every guarded field of every workflow model
    # ------------------------------------------------------------------
    def _record_of(self, model):
        return {
            "ocop.dossier": self.dossier_draft,
            "ocop.council.session": self.session_draft,
            "ocop.evaluation": self.sheet_empty,
            "ocop.certificate": self.certificate,
            "ocop.product.idea": self.idea_draft,
            "ocop.business.plan": self.plan,
            "ocop.support": self.support,
            "ocop.product": self.product_ia_hrung,
            "ocop.cycle": self.cycle,
            "ocop.cycle.duty": self.duty,
            "ocop.budget.line": self.budget_line,
            "ocop.commendation": self.commendation,
            "ocop.progress.report": self.progress_report,
            "ocop.inspection": self.inspection,
            "ocop.inspection.violation": self.violation,
            "ocop.mark.usage": self.mark_usage,
        }[model]

    def _roles(self):
        # the most privileged first; none is an OCOP manager
        return [
            ("programme officer", self.programme_gia_lai),
            ("inspector", self.inspector),
            ("council member", self.member2),
            ("commune officer", self.officer_ia_hrung),
            ("producer", self.portal_user),
        ]

    def _forged(self, model, name, current):
        """A value of field ``name`` other than ``current``, that the field
        accepts (the forgery must be refused for what it is, not its type)."""
        field = self.env[model]._fields[name]
        kind = field.type
        if kind == "selection":
            values = [v for v in field.get_values(self.env) if v != current]
            return values[-1]
        if kind == "boolean":
            return not current
        if kind == "integer":
            return (current or 0) + 5
        if kind in ("float", "monetary"):
            return (current or 0.0) + 42.5
        if kind in ("char", "text", "html"):
            return "Giả mạo"
        if kind == "date":
            return "2020-01-31"
        if kind == "datetime":
            return "2020-01-31 08:00:00"
        if kind in ("many2one", "many2many", "one2many"):
            current_ids = current.ids if current else []
            other = (
                self.env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "not in", current_ids)], limit=1)
            )
            self.assertTrue(other, f"no {field.comodel_name} to forge {name} with")
            if kind == "many2one":
                return other.id
            if kind == "many2many":
                return [Command.set(other.ids)]
            return [Command.clear()] if current_ids else [Command.link(other.id)]
        self.fail(f"{model}.{name}: no forged value for a {kind} field")

    def _guarded_fields_refused(self, model):
        Model = self.env[model]
        self.assertTrue(
            hasattr(Model, "_ocop_guarded"),
            f"{model} does not declare its workflow (ocop.workflow.mixin)",
        )
        guarded = sorted(Model._ocop_guarded())
        self.assertIn("state", guarded)
        record = self._record_of(model)
        failures = []
        writers = [
            (role, user)
            for role, user in self._roles()
            if record.with_user(user).has_access("write")
        ]
        creators = [
            (role, user)
            for role, user in self._roles()
            if Model.with_user(user).has_access("create")
        ] or writers
        self.assertTrue(writers, f"no non-manager role writes {record}")
        # write
        for role, user in writers:
            self.login(user)
            for name in guarded:
                before = self.snapshot(record, [name])
                value = self._forged(model, name, record[name])
                result, error = self.rpc(model, "write", [record.id], {name: value})
                if not error:
                    failures.append(f"{role} wrote {name}={value!r}")
                elif self.snapshot(record, [name]) != before:
                    failures.append(f"{role}: {name} changed although refused")
        # create, with each guarded field forced
        base = {
            name: value
            for name, value in record.copy_data()[0].items()
            if name not in guarded
        }
        base.update(CREATE_VALS.get(model, {}))
        defaults = Model.default_get(guarded)
        for role, user in creators:
            self.login(user)
            count = self.count(model)
            refusals = {}
            for name in guarded:
                field = Model._fields[name]
                default = defaults.get(name, False)
                if field.type in ("many2one", "many2many", "one2many"):
                    default = self.env[field.comodel_name].browse(
                        default if isinstance(default, int) else []
                    )
                value = self._forged(model, name, default)
                result, error = self.rpc(model, "create", [dict(base, **{name: value})])
                if error:
                    refusals[name] = error["data"]["message"]
                else:
                    failures.append(f"{role} created {model} with {name}={value!r}")
            if self.count(model) != count:
                failures.append(f"{role}: refused creations left {model} records")
            if Model._ocop_create_by_transition:
                continue
            # What was refused is the forced field: the same values without
            # it are accepted, or else the refusal names the field.
            result, error = self.rpc(model, "create", [base])
            if not error:
                continue
            for name, message in refusals.items():
                label = Model._fields[name]._description_string(self.env)
                if label not in message:
                    failures.append(
                        f"{role}: {model} with {name} forced was refused for "
                        f"another reason ({message}), and without it too "
                        f"({error['data']['message']})"
                    )
        if failures:
            self.fail(f"{model}:\n" + "\n".join(failures))


def _guarded_fields_test(model):
    def test(self):
        self._guarded_fields_refused(model)

    test.__name__ = f"test_guarded_fields_{model.replace('.', '_')}"
    test.__doc__ = f"Every guarded field of {model}, written and forced on create."
    return test


for _model in WORKFLOW_MODELS:
    _test = _guarded_fields_test(_model)
    setattr(TestRpcForgery, _test.__name__, _test)
