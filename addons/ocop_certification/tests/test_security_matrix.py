# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access matrix of docs/security.md, checked cell by cell.

The test reads the table of docs/security.md (model | role | read | create |
write | unlink) and, for every ``ocop.*`` model of the registry, every OCOP
role and every operation, checks one record inside the role's territory and
one outside it (in another province) with ``check_access``: ACL and record
rules, as the server applies them to the JSON-RPC calls of the web client.
A model of the registry missing from the table, a model of the table missing
from the registry, a role or a cell missing, an unknown cell value: all fail.

"Inside" is the Gia Lai world: the commune Ia Hrung, its producer, product,
dossier on the Gia Lai council (where the council member and the secretary
sit), the sheet of that member, an inspection whose team is the inspector.
"Outside" is the same in Hà Nội (Hoàn Kiếm), with other people.
"""

import re
from datetime import date, timedelta
from pathlib import Path

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import OcopCertificationMixin

DOC = Path(__file__).resolve().parents[3] / "docs" / "security.md"

ROLES = (
    "Viewer",
    "Commune officer",
    "Programme officer",
    "Council member",
    "Secretary",
    "Inspector",
    "OCOP manager",
    "Producer (portal)",
    "Public",
)
OPERATIONS = ("read", "create", "write", "unlink")
# cell value -> (allowed on the record inside, allowed on the record outside)
VOCABULARY = {
    "all": (True, True),
    "territory": (True, False),
    "up+down": (True, False),
    "council": (True, False),
    "own": (True, False),
    "team": (True, False),
    "running": (True, False),
    "-": (False, False),
}
MATRIX_HEADER = ["model", "role", "read", "create", "write", "unlink"]
WIZARD_HEADER = ["wizard", "roles", "reason"]
MUTED = ("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")


def _tables(text):
    """{header tuple: [rows]} of the Markdown tables of ``text``."""
    tables = {}
    header = None
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        if header is None:
            header = tuple(c.lower() for c in cells)
            tables.setdefault(header, [])
        elif not all(re.fullmatch(r":?-+:?", c) for c in cells):
            tables[header].append(cells)
    return tables


def read_tables():
    tables = _tables(DOC.read_text(encoding="utf-8"))
    return tables.get(tuple(MATRIX_HEADER)), tables.get(tuple(WIZARD_HEADER))


@tagged("post_install", "-at_install")
class TestSecurityMatrix(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.users = cls._matrix_users()
        cls.inside = cls._world(
            province=cls.gia_lai,
            commune=cls.ia_hrung,
            producer=cls.producer_ia_hrung,
            product=cls.product_ia_hrung,
            member=cls.users["Council member"],
            secretary=cls.users["Secretary"],
            inspector=cls.users["Inspector"],
            running=True,
            tag="gl",
        )
        cls.outside = cls._world(
            province=cls.ha_noi,
            commune=cls.hoan_kiem,
            producer=cls.producer_hoan_kiem,
            product=cls.product_hoan_kiem,
            member=cls._user("matrix_member_hn", "group_ocop_council_member"),
            secretary=cls._user("matrix_secretary_hn", "group_ocop_council_member"),
            inspector=cls._user("matrix_inspector_hn", "group_ocop_inspector"),
            running=False,
            tag="hn",
        )
        cls._configuration()

    # ------------------------------------------------------------------
    # Fixtures
    # ------------------------------------------------------------------
    @classmethod
    def _user(cls, login, group, units=None):
        user = new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,ocop_management.{group}",
            name=login,
        )
        if units:
            user.ocop_admin_unit_ids = units
        return user

    @classmethod
    def _matrix_users(cls):
        """One user per role. The council member, the secretary and the
        inspector have no territory of their own: their rows of the table are
        what the role gives by itself (with units they add the Viewer's)."""
        portal_partner = cls.env["res.partner"].create(
            {"name": "Người đại diện HTX", "parent_id": cls.producer_ia_hrung.id}
        )
        return {
            "Viewer": cls.viewer_gia_lai,
            "Commune officer": cls.officer_ia_hrung,
            "Programme officer": cls.programme_gia_lai,
            "Council member": cls._user("matrix_member", "group_ocop_council_member"),
            "Secretary": cls._user("matrix_secretary", "group_ocop_council_member"),
            "Inspector": cls._user("matrix_inspector", "group_ocop_inspector"),
            "OCOP manager": cls.ocop_manager,
            "Producer (portal)": new_test_user(
                cls.env,
                login="matrix_portal",
                groups="base.group_portal",
                partner_id=portal_partner.id,
            ),
            "Public": cls.env.ref("base.public_user"),
        }

    @classmethod
    def _first(cls, model, field):
        return cls.env[model]._fields[field].get_values(cls.env)[0]

    @classmethod
    def _world(
        cls,
        province,
        commune,
        producer,
        product,
        member,
        secretary,
        inspector,
        running,
        tag,
    ):
        """One record of every territorial model in ``commune`` (or, for the
        models kept at the province, ``province``)."""
        env = cls.env
        w = {}
        today = fields.Date.today()
        cycle = env["ocop.cycle"].create(
            {
                "name": f"Chu trình thử {tag}",
                "year": today.year,
                "admin_unit_id": province.id,
                "user_id": False,
            }
        )
        if running:
            cycle.write({"state": "running"})
        w["ocop.cycle"] = cycle
        w["ocop.cycle.step"] = env["ocop.cycle.step"].create(
            {
                "cycle_id": cycle.id,
                "step": cls._first("ocop.cycle.step", "step"),
                "deadline": date(today.year, 12, 31),
            }
        )
        w["ocop.potential.product"] = env["ocop.potential.product"].create(
            {"name": f"Tiềm năng {tag}", "cycle_id": cycle.id, "commune_id": commune.id}
        )
        idea = env["ocop.product.idea"].create(
            {
                "name": f"Ý tưởng {tag}",
                "cycle_id": cycle.id,
                "producer_id": producer.id,
                "product_group_id": product.product_group_id.id,
                "description": "Mô tả",
            }
        )
        idea.write({"state": "selected"})
        w["ocop.product.idea"] = idea
        plan = env["ocop.business.plan"].create(
            {"name": f"Phương án {tag}", "idea_id": idea.id}
        )
        w["ocop.business.plan"] = plan
        w["ocop.business.plan.score"] = env["ocop.business.plan.score"].create(
            {"plan_id": plan.id, "name": "Tính khả thi"}
        )
        w["ocop.business.plan.progress"] = env["ocop.business.plan.progress"].create(
            {"plan_id": plan.id, "progress": 10, "user_id": False}
        )
        w["ocop.support"] = env["ocop.support"].create(
            {
                "name": f"Hỗ trợ {tag}",
                "cycle_id": cycle.id,
                "producer_id": producer.id,
                "product_id": product.id,
                "support_type": cls._first("ocop.support", "support_type"),
            }
        )
        agency = env["res.partner"].create(
            {
                "name": f"UBND {commune.name}",
                "is_company": True,
                "ocop_entity_type": "agency",
                "ocop_agency_role": "commune_committee",
                "ocop_admin_unit_id": commune.id,
            }
        )
        w["ocop.cycle.duty"] = env["ocop.cycle.duty"].create(
            {
                "name": f"Nhiệm vụ {tag}",
                "cycle_id": cycle.id,
                "deadline": date(today.year, 12, 31),
                "agency_id": agency.id,
                "user_id": False,
            }
        )
        w["ocop.budget.line"] = env["ocop.budget.line"].create(
            {
                "name": f"Ngân sách {tag}",
                "cycle_id": cycle.id,
                "source": cls._first("ocop.budget.line", "source"),
                "admin_unit_id": commune.id,
            }
        )
        w["ocop.commendation"] = env["ocop.commendation"].create(
            {
                "cycle_id": cycle.id,
                "partner_id": producer.id,
                "achievement": "Sản phẩm OCOP tiêu biểu",
            }
        )
        channel = env["ocop.distribution.channel"].create(
            {
                "name": f"Điểm bán {tag}",
                "channel_type": "showroom",
                "admin_unit_id": commune.id,
                "user_id": False,
            }
        )
        w["ocop.distribution.channel"] = channel
        w["ocop.distribution.channel.product"] = env[
            "ocop.distribution.channel.product"
        ].create({"channel_id": channel.id, "ocop_product_id": product.id})
        start = date(today.year, 1, 1)
        w["ocop.progress.report"] = env["ocop.progress.report"].create(
            {
                "kind": "unit",
                "cycle_id": cycle.id,
                "admin_unit_id": commune.id,
                "receiving_unit_id": province.id,
                "period_start": start,
                "period_end": start + timedelta(days=30),
                "due_date": start + timedelta(days=35),
                "user_id": False,
            }
        )
        template = env["product.template"].create(
            {"name": f"Hàng bán {tag}", "list_price": 100000}
        )
        product.product_tmpl_ids = template
        order = env["sale.order"].create(
            {
                "partner_id": env["res.partner"].create({"name": f"Khách {tag}"}).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": template.product_variant_id.id,
                            "product_uom_qty": 1,
                            "price_unit": 100000,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        w["ocop.sale.analysis"] = env["ocop.sale.analysis"].search(
            [("order_id", "=", order.id)]
        )
        # step 5: council, seats, session, dossier, sheet, certificate...
        council = env["ocop.council"].create(
            {
                "name": f"Hội đồng {tag}",
                "level": "province",
                "framework_id": cls.fw26.id,
                "admin_unit_id": province.id,
                "member_ids": [
                    Command.create({"user_id": member.id, "role": "member"}),
                    Command.create({"user_id": secretary.id, "role": "secretary"}),
                ],
            }
        )
        w["ocop.council"] = council
        seat = council.member_ids.filtered(lambda m: m.user_id == member)
        w["ocop.council.member"] = seat
        session = env["ocop.council.session"].create(
            {"name": f"Phiên {tag}", "council_id": council.id}
        )
        w["ocop.council.session"] = session
        dossier = env["ocop.dossier"].create(
            {"product_id": product.id, "date_filed": today}
        )
        dossier.write(
            {
                "criteria_set_id": cls.test_set.id,
                "session_id": session.id,
                "state": "council",
            }
        )
        session.write({"state": "scoring", "attendee_ids": [Command.set(seat.ids)]})
        w["ocop.dossier"] = dossier
        document = env["ocop.dossier.document"].create(
            {"dossier_id": dossier.id, "name": "Bản công bố chất lượng"}
        )
        w["ocop.dossier.document"] = document
        w["ir.attachment"] = env["ir.attachment"].create(
            {
                "name": f"cong-bo-{tag}.pdf",
                "raw": b"%PDF-1.4 test",
                "res_model": "ocop.dossier.document",
                "res_id": document.id,
            }
        )
        document.attachment_ids = w["ir.attachment"]
        leaf = cls.test_set._leaf_criteria()[:1]
        sheet = env["ocop.evaluation"].create(
            {
                "session_id": session.id,
                "dossier_id": dossier.id,
                "member_id": seat.id,
                "line_ids": [Command.create({"criterion_id": leaf.id})],
            }
        )
        w["ocop.evaluation"] = sheet
        w["ocop.evaluation.line"] = sheet.line_ids
        certificate = env["ocop.certificate"].create(
            {
                "product_id": product.id,
                "dossier_id": dossier.id,
                "stars": 4,
                "framework_id": cls.fw26.id,
                "issuing_level": "province",
                "issue_date": today - timedelta(days=10),
            }
        )
        w["ocop.certificate"] = certificate
        w["ocop.mark.usage"] = env["ocop.mark.usage"].create(
            {"certificate_id": certificate.id, "medium": "packaging"}
        )
        inspection = env["ocop.inspection"].create(
            {
                "inspection_type": "mark_use",
                "certificate_id": certificate.id,
                "lead_inspector_id": inspector.id,
                "planned_date": fields.Datetime.now(),
            }
        )
        w["ocop.inspection"] = inspection
        w["ocop.inspection.line"] = env["ocop.inspection.line"].create(
            {"inspection_id": inspection.id, "item": "Nhãn hàng hóa"}
        )
        w["ocop.inspection.violation"] = env["ocop.inspection.violation"].create(
            {"inspection_id": inspection.id, "description": "Nhãn sai quy cách"}
        )
        return w

    @classmethod
    def _configuration(cls):
        """The configuration models have no territory: two records each."""
        other_set = cls._make_set(cls.fw26, "TEST-26-B", group=cls.product_set_honey)
        Template = cls.env["ocop.duty.template"]
        role = cls._first("ocop.duty.template", "agency_role")
        pairs = {
            "ocop.admin.unit": (cls.ia_hrung, cls.hoan_kiem),
            "ocop.product.group": (cls.product_set_coffee, cls.product_set_honey),
            "ocop.product": (cls.product_ia_hrung, cls.product_hoan_kiem),
            "ocop.framework": (cls.fw26, cls.fw1048),
            "ocop.criteria.set": (cls.test_set, other_set),
            "ocop.criterion": (
                cls.test_set._leaf_criteria()[:1],
                other_set._leaf_criteria()[:1],
            ),
            "ocop.criterion.option": (
                cls.test_set._leaf_criteria()[:1].option_ids[:1],
                other_set._leaf_criteria()[:1].option_ids[:1],
            ),
            "ocop.duty.template": (
                Template.create({"name": "Nhiệm vụ mẫu A", "agency_role": role}),
                Template.create({"name": "Nhiệm vụ mẫu B", "agency_role": role}),
            ),
        }
        for model, (inside, outside) in pairs.items():
            cls.inside[model] = inside
            cls.outside[model] = outside

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _allowed(self, record, user, operation):
        try:
            with mute_logger(*MUTED):
                record.with_user(user).check_access(operation)
        except AccessError:
            return False
        return True

    def _registry_models(self, transient):
        return {
            name
            for name, model in self.env.registry.items()
            if name.startswith("ocop.")
            and not model._abstract
            and bool(model._transient) == transient
        }

    def _matrix(self):
        rows, _wizards = read_tables()
        self.assertTrue(rows, f"{DOC}: no table with the columns {MATRIX_HEADER}")
        matrix = {}
        for row in rows:
            self.assertEqual(len(row), len(MATRIX_HEADER), f"malformed row {row}")
            model, role, *cells = row
            self.assertIn(role, ROLES, f"{model}: unknown role {role!r}")
            self.assertFalse((model, role) in matrix, f"{model} / {role}: twice")
            for cell in cells:
                self.assertIn(cell, VOCABULARY, f"{model} / {role}: {cell!r}")
            matrix[model, role] = dict(zip(OPERATIONS, cells, strict=True))
        return matrix

    # ------------------------------------------------------------------
    # The table declares every model, and only models that exist
    # ------------------------------------------------------------------
    def test_table_declares_every_model_and_role(self):
        matrix = self._matrix()
        declared = {model for model, _role in matrix}
        models = self._registry_models(transient=False)
        self.assertFalse(
            models - declared,
            f"models without a row in {DOC.name}: declare their rights",
        )
        self.assertFalse(declared - models, "models of the table that do not exist")
        missing = [
            f"{model} / {role}"
            for model in sorted(models)
            for role in ROLES
            if (model, role) not in matrix
        ]
        self.assertFalse(missing, "rows missing from the table")

    def test_every_wizard_is_declared_with_its_roles(self):
        _rows, wizards = read_tables()
        self.assertTrue(wizards, f"{DOC}: no table with the columns {WIZARD_HEADER}")
        declared = {}
        for wizard, roles, _reason in wizards:
            roles = {r.strip() for r in roles.split(",")} - {"-"}
            self.assertFalse(roles - set(ROLES), f"{wizard}: unknown roles")
            declared[wizard] = roles
        models = self._registry_models(transient=True)
        self.assertFalse(models - set(declared), "wizards missing from the table")
        self.assertFalse(set(declared) - models, "wizards that do not exist")
        failures = []
        for wizard in sorted(models):
            for role, user in self.users.items():
                allowed = self.env[wizard].with_user(user).browse().has_access("create")
                if allowed != (role in declared[wizard]):
                    failures.append(f"{wizard} / {role}: allowed={allowed}")
        if failures:
            self.fail("\n".join(failures))

    # ------------------------------------------------------------------
    # Every cell
    # ------------------------------------------------------------------
    def test_matrix(self):
        matrix = self._matrix()
        failures = []
        for model in sorted(self._registry_models(transient=False)):
            if model not in self.inside:
                failures.append(f"{model}: no records to test (add it to _world)")
                continue
            records = (self.inside[model], self.outside[model])
            for record in records:
                self.assertEqual(len(record), 1, f"{model}: {record}")
            self.assertNotEqual(*records)
            for role, user in self.users.items():
                cells = matrix.get((model, role))
                if not cells:
                    failures.append(f"{model} / {role}: no row")
                    continue
                for operation in OPERATIONS:
                    expected = VOCABULARY[cells[operation]]
                    actual = tuple(
                        self._allowed(record, user, operation) for record in records
                    )
                    if actual != expected:
                        failures.append(
                            f"{model} | {role} | {operation}: the table says "
                            f"{cells[operation]!r} (inside, outside = {expected}), "
                            f"the server allows {actual}"
                        )
        if failures:
            self.fail(f"{len(failures)} cells differ:\n" + "\n".join(failures))

    # ------------------------------------------------------------------
    # What the matrix does not show
    # ------------------------------------------------------------------
    def test_officers_change_only_below_their_units(self):
        """Reads go up and down, changes only down: a programme officer
        working for the commune reads the province's cycle, council and
        budget, and changes none of them; he changes his commune's duty."""
        officer = self._user(
            "matrix_programme_commune",
            "group_ocop_programme_officer",
            self.ia_hrung,
        )
        gl = self.inside
        budget = gl["ocop.budget.line"].copy({"admin_unit_id": self.gia_lai.id})
        for record, unit in (
            (gl["ocop.cycle"], "admin_unit_id"),
            (gl["ocop.cycle.step"], "cycle_id.admin_unit_id"),
            (budget, "admin_unit_id"),
            (gl["ocop.commendation"], "admin_unit_id"),
            (gl["ocop.council"], "admin_unit_id"),
            (gl["ocop.council.member"], "council_id.admin_unit_id"),
            (gl["ocop.council.session"], "council_id.admin_unit_id"),
        ):
            with self.subTest(model=record._name):
                self.assertEqual(record.mapped(unit), self.gia_lai)
                self.assertTrue(self._allowed(record, officer, "read"))
                for operation in ("create", "write", "unlink"):
                    self.assertFalse(self._allowed(record, officer, operation))
        self.assertEqual(gl["ocop.cycle.duty"].admin_unit_id, self.ia_hrung)
        self.assertTrue(self._allowed(gl["ocop.cycle.duty"], officer, "write"))

    def test_central_council_read_by_every_ocop_user(self):
        council = self.env["ocop.council"].create(
            {
                "name": "Hội đồng Trung ương",
                "level": "central",
                "framework_id": self.fw26.id,
                "admin_unit_id": False,
                "member_ids": [Command.create({"user_id": self.members[0].id})],
            }
        )
        session = self.env["ocop.council.session"].create(
            {"name": "Phiên trung ương", "council_id": council.id}
        )
        for record in (council, council.member_ids, session):
            for role, user in self.users.items():
                internal = role not in ("Producer (portal)", "Public")
                with self.subTest(model=record._name, role=role):
                    self.assertEqual(self._allowed(record, user, "read"), internal)
                    self.assertEqual(
                        self._allowed(record, user, "write"), role == "OCOP manager"
                    )

    def test_secretary_reads_the_sheets_members_only_after_their_own(self):
        gl = self.inside
        member, secretary = self.users["Council member"], self.users["Secretary"]
        other = self._user("matrix_member_2", "group_ocop_council_member")
        seat = self.env["ocop.council.member"].create(
            {"council_id": gl["ocop.council"].id, "user_id": other.id}
        )
        other_sheet = self.env["ocop.evaluation"].create(
            {
                "session_id": gl["ocop.council.session"].id,
                "dossier_id": gl["ocop.dossier"].id,
                "member_id": seat.id,
                "line_ids": [Command.create({"criterion_id": gl["ocop.criterion"].id})],
            }
        )
        own_sheet = gl["ocop.evaluation"]
        for sheet in (own_sheet, other_sheet):
            for record in (sheet, sheet.line_ids):
                self.assertTrue(self._allowed(record, secretary, "read"))
                self.assertFalse(self._allowed(record, secretary, "write"))
        # the member: not the other's sheet before submitting their own
        for record in (other_sheet, other_sheet.line_ids):
            self.assertFalse(self._allowed(record, member, "read"))
        Sheet = self.env["ocop.evaluation"].with_user(member)
        dossier_sheets = [("dossier_id", "=", gl["ocop.dossier"].id)]
        self.assertEqual(Sheet.search(dossier_sheets), own_sheet)
        own_sheet.write({"state": "submitted"})
        for record in (other_sheet, other_sheet.line_ids):
            self.assertTrue(self._allowed(record, member, "read"))
            # reading is not writing: the lines of another's sheet stay theirs
            self.assertFalse(self._allowed(record, member, "write"))
        # a secretary seated to score is a scoring member like the others
        own_sheet.write({"state": "draft"})
        secretary_seat = gl["ocop.council"].member_ids.filtered(
            lambda m: m.user_id == secretary
        )
        secretary_seat.scores = True
        self.assertFalse(self._allowed(other_sheet, secretary, "read"))
        self.assertFalse(self._allowed(own_sheet.line_ids, secretary, "read"))

    def test_council_members_read_the_producers_on_their_sheets(self):
        for role in ("Council member", "Secretary"):
            user = self.users[role]
            with self.subTest(role=role):
                self.assertTrue(self._allowed(self.producer_ia_hrung, user, "read"))
                self.assertFalse(self._allowed(self.producer_ia_hrung, user, "write"))
                self.assertFalse(self._allowed(self.producer_hoan_kiem, user, "read"))
                self.assertFalse(self._allowed(self.producer_bien_ho, user, "read"))
        member = self.users["Council member"]
        sheet = self.inside["ocop.evaluation"].with_user(member)
        self.assertEqual(sheet.dossier_id.producer_id.name, self.producer_ia_hrung.name)
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(member)
            ._render_qweb_html("ocop_certification.report_evaluation_sheet", sheet.ids)
        )
        self.assertIn(self.producer_ia_hrung.name, content.decode())

    def test_dossier_files_follow_their_document(self):
        gl, hn = self.inside, self.outside
        officer = self.officer_ia_hrung
        programme_hn = self._user(
            "matrix_programme_hn", "group_ocop_programme_officer", self.ha_noi
        )
        # uploaded by the web client before the document line is saved (no
        # res_id), then linked: the file becomes the document's
        upload = (
            self.env["ir.attachment"]
            .with_user(officer)
            .create(
                {
                    "name": "giay-chung-nhan-attp.pdf",
                    "raw": b"%PDF-1.4 ATTP",
                    "res_model": "ocop.dossier.document",
                    "res_id": 0,
                }
            )
        )
        document = (
            self.env["ocop.dossier.document"]
            .with_user(officer)
            .create(
                {
                    "dossier_id": gl["ocop.dossier"].id,
                    "name": "Giấy chứng nhận ATTP",
                    "attachment_ids": [Command.set(upload.ids)],
                }
            )
        )
        self.assertEqual(
            (upload.res_model, upload.res_id), (document._name, document.id)
        )
        later = (
            self.env["ir.attachment"]
            .with_user(officer)
            .create(
                {"name": "bo-sung.pdf", "raw": b"%PDF-1.4", "res_model": document._name}
            )
        )
        document.with_user(officer).write({"attachment_ids": [Command.link(later.id)]})
        self.assertEqual(later.res_id, document.id)
        Attachment = self.env["ir.attachment"]
        for attachment in (upload, later, gl["ir.attachment"]):
            for user, allowed in (
                (officer, True),
                (self.programme_gia_lai, True),
                (self.users["Council member"], True),
                (self.officer_bien_ho, False),
                (programme_hn, False),
                (self.users["Inspector"], False),
            ):
                with self.subTest(file=attachment.name, user=user.login):
                    found = Attachment.with_user(user).search(
                        [("id", "=", attachment.id)]
                    )
                    self.assertEqual(bool(found), allowed)
                    for mode in ("read", "write", "unlink"):
                        if mode != "read" and user == self.users["Council member"]:
                            allowed_mode = False  # members read the files only
                        else:
                            allowed_mode = allowed
                        try:
                            with mute_logger(*MUTED):
                                attachment.with_user(user).check(mode)
                            result = True
                        except AccessError:
                            result = False
                        self.assertEqual(result, allowed_mode, mode)
        self.env.invalidate_all()
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            upload.with_user(programme_hn).read(["raw"])
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            upload.with_user(programme_hn).unlink()
        # a file of another record linked to one's own document stays that
        # record's: linking it does not open it
        theirs = hn["ocop.dossier.document"].with_user(programme_hn)
        theirs.write({"attachment_ids": [Command.link(gl["ir.attachment"].id)]})
        self.assertEqual(gl["ir.attachment"].res_id, gl["ocop.dossier.document"].id)
        self.assertFalse(
            Attachment.with_user(programme_hn).search(
                [("id", "=", gl["ir.attachment"].id)]
            )
        )
        # the producer (portal) never reads files through ir.attachment
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            upload.with_user(self.users["Producer (portal)"]).check("read")
