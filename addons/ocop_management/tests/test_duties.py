# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import Counter
from datetime import date

import psycopg2
from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import OcopTestMixin

_logger = logging.getLogger(__name__)

RULE_LOGGER = "odoo.addons.base.models.ir_rule"


class ProgrammeOfficeMixin(OcopTestMixin):
    """Cycles, agencies and users of the programme office tests."""

    @classmethod
    def setup_programme_office_data(cls):
        cls.setup_ocop_data()
        Cycle = cls.env["ocop.cycle"]
        cls.cycle = Cycle.create(
            {
                "name": "Chu trình OCOP 2026 tỉnh Gia Lai",
                "year": 2026,
                "admin_unit_id": cls.gia_lai.id,
                "user_id": cls.programme_gia_lai.id,
            }
        )
        cls.cycle_ha_noi = Cycle.create(
            {
                "name": "Chu trình OCOP 2026 thành phố Hà Nội",
                "year": 2026,
                "admin_unit_id": cls.ha_noi.id,
                "user_id": cls.ocop_manager.id,
            }
        )
        cls.programme_ha_noi = cls._ocop_user(
            "programme_ha_noi",
            "ocop_management.group_ocop_programme_officer",
            cls.ha_noi,
        )
        cls.agriculture_gia_lai = cls._agency(
            "Sở Nông nghiệp và Môi trường tỉnh Gia Lai", "agriculture", cls.gia_lai
        )
        cls.committee_ia_hrung = cls._agency(
            "UBND xã Ia Hrung", "commune_committee", cls.ia_hrung
        )
        cls.committee_bien_ho = cls._agency(
            "UBND xã Biển Hồ", "commune_committee", cls.bien_ho
        )
        cls.agriculture_ha_noi = cls._agency(
            "Sở Nông nghiệp và Môi trường thành phố Hà Nội", "agriculture", cls.ha_noi
        )
        # The programme officer works for the Gia Lai agriculture department.
        cls.programme_gia_lai.partner_id.parent_id = cls.agriculture_gia_lai

    @classmethod
    def _agency(cls, name, role, unit):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "ocop_entity_type": "agency",
                "ocop_agency_role": role,
                "ocop_admin_unit_id": unit.id,
            }
        )

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def assertAccessDenied(self, func):
        with self.assertRaises(AccessError), mute_logger(RULE_LOGGER):
            func()

    # ------------------------------------------------------------------
    # Query counts of the list views
    # ------------------------------------------------------------------
    def _list_specification(self, model):
        """The specification the web client sends for the model's list view."""
        Model = self.env[model]
        arch = Model.get_views([(False, "list")])["views"]["list"]["arch"]
        spec = {}
        for node in etree.fromstring(arch).iter("field"):
            name = node.get("name")
            field = Model._fields[name]
            if field.type in ("many2one", "many2many", "one2many"):
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def _list_query_count(self, model, user, domain):
        """Queries of one web_search_read of the list view, caches warm. The
        page is large enough to hold every record (no extra count query)."""
        Model = self.env[model].with_user(user)
        spec = self._list_specification(model)
        self.env.flush_all()
        result = Model.web_search_read(domain, spec, limit=200, count_limit=10001)
        self.env.invalidate_all()
        count0 = self.cr.sql_log_count
        Model.web_search_read(domain, spec, limit=200, count_limit=10001)
        return self.cr.sql_log_count - count0, result["length"]

    def assertListQueriesConstant(self, model, user, domain, create_records):
        """Same number of queries for 10 and for 100 records."""
        create_records(10)
        small, length = self._list_query_count(model, user, domain)
        self.assertEqual(length, 10)
        create_records(90)
        large, length = self._list_query_count(model, user, domain)
        self.assertEqual(length, 100)
        _logger.info(
            "%s list view: %s queries for 10 records, %s for 100", model, small, large
        )
        self.assertEqual(
            small, large, f"{model}: {small} queries for 10, {large} for 100"
        )
        spec = self._list_specification(model)
        Model = self.env[model].with_user(user)
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            Model.web_search_read(domain, spec, limit=200, count_limit=10001)
        return small


@tagged("post_install", "-at_install")
class TestDutyPlan(ProgrammeOfficeMixin, TransactionCase):
    """The seed's own case: the Ia Grai district's 2021 instructions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_programme_office_data()
        cls.gia_lai_2021 = cls._unit("province", "64", historical=True)
        cls.ia_grai = cls._unit("district", "628", historical=True)
        cls.ia_sao = cls._unit("commune", "23767", historical=True)
        cls.ia_kha = cls._unit("commune", "23764", historical=True)
        cls.seed_cycle = cls.env["ocop.cycle"].create(
            {
                "name": "Chương trình OCOP năm 2021 huyện Ia Grai",
                "year": 2021,
                "admin_unit_id": cls.ia_grai.id,
                "user_id": cls.ocop_manager.id,
                "legal_framework": "QĐ 1048/QĐ-TTg",
            }
        )
        cls.agriculture_ia_grai = cls._agency(
            "Phòng Nông nghiệp và PTNT huyện Ia Grai", "agriculture", cls.ia_grai
        )
        cls.department_gia_lai_2021 = cls._agency(
            "Sở Nông nghiệp và PTNT tỉnh Gia Lai", "agriculture", cls.gia_lai_2021
        )
        cls.market_team = cls._agency(
            "Đội Quản lý thị trường số 2", "market_surveillance", cls.gia_lai_2021
        )
        cls.committee_ia_sao = cls._agency(
            "UBND xã Ia Sao", "commune_committee", cls.ia_sao
        )
        cls.committee_ia_kha = cls._agency(
            "UBND thị trấn Ia Kha", "commune_committee", cls.ia_kha
        )
        # A staff member of the district agriculture office with a user account.
        cls.agriculture_officer = cls._ocop_user(
            "agriculture_ia_grai",
            "ocop_management.group_ocop_programme_officer",
            cls.ia_grai,
        )
        cls.agriculture_officer.partner_id.parent_id = cls.agriculture_ia_grai
        cls.Template = cls.env["ocop.duty.template"]
        cls.templates = cls.Template.search([])

    def _duties(self, **where):
        duties = self.seed_cycle.duty_ids
        for field, value in where.items():
            duties = duties.filtered(lambda d, f=field, v=value: d[f] == v)
        return duties

    def test_templates_ship_every_duty_of_the_seed(self):
        self.assertEqual(len(self.templates), 64)
        sections = Counter(self.templates.mapped("section"))
        # Part I, agency by agency: as many duties as the letter's dashes.
        for section, count in {
            "I.1": 3,
            "I.2": 6,
            "I.3": 3,
            "I.4": 4,
            "I.5": 2,
            "I.6": 1,
            "I.7": 2,
            "I.8": 2,
        }.items():
            self.assertEqual(sections[section], count, section)
        # Part II: the six steps, the council, the mark and the reports; part III.
        for section, count in {
            "II.2.1": 5,
            "II.2.2": 5,
            "II.2.3": 6,
            "II.2.4": 6,
            "II.2.5": 10,
            "II.2.5.c": 2,
            "II.2.6": 2,
            "II.3": 4,
            "III": 1,
        }.items():
            self.assertEqual(sections[section], count, section)
        roles = Counter(self.templates.mapped("agency_role"))
        self.assertEqual(roles["agriculture"], 23)
        self.assertEqual(roles["commune_committee"], 12)
        self.assertEqual(roles["producer"], 6)
        report = self.env.ref("ocop_management.duty_template_ii3_monthly_report")
        self.assertEqual(report.recurrence, "periodic")
        self.assertIn("trước ngày 10 hằng tháng", report.description)
        funding = self.env.ref("ocop_management.duty_template_iii_funding")
        self.assertEqual(funding.agency_role, "people_committee")
        commend = self.env.ref("ocop_management.duty_template_i5_commendation")
        self.assertIn("tuyên dương", commend.description)
        rating = self.env.ref("ocop_management.duty_template_i1_ideas_rating")
        self.assertEqual((rating.deadline_month, rating.deadline_day), (8, 31))

    def test_generate_the_seed_duty_plan(self):
        self.seed_cycle.action_generate_duty_plan()
        duties = self.seed_cycle.duty_ids
        generated = self.templates.filtered(lambda t: t.agency_role != "producer")
        # Producers' duties are followed on plans and dossiers.
        self.assertFalse(duties.filtered(lambda d: d.agency_role == "producer"))
        # Every other template: one duty per owner, two communes.
        commune_templates = generated.filtered(
            lambda t: t.agency_role == "commune_committee"
        )
        self.assertEqual(len(duties), len(generated) + len(commune_templates))
        # The district office gets the agriculture duties, not the province's
        # department; its staff member gets the reminders.
        agriculture = self._duties(agency_role="agriculture")
        self.assertEqual(len(agriculture), 23)
        self.assertEqual(agriculture.agency_id, self.agriculture_ia_grai)
        self.assertEqual(agriculture.user_id, self.agriculture_officer)
        self.assertEqual(agriculture.admin_unit_id, self.ia_grai)
        # The market-surveillance team belongs to the province: the nearest
        # agency above the district takes the duty.
        market = self._duties(agency_role="market_surveillance")
        self.assertEqual(market.agency_id, self.market_team)
        # One duty per commune People's Committee, on the commune.
        survey = self.env.ref("ocop_management.duty_template_ii21_survey")
        surveys = self._duties(template_id=survey)
        self.assertEqual(
            surveys.agency_id, self.committee_ia_sao | self.committee_ia_kha
        )
        self.assertEqual(surveys.admin_unit_id, self.ia_sao | self.ia_kha)
        # No agency with the role: the duty waits for an owner, with the
        # cycle's responsible reminded.
        economy = self._duties(agency_role="economy_infrastructure")
        self.assertEqual(len(economy), 8)
        self.assertFalse(economy.agency_id)
        self.assertEqual(economy.user_id, self.ocop_manager)
        self.assertEqual(economy.admin_unit_id, self.ia_grai)
        self.assertEqual(economy[:1].agency_name, "Phòng Kinh tế và Hạ tầng huyện")

    def test_deadlines(self):
        self.seed_cycle.action_generate_duty_plan()
        rating = self.env.ref("ocop_management.duty_template_i1_ideas_rating")
        # "Hoàn thành trước tháng 9/2021".
        self.assertEqual(self._duties(template_id=rating).deadline, date(2021, 8, 31))
        # A step's duty is due on the cycle's step deadline.
        steps = {s.step: s.deadline for s in self.seed_cycle.step_ids}
        plans = self.env.ref("ocop_management.duty_template_ii23_district_selection")
        self.assertEqual(self._duties(template_id=plans).deadline, steps["3"])
        # A duty of the whole year: the end of the year.
        mark = self.env.ref("ocop_management.duty_template_i1_mark")
        self.assertEqual(self._duties(template_id=mark).deadline, date(2021, 12, 31))
        # Monthly reports, before the 10th: the January report on 10 February.
        report = self.env.ref("ocop_management.duty_template_ii3_monthly_report")
        reports = self._duties(template_id=report)
        self.assertEqual(len(reports), 2)
        self.assertEqual(set(reports.mapped("period")), {1})
        self.assertEqual(set(reports.mapped("deadline")), {date(2021, 2, 10)})
        self.assertIn("1/2021", reports[0].name)
        # In the current year the first report still due comes first.
        cycle = self.seed_cycle
        self.assertEqual(report._periods(cycle, today=date(2022, 6, 15)), [1])
        cycle.year = 2022
        self.assertEqual(report._periods(cycle, today=date(2022, 6, 15)), [6])
        self.assertEqual(report._periods(cycle, today=date(2022, 6, 10)), [5])
        self.assertEqual(report._periods(cycle, today=date(2022, 12, 31)), [12])
        cycle.report_frequency = "quarterly"
        self.assertEqual(report._periods(cycle, today=date(2022, 6, 15)), [2])
        self.assertEqual(report._deadline(cycle, 4), date(2023, 1, 10))

    def test_activities_remind_the_responsible(self):
        self.seed_cycle.action_generate_duty_plan()
        activity_type = self.env.ref("ocop_management.mail_activity_type_ocop_duty")
        duties = self.seed_cycle.duty_ids
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "ocop.cycle.duty"), ("res_id", "in", duties.ids)]
        )
        self.assertEqual(len(activities), len(duties))
        self.assertEqual(activities.activity_type_id, activity_type)
        duty = self._duties(agency_role="agriculture")[0]
        self.assertEqual(duty.activity_ids.user_id, self.agriculture_officer)
        self.assertEqual(duty.activity_ids.date_deadline, duty.deadline)
        # Deadline and responsible moved: the same activity follows.
        duty.write({"deadline": date(2021, 7, 15), "user_id": self.ocop_manager.id})
        self.assertEqual(len(duty.activity_ids), 1)
        self.assertEqual(duty.activity_ids.date_deadline, date(2021, 7, 15))
        self.assertEqual(duty.activity_ids.user_id, self.ocop_manager)
        # Done: the activity is marked done; cancelled: it is dropped.
        duty.evidence_note = "Công văn số 123/NN ngày 1/7/2021"
        duty.action_done()
        self.assertFalse(duty.activity_ids)
        self.assertTrue(
            duty.message_ids.filtered(
                lambda m: m.mail_activity_type_id == activity_type
            )
        )
        other = self._duties(agency_role="agriculture")[1]
        other.action_cancel()
        self.assertFalse(other.activity_ids)

    def test_generation_is_idempotent(self):
        self.seed_cycle.action_generate_duty_plan()
        first = self.seed_cycle.duty_ids
        self.assertTrue(self.seed_cycle.duty_plan_date)
        result = self.seed_cycle.action_generate_duty_plan()
        self.assertEqual(self.seed_cycle.duty_ids, first)
        self.assertIn("0", result["params"]["message"])
        # A cancelled duty stays cancelled: it is not generated again.
        first[0].action_cancel()
        self.seed_cycle.action_generate_duty_plan()
        self.assertEqual(self.seed_cycle.duty_ids, first)
        # An agency registered since takes over the duties without an owner,
        # without new duties.
        economy_office = self._agency(
            "Phòng Kinh tế và Hạ tầng huyện Ia Grai",
            "economy_infrastructure",
            self.ia_grai,
        )
        self.seed_cycle.action_generate_duty_plan()
        self.assertEqual(self.seed_cycle.duty_ids, first)
        economy = self._duties(agency_role="economy_infrastructure")
        self.assertEqual(economy.agency_id, economy_office)
        # A new commune committee gets its own duties.
        committee = self._agency(
            "UBND xã Ia Yok",
            "commune_committee",
            self._unit("commune", "23768", historical=True),
        )
        self.seed_cycle.action_generate_duty_plan()
        new = self.seed_cycle.duty_ids - first
        self.assertEqual(new.agency_id, committee)
        self.assertEqual(len(new), 12)
        # The database refuses a duplicate too.
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                new[0].copy({"state": "todo"})

    def test_periodic_report_done_opens_the_next_period(self):
        self.seed_cycle.action_generate_duty_plan()
        report = self.env.ref("ocop_management.duty_template_ii3_monthly_report")
        january = self._duties(template_id=report, agency_id=self.committee_ia_sao)
        january.evidence_note = "Báo cáo số 5/BC-UBND"
        january.action_done()
        february = (
            self._duties(template_id=report, agency_id=self.committee_ia_sao) - january
        )
        self.assertEqual(february.period, 2)
        self.assertEqual(february.deadline, date(2021, 3, 10))
        self.assertEqual(february.state, "todo")
        self.assertEqual(february.user_id, january.user_id)
        # Generated again in June: the reports go on from February, no
        # second series starts.
        with freeze_time("2021-06-15"):
            report_duties = self._duties(template_id=report)
            self.seed_cycle.action_generate_duty_plan()
            self.assertEqual(self._duties(template_id=report), report_duties)

    def test_transitions_and_evidence(self):
        self.seed_cycle.action_generate_duty_plan()
        duty = self._duties(agency_id=self.committee_ia_sao)[0]
        duty.action_start()
        self.assertEqual(duty.state, "in_progress")
        with self.assertRaisesMessage(UserError, "Starting is not possible"):
            duty.action_start()
        # No evidence, not done: nothing written.
        with self.assertRaisesMessage(UserError, "Record the evidence"):
            duty.action_done()
        self.assertEqual(duty.state, "in_progress")
        self.assertFalse(duty.date_done)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "bien-ban-khao-sat.pdf",
                "raw": b"%PDF-1.4",
                "res_model": duty._name,
                "res_id": duty.id,
            }
        )
        duty.evidence_attachment_ids = attachment
        duty.action_done()
        self.assertEqual(duty.state, "done")
        self.assertTrue(duty.date_done)
        with self.assertRaisesMessage(UserError, "Cancelling is not possible"):
            duty.action_cancel()
        self.assertEqual(duty.state, "done")
        # Only a programme officer reopens.
        commune_officer = self._ocop_user(
            "officer_ia_sao", "ocop_management.group_ocop_commune_officer", self.ia_sao
        )
        with self.assertRaisesMessage(UserError, "Only a programme officer"):
            duty.with_user(commune_officer).action_reset()
        self.assertEqual(duty.state, "done")
        duty.with_user(self.agriculture_officer).action_reset()
        self.assertEqual(duty.state, "todo")
        self.assertEqual(len(duty.activity_ids), 1)
        # State changes are tracked.
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertTrue(
            duty.sudo().message_ids.tracking_value_ids.filtered(
                lambda v: v.field_id.name == "state"
            )
        )

    def test_closed_cycle_and_invalid_template(self):
        self.seed_cycle.write({"state": "closed"})
        with self.assertRaisesMessage(UserError, "is closed"):
            self.seed_cycle.action_generate_duty_plan()
        self.assertFalse(self.seed_cycle.duty_ids)
        with self.assertRaisesMessage(ValidationError, "not a valid deadline"):
            self.Template.create(
                {
                    "name": "Bad",
                    "agency_role": "agriculture",
                    "deadline_month": 2,
                    "deadline_day": 29,
                }
            )


@tagged("post_install", "-at_install")
class TestDutyAccess(ProgrammeOfficeMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_programme_office_data()
        cls.cycle.with_user(cls.programme_gia_lai).action_generate_duty_plan()
        cls.cycle_ha_noi.action_generate_duty_plan()
        Duty = cls.env["ocop.cycle.duty"]
        cls.duties = cls.cycle.duty_ids
        cls.province_duties = cls.duties.filtered(
            lambda d: d.admin_unit_id == cls.gia_lai
        )
        cls.ia_hrung_duties = cls.duties.filtered(
            lambda d: d.agency_id == cls.committee_ia_hrung
        )
        cls.bien_ho_duties = cls.duties.filtered(
            lambda d: d.agency_id == cls.committee_bien_ho
        )
        cls.ha_noi_duties = cls.cycle_ha_noi.duty_ids
        cls.all_duties = Duty.search(
            [("cycle_id", "in", (cls.cycle | cls.cycle_ha_noi).ids)]
        )

    def test_setup(self):
        self.assertTrue(self.province_duties)
        self.assertTrue(self.ia_hrung_duties)
        self.assertTrue(self.bien_ho_duties)
        self.assertTrue(self.ha_noi_duties)
        self.assertEqual(
            self.duties,
            self.province_duties | self.ia_hrung_duties | self.bien_ho_duties,
        )
        # A commune officer of the commune gets the commune's reminders.
        self.assertEqual(self.ia_hrung_duties.user_id, self.officer_ia_hrung)
        self.assertEqual(
            self.province_duties.filtered("agency_id").user_id, self.programme_gia_lai
        )

    def test_viewer_reads_the_province_and_writes_nothing(self):
        viewer = self.viewer_gia_lai
        self.assertEqual(self._visible(viewer, self.all_duties), self.duties)
        duty = self.ia_hrung_duties[0]
        self.assertAccessDenied(
            lambda: duty.with_user(viewer).write({"evidence_note": "x"})
        )
        self.assertAccessDenied(
            lambda: self.ha_noi_duties[0].with_user(viewer).read(["name"])
        )

    def test_commune_officer(self):
        officer = self.officer_ia_hrung
        # Reads the province's duties and the commune's, not another commune's.
        self.assertEqual(
            self._visible(officer, self.all_duties),
            self.province_duties | self.ia_hrung_duties,
        )
        self.assertAccessDenied(
            lambda: self.bien_ho_duties[0].with_user(officer).read(["name"])
        )
        # Carries out the commune's duties.
        duty = self.ia_hrung_duties[0].with_user(officer)
        duty.action_start()
        duty.write({"evidence_note": "Đã tổ chức 3 buổi tuyên truyền"})
        duty.action_done()
        self.assertEqual(duty.state, "done")
        # Cannot change the province's duties, create or delete duties.
        self.assertAccessDenied(
            lambda: (
                self.province_duties[0].with_user(officer).write({"evidence_note": "x"})
            )
        )
        self.assertAccessDenied(
            lambda: (
                self.env["ocop.cycle.duty"]
                .with_user(officer)
                .create(
                    {
                        "name": "Việc mới",
                        "cycle_id": self.cycle.id,
                        "agency_id": self.committee_ia_hrung.id,
                        "deadline": date(2026, 12, 1),
                    }
                )
            )
        )
        self.assertAccessDenied(
            lambda: self.ia_hrung_duties[1].with_user(officer).unlink()
        )
        # Cannot generate a plan.
        self.assertAccessDenied(
            lambda: self.cycle.with_user(officer).action_generate_duty_plan()
        )

    def test_programme_officer(self):
        officer = self.programme_gia_lai
        self.assertEqual(self._visible(officer, self.all_duties), self.duties)
        Duty = self.env["ocop.cycle.duty"].with_user(officer)
        duty = Duty.create(
            {
                "name": "Tổ chức hội chợ OCOP Xuân",
                "cycle_id": self.cycle.id,
                "agency_id": self.committee_bien_ho.id,
                "step": "6",
                "deadline": date(2026, 12, 20),
            }
        )
        self.assertEqual(duty.admin_unit_id, self.bien_ho)
        self.bien_ho_duties[0].with_user(officer).write({"user_id": officer.id})
        duty.unlink()
        # Not in Hà Nội.
        self.assertAccessDenied(
            lambda: self.ha_noi_duties[0].with_user(officer).read(["name"])
        )
        self.assertAccessDenied(
            lambda: Duty.create(
                {
                    "name": "Ngoài địa bàn",
                    "cycle_id": self.cycle_ha_noi.id,
                    "deadline": date(2026, 12, 20),
                }
            )
        )
        self.assertAccessDenied(
            lambda: self.cycle_ha_noi.with_user(officer).action_generate_duty_plan()
        )

    def test_responsible_outside_territory_reads_and_updates(self):
        duty = self.bien_ho_duties[0]
        duty.user_id = self.officer_ia_hrung
        duty.with_user(self.officer_ia_hrung).write({"evidence_note": "Đã phối hợp"})
        self.assertEqual(duty.evidence_note, "Đã phối hợp")

    def test_manager_sees_everything(self):
        manager = self.ocop_manager
        self.assertEqual(self._visible(manager, self.all_duties), self.all_duties)
        self.ha_noi_duties[0].with_user(manager).write({"evidence_note": "ok"})

    def test_templates_are_configured_by_managers(self):
        template = self.env.ref("ocop_management.duty_template_i1_plan")
        template.with_user(self.viewer_gia_lai).read(["name"])
        with self.assertRaises(AccessError):
            template.with_user(self.programme_gia_lai).write({"name": "x"})
        template.with_user(self.ocop_manager).write(
            {"deadline_month": 3, "deadline_day": 31}
        )

    def test_list_view_query_count_is_constant(self):
        agencies = [
            self.committee_ia_hrung,
            self.committee_bien_ho,
            self.agriculture_gia_lai,
        ]
        users = [self.officer_ia_hrung, self.officer_bien_ho, self.programme_gia_lai]
        cycle = self.env["ocop.cycle"].create(
            {"name": "Chu trình 2027", "year": 2027, "admin_unit_id": self.gia_lai.id}
        )

        def create_records(count):
            start = len(cycle.duty_ids)
            self.env["ocop.cycle.duty"].with_context(
                mail_create_nolog=True, mail_activity_quick_update=True
            ).create(
                [
                    {
                        "name": f"Nhiệm vụ {start + i}",
                        "cycle_id": cycle.id,
                        "agency_id": agencies[i % 3].id,
                        "user_id": users[i % 3].id,
                        "step": str(i % 6 + 1),
                        "deadline": date(2027, i % 12 + 1, 1),
                    }
                    for i in range(count)
                ]
            )

        queries = self.assertListQueriesConstant(
            "ocop.cycle.duty",
            self.programme_gia_lai,
            [("cycle_id", "=", cycle.id)],
            create_records,
        )
        self.assertLess(queries, 15)
