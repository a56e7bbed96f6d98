# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow of inspections, violations and uses of the OCOP mark held at
the server, as the real roles: no state, result or decision except through
its action; each action refused to the wrong role, to another team and to
another province's officer; the bad inputs refused with nothing written; and
the manager-only import of certificates issued before the system."""

from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import OcopCertificationMixin

PLANNED = datetime.combine(
    fields.Date.today() - timedelta(days=3), datetime.min.time()
) + timedelta(hours=2)
# the refusals read as the user: the record rules log at info level
QUIET = ("odoo.addons.base.models.ir_rule", "odoo.models")


class WorkflowCase(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        cls.setup_inspection_roles()
        cls.Inspection = cls.env["ocop.inspection"]
        cls.Violation = cls.env["ocop.inspection.violation"]
        cls.Usage = cls.env["ocop.mark.usage"]

    def make_inspection(self, user=None, **vals):
        """An inspection planned by ``user`` (the lead inspector), returned
        in their environment."""
        inspection = self.Inspection.with_user(user or self.lead_inspector).create(
            dict(
                {
                    "inspection_type": "mark_use",
                    "certificate_id": self.certificate.id,
                    "lead_inspector_id": self.lead_inspector.id,
                    "inspector_ids": [Command.set(self.team_inspector.ids)],
                    "planned_date": PLANNED,
                },
                **vals,
            )
        )
        self.post_tracking()
        return inspection

    def post_tracking(self):
        """Post the pending tracking messages now (before the commit, with the
        author of the first pending change)."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def add_violation(self, inspection, user=None, **vals):
        return self.Violation.with_user(user or self.lead_inspector).create(
            dict(
                {
                    "inspection_id": inspection.id,
                    "description": "Nhãn hiệu OCOP in sai màu",
                    "action": "warning",
                },
                **vals,
            )
        )

    def state_changes(self, record, user):
        """The (from, to) of the state written in ``record``'s chatter by
        ``user`` (the tracking is posted before the commit: run it now)."""
        self.post_tracking()
        messages = record.sudo().message_ids.filtered(
            lambda m: m.author_id == user.partner_id
        )
        return [
            (value.old_value_char, value.new_value_char)
            for value in messages.tracking_value_ids
            if value.field_id.name == "state"
        ]

    def assertRefused(self, record, user, method, *args, exception=AccessError):
        """``method`` of ``record`` called as ``user`` is refused and changes
        nothing."""
        before = record.sudo().read(["state"])[0]["state"]
        with self.subTest(user=user.login, method=method):
            with self.assertRaises(exception), mute_logger(*QUIET):
                getattr(record.with_user(user), method)(*args)
            record.invalidate_recordset()
            self.assertEqual(record.sudo().state, before)


@tagged("post_install", "-at_install")
class TestInspectionWorkflow(WorkflowCase):
    def test_state_and_results_not_written_directly(self):
        inspection = self.make_inspection()
        for user in (self.lead_inspector, self.programme_gia_lai):
            as_user = inspection.with_user(user)
            for vals in (
                {"state": "done"},
                {"result": "compliant"},
                {"fine_total": 0.0},
                {"calendar_event_id": False},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaisesMessage(UserError, "only through the workflow"),
                ):
                    as_user.write(vals)
        with self.assertRaisesMessage(UserError, "set by the workflow"):
            self.make_inspection(state="done")
        self.assertEqual(inspection.state, "planned")
        self.assertTrue(inspection.calendar_event_id)
        self.assertEqual(self.Inspection.search_count([("state", "=", "done")]), 0)

    def test_frozen_fields(self):
        inspection = self.make_inspection()
        inspection.action_start()
        as_lead = inspection.with_user(self.lead_inspector)
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            as_lead.write({"planned_date": PLANNED + timedelta(days=1)})
        as_lead.write({"location": "Thôn 3"})  # still open
        as_lead.action_mark_unassessed_compliant()
        as_lead.action_done()
        for vals in (
            {"findings": "<p>Khác</p>"},
            {"location": "Nơi khác"},
            {"inspector_ids": [Command.clear()]},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesMessage(UserError, "can no longer be changed"),
            ):
                as_lead.write(vals)
        self.assertEqual(inspection.location, "Thôn 3")
        self.assertEqual(inspection.planned_date, PLANNED)

    def test_actions_refuse_the_wrong_roles(self):
        """Each action is refused to the roles that may not conduct it (the
        commune officer and the viewer read the inspection), to an inspector
        of the province who is not on the team, and to the officers of
        another province."""
        inspection = self.make_inspection()
        refused = (
            self.officer_ia_hrung,
            self.viewer_gia_lai,
            self.council_member,
            self.other_inspector,
            self.inspector_ha_noi,
            self.programme_ha_noi,
        )
        # the roles that read it are refused by the action itself
        for user in (self.officer_ia_hrung, self.viewer_gia_lai, self.other_inspector):
            self.assertEqual(inspection.with_user(user).name, inspection.name)
        steps = (
            ("planned", "action_start"),
            ("in_progress", "action_mark_unassessed_compliant"),
            ("in_progress", "action_done"),
            ("in_progress", "action_cancel"),
            ("planned", "action_cancel"),
            ("cancelled", "action_replan"),
        )
        for state, method in steps:
            inspection.sudo().write({"state": state})  # the stage, as superuser
            for user in refused:
                self.assertRefused(inspection, user, method)
        self.assertFalse(any(inspection.line_ids.mapped("result")))
        with self.assertRaisesMessage(AccessError, "inspection team"):
            inspection.with_user(self.other_inspector).action_replan()
        with self.assertRaisesMessage(AccessError, "reserved to"):
            inspection.with_user(self.officer_ia_hrung).action_replan()

    def test_actions_by_the_team_and_the_programme_office(self):
        inspection = self.make_inspection()
        inspection.with_user(self.team_inspector).action_start()
        self.assertEqual(inspection.state, "in_progress")
        self.assertIn(
            ("Planned", "In Progress"),
            self.state_changes(inspection, self.team_inspector),
        )
        inspection.with_user(self.programme_gia_lai).action_cancel()
        self.assertEqual(inspection.state, "cancelled")
        self.assertFalse(inspection.calendar_event_id)
        self.assertIn(
            ("In Progress", "Cancelled"),
            self.state_changes(inspection, self.programme_gia_lai),
        )
        inspection.with_user(self.lead_inspector).action_replan()
        self.assertEqual(inspection.state, "planned")
        self.assertTrue(inspection.calendar_event_id)
        self.assertIn(
            ("Cancelled", "Planned"),
            self.state_changes(inspection, self.lead_inspector),
        )
        inspection.with_user(self.ocop_manager).action_start()
        self.post_tracking()
        inspection.with_user(self.lead_inspector).action_mark_unassessed_compliant()
        inspection.with_user(self.lead_inspector).action_done()
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.result, "compliant")
        self.assertIn(
            ("In Progress", "Done"),
            self.state_changes(inspection, self.lead_inspector),
        )

    def test_inspection_of_a_producer_with_only_a_province(self):
        """A trader registered at the province (market surveillance): the
        inspection has no commune, its province is its territory."""
        trader = self.env["res.partner"].create(
            {
                "name": "Công ty Thương mại Thử nghiệm Gia Lai",
                "is_company": True,
                "ocop_admin_unit_id": self.gia_lai.id,
            }
        )
        inspection = self.Inspection.create(
            {
                "inspection_type": "market",
                "producer_id": trader.id,
                "lead_inspector_id": self.inspector_ha_noi.id,
                "inspector_ids": [Command.set(self.inspector_ha_noi.ids)],
                "planned_date": PLANNED,
            }
        )
        self.assertFalse(inspection.commune_id)
        self.assertEqual(inspection.province_id, self.gia_lai)
        self.assertRefused(inspection, self.programme_ha_noi, "action_start")
        inspection.with_user(self.programme_gia_lai).action_start()
        self.assertEqual(inspection.state, "in_progress")
        # the team works wherever it inspects
        inspection.with_user(self.inspector_ha_noi).action_cancel()
        self.assertEqual(inspection.state, "cancelled")

    def test_bad_inputs(self):
        inspection = self.make_inspection()
        as_lead = inspection.with_user(self.lead_inspector)
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            as_lead.write({"planned_duration": -2})
        with self.assertRaisesMessage(ValidationError, "in the future"):
            as_lead.write({"actual_date": fields.Datetime.now() + timedelta(days=2)})
        self.assertEqual(inspection.planned_duration, 2.0)
        self.assertFalse(inspection.actual_date)


@tagged("post_install", "-at_install")
class TestViolationWorkflow(WorkflowCase):
    def setUp(self):
        super().setUp()
        self.usage = self.Usage.create(
            {"certificate_id": self.certificate.id, "medium": "packaging"}
        )
        self.inspection = self.make_inspection()
        self.inspection.action_start()

    def test_state_and_application_not_written_directly(self):
        violation = self.add_violation(self.inspection)
        for vals in (
            {"state": "done"},
            {"applied": True},
            {"applied_date": fields.Date.today()},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesMessage(UserError, "only through the workflow"),
            ):
                violation.with_user(self.lead_inspector).write(vals)
        for vals in ({"applied": True}, {"state": "done"}):
            with (
                self.subTest(vals=vals),
                self.assertRaisesMessage(UserError, "set by the workflow"),
            ):
                self.add_violation(self.inspection, **vals)
        self.assertEqual(len(self.inspection.violation_ids), 1)
        self.assertFalse(violation.applied)
        self.assertEqual(violation.state, "open")

    def test_only_the_team_records_violations(self):
        for user in (self.other_inspector, self.officer_ia_hrung):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                with mute_logger(*QUIET):
                    self.add_violation(self.inspection, user=user)
        self.assertFalse(self.inspection.violation_ids)
        self.add_violation(self.inspection, user=self.team_inspector)
        self.add_violation(self.inspection, user=self.programme_gia_lai)
        self.assertEqual(len(self.inspection.violation_ids), 2)

    def test_apply_and_close_by_the_right_roles(self):
        violation = self.add_violation(
            self.inspection,
            action="suspend",
            followup_deadline=fields.Date.today() + timedelta(days=30),
        )
        refused = (
            self.officer_ia_hrung,
            self.viewer_gia_lai,
            self.other_inspector,
            self.inspector_ha_noi,
            self.programme_ha_noi,
        )
        for user in refused:
            self.assertRefused(violation, user, "action_apply")
        self.assertFalse(violation.applied)
        self.assertEqual(self.usage.state, "active")
        violation.with_user(self.team_inspector).action_apply()
        self.assertTrue(violation.applied)
        self.assertTrue(violation.followup_activity_id)
        self.assertEqual(self.usage.state, "suspended")
        self.assertTrue(
            self.inspection.message_ids.filtered(
                lambda m: (
                    m.author_id == self.team_inspector.partner_id
                    and "Use of the OCOP mark suspended" in (m.body or "")
                )
            )
        )
        for user in refused:
            self.assertRefused(violation, user, "action_close")
        violation.with_user(self.lead_inspector).action_close()
        self.assertEqual(violation.state, "done")
        self.assertTrue(
            self.inspection.message_ids.filtered(
                lambda m: (
                    m.author_id == self.lead_inspector.partner_id
                    and "Violation remedied" in (m.body or "")
                )
            )
        )
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            violation.with_user(self.lead_inspector).followup_deadline = False

    def test_bad_inputs(self):
        violation = self.add_violation(self.inspection)
        as_lead = violation.with_user(self.lead_inspector)
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            as_lead.write({"fine_amount": -500_000})
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            as_lead.write({"action": "fine", "fine_amount": -500_000})
        with self.assertRaisesMessage(ValidationError, "cannot precede"):
            as_lead.followup_deadline = fields.Date.today() - timedelta(days=30)
        with self.assertRaisesMessage(ValidationError, "cannot precede"):
            self.add_violation(
                self.inspection,
                followup_deadline=fields.Date.today() - timedelta(days=30),
            )
        self.assertEqual(violation.action, "warning")
        self.assertFalse(violation.fine_amount)
        self.assertFalse(violation.followup_deadline)
        self.assertEqual(len(self.inspection.violation_ids), 1)


@tagged("post_install", "-at_install")
class TestMarkUsageWorkflow(WorkflowCase):
    def setUp(self):
        super().setUp()
        self.usage = self.Usage.with_user(self.programme_gia_lai).create(
            {"certificate_id": self.certificate.id, "medium": "premises"}
        )
        self.post_tracking()

    def test_state_and_reasons_not_written_directly(self):
        for user in (self.programme_gia_lai, self.lead_inspector):
            for vals in (
                {"state": "suspended"},
                {"suspension_reason": "x"},
                {"end_reason": "x"},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaisesMessage(UserError, "only through the workflow"),
                ):
                    self.usage.with_user(user).write(vals)
        with self.assertRaisesMessage(UserError, "set by the workflow"):
            self.Usage.with_user(self.programme_gia_lai).create(
                {
                    "certificate_id": self.certificate.id,
                    "medium": "vehicles",
                    "state": "ended",
                }
            )
        self.assertEqual(self.usage.state, "active")
        self.assertEqual(len(self.certificate.mark_usage_ids), 1)

    def test_actions_refuse_the_wrong_roles(self):
        refused = (
            self.officer_ia_hrung,
            self.viewer_gia_lai,
            self.council_member,
            self.inspector_ha_noi,  # reads every use, acts in its province
            self.programme_ha_noi,
        )
        self.assertEqual(self.usage.with_user(self.inspector_ha_noi).state, "active")
        for user in refused:
            self.assertRefused(self.usage, user, "action_suspend", "Sai mẫu nhãn")
        with self.assertRaisesMessage(AccessError, "outside your territory"):
            self.usage.with_user(self.inspector_ha_noi).action_suspend("Sai mẫu")
        self.usage.sudo().write({"state": "suspended"})
        for user in refused:
            self.assertRefused(self.usage, user, "action_restore")
        # ending is the programme office's
        for user in (*refused, self.lead_inspector):
            self.assertRefused(self.usage, user, "action_end")
        self.assertFalse(self.usage.suspension_reason)
        self.assertFalse(self.usage.end_reason)

    def test_actions_by_the_right_roles(self):
        with self.assertRaisesMessage(UserError, "Give the reason"):
            self.usage.with_user(self.lead_inspector).action_suspend("  ")
        self.assertEqual(self.usage.state, "active")
        self.usage.with_user(self.lead_inspector).action_suspend("Sai mẫu nhãn")
        self.assertEqual(self.usage.state, "suspended")
        self.assertEqual(self.usage.suspension_reason, "Sai mẫu nhãn")
        self.assertIn(
            ("In Use", "Suspended"), self.state_changes(self.usage, self.lead_inspector)
        )
        self.assertTrue(
            self.usage.message_ids.filtered(
                lambda m: (
                    m.author_id == self.lead_inspector.partner_id
                    and "Sai mẫu nhãn" in (m.body or "")
                )
            )
        )
        self.usage.with_user(self.programme_gia_lai).action_restore()
        self.assertEqual(self.usage.state, "active")
        self.assertFalse(self.usage.suspension_reason)
        self.assertIn(
            ("Suspended", "In Use"),
            self.state_changes(self.usage, self.programme_gia_lai),
        )
        self.usage.with_user(self.programme_gia_lai).action_end("Chủ thể ngừng dùng")
        self.assertEqual(self.usage.state, "ended")
        self.assertEqual(self.usage.end_reason, "Chủ thể ngừng dùng")
        self.assertEqual(self.usage.date_end, fields.Date.today())
        self.assertIn(
            ("In Use", "Ended"), self.state_changes(self.usage, self.programme_gia_lai)
        )
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            self.usage.with_user(self.programme_gia_lai).description = "Bao bì mới"
        with self.assertRaises(UserError):
            self.usage.with_user(self.programme_gia_lai).action_restore()

    def test_the_team_inspecting_the_certificate(self):
        """An inspector of another province suspends the uses of the
        certificate their team is inspecting, not the others."""
        self.assertRefused(self.usage, self.inspector_ha_noi, "action_suspend", "x")
        inspection = self.make_inspection(
            inspector_ids=[Command.set(self.inspector_ha_noi.ids)]
        )
        self.assertRefused(self.usage, self.inspector_ha_noi, "action_suspend", "x")
        inspection.action_start()
        self.usage.with_user(self.inspector_ha_noi).action_suspend("Sai mẫu nhãn")
        self.assertEqual(self.usage.state, "suspended")

    def test_ended_by_the_certificate(self):
        """A use planned to start later ends the day it starts when the
        certificate is revoked."""
        later = self.Usage.create(
            {
                "certificate_id": self.certificate.id,
                "medium": "advertising",
                "date_start": fields.Date.today() + timedelta(days=10),
            }
        )
        self.certificate.with_user(self.programme_gia_lai).action_revoke(
            "mark_misuse", "9/QĐ-UBND", fields.Date.today(), "Chủ tịch UBND tỉnh"
        )
        self.assertEqual((self.usage | later).mapped("state"), ["ended", "ended"])
        self.assertEqual(later.date_end, later.date_start)
        self.assertIn("9/QĐ-UBND", later.end_reason)

    def test_bad_inputs(self):
        as_officer = self.usage.with_user(self.programme_gia_lai)
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            as_officer.write({"date_end": self.usage.date_start - timedelta(days=1)})
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            self.Usage.with_user(self.programme_gia_lai).create(
                {
                    "certificate_id": self.certificate.id,
                    "medium": "vehicles",
                    "date_start": fields.Date.today(),
                    "date_end": fields.Date.today() - timedelta(days=1),
                }
            )
        self.assertEqual(self.usage.date_end, self.certificate.valid_until)
        self.assertEqual(len(self.certificate.mark_usage_ids), 1)


@tagged("post_install", "-at_install")
class TestCertificationInputs(WorkflowCase):
    """Points within 0..the criterion's maximum, spreads, quorums and
    durations in range: refused with nothing written."""

    def test_criterion_points(self):
        cset = self._make_set(self.fw26, "TEST-WF")
        criterion = cset.criterion_ids.filtered(lambda c: c.code == "1.1")
        self.assertEqual(criterion.max_points, 40)
        Option = self.env["ocop.criterion.option"].with_user(self.ocop_manager)
        count = len(criterion.option_ids)
        for points, message in ((-5, "negative"), (41, "maximum")):
            with (
                self.subTest(points=points),
                self.assertRaisesMessage(ValidationError, message),
            ):
                Option.create(
                    {"criterion_id": criterion.id, "name": "x", "points": points}
                )
        option = criterion.option_ids.filtered(lambda o: o.points == 40)
        with self.assertRaisesMessage(ValidationError, "maximum"):
            option.with_user(self.ocop_manager).points = 40.5
        with self.assertRaisesMessage(ValidationError, "maximum"):
            criterion.with_user(self.ocop_manager).max_points = 30
        with self.assertRaisesMessage(ValidationError, "negative"):
            criterion.with_user(self.ocop_manager).max_points = -1
        self.assertEqual(len(criterion.option_ids), count)
        self.assertEqual(option.points, 40)
        self.assertEqual(criterion.max_points, 40)

    def test_council_spread_quorum_and_session_duration(self):
        council = self.council.with_user(self.ocop_manager)
        for vals, message in (
            ({"max_spread": -1}, "cannot be negative"),
            ({"quorum_ratio": 0}, "at most 1"),
            ({"quorum_ratio": -0.5}, "at most 1"),
            ({"quorum_ratio": 1.5}, "at most 1"),
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesMessage(ValidationError, message),
            ):
                council.write(vals)
        council.write({"quorum_ratio": 1.0})  # every member
        self.assertEqual(self.council.max_spread, 10.0)
        Session = self.env["ocop.council.session"].with_user(self.ocop_manager)
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            Session.create(
                {"name": "Phiên thử", "council_id": self.council.id, "duration": -1}
            )
        self.assertFalse(self.council.session_ids)


@tagged("post_install", "-at_install")
class TestLegacyCertificateImport(WorkflowCase):
    def wizard_values(self, **vals):
        return dict(
            {
                "product_id": self.product_bien_ho.id,
                "stars": "3",
                "name": "15/GCN-UBND",
                "issue_date": fields.Date.today() - timedelta(days=400),
                "framework_id": self.fw26.id,
                "issuing_level": "province",
                "decision_number": "15/QĐ-UBND",
                "decision_signer": "Nguyễn Văn B",
                "reason": "Cấp năm 2025, trước khi văn phòng dùng hệ thống",
            },
            **vals,
        )

    def test_a_manager_imports(self):
        Wizard = self.env["ocop.certificate.legacy.import"].with_user(self.ocop_manager)
        action = Wizard.create(self.wizard_values()).action_import()
        certificate = self.env["ocop.certificate"].browse(action["res_id"])
        self.assertEqual(certificate.origin, "legacy")
        self.assertEqual(certificate.name, "15/GCN-UBND")
        self.assertEqual(certificate.stars, 3)
        self.assertEqual(certificate.state, "valid")
        self.assertFalse(certificate.dossier_id)
        self.assertEqual(certificate.decision_signer, "Nguyễn Văn B")
        self.assertEqual(self.product_bien_ho.current_certificate_id, certificate)
        message = certificate.message_ids.filtered(
            lambda m: "trước khi văn phòng dùng hệ thống" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.ocop_manager.partner_id)
        self.assertIn(
            certificate,
            self.env["ocop.certificate"].search([("origin", "=", "legacy")]),
        )

    def test_the_imports_that_do_not_hold(self):
        Wizard = self.env["ocop.certificate.legacy.import"].with_user(self.ocop_manager)
        before = self.env["ocop.certificate"].search_count([])
        for vals, message in (
            ({"issue_date": fields.Date.today() + timedelta(days=1)}, "future"),
            ({"name": self.certificate.name}, "already exists"),
            # an older certificate would supersede the one in force
            ({"product_id": self.product_ia_hrung.id}, "cannot replace it"),
        ):
            with self.subTest(vals=vals), self.assertRaisesMessage(UserError, message):
                Wizard.create(self.wizard_values(**vals)).action_import()
        with self.assertRaisesMessage(UserError, "reason"):
            self.env["ocop.certificate"].with_user(self.ocop_manager)._import_legacy(
                [{"product_id": self.product_bien_ho.id, "stars": 3}], "  "
            )
        self.assertEqual(self.env["ocop.certificate"].search_count([]), before)
        self.assertEqual(self.certificate.state, "valid")

    def test_only_a_manager_imports(self):
        officer = self.programme_gia_lai
        Certificate = self.env["ocop.certificate"]
        before = Certificate.search_count([])
        Wizard = self.env["ocop.certificate.legacy.import"]
        with self.assertRaises(AccessError), mute_logger(*QUIET):
            Wizard.with_user(officer).create(self.wizard_values())
        wizard = Wizard.create(self.wizard_values())
        with self.assertRaises(AccessError), mute_logger(*QUIET):
            wizard.with_user(officer).action_import()
        vals = {
            "product_id": self.product_bien_ho.id,
            "stars": 5,
            "issue_date": fields.Date.today(),
            "framework_id": self.fw26.id,
        }
        with self.assertRaisesMessage(AccessError, "OCOP manager"):
            Certificate.with_user(officer)._import_legacy([vals], "Nhập thử")
        with self.assertRaisesMessage(UserError, "created by their workflow only"):
            Certificate.with_user(officer).create(vals)
        with self.assertRaisesMessage(UserError, "created by their workflow only"):
            Certificate.with_user(officer).create({**vals, "origin": "legacy"})
        self.assertEqual(Certificate.search_count([]), before)
        self.assertFalse(self.product_bien_ho.current_certificate_id)
