# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.ocop_management.tests.common import OcopTestMixin


class OcopCertificationMixin(OcopTestMixin):
    """A council, sessions and a small criteria set whose numbers the tests
    control: every part is one criterion ticked in whole points, plus a marked
    criterion (minimum-star markers) and a criterion with a knock-out rule.

    Part A (40): A1.1 options 0..40
    Part B (25): B1.1 options 0..20, B1.2 options 0..5 with a knock-out rule
    Part C (35): C1.1 options 0..30, C1.2 options 0, 2 ***, 4 ****, 5 *****
    """

    @classmethod
    def _make_set(cls, framework, code, parts=(40, 25, 35), group=None):
        Set = cls.env["ocop.criteria.set"]
        Criterion = cls.env["ocop.criterion"]
        cset = Set.create(
            {
                "name": f"Test set {code}",
                "code": code,
                "framework_id": framework.id,
                "product_group_id": (group or cls.product_set_coffee).id,
                "rejection_rule": "Giả mạo hồ sơ hoặc không có giấy chứng nhận ATTP",
            }
        )
        a, b, c = parts
        sequence = iter(range(1, 1000))

        def node(parent, level, ncode, points, options=None, **extra):
            return Criterion.create(
                dict(
                    {
                        "set_id": cset.id,
                        "parent_id": parent.id if parent else False,
                        "level": level,
                        "code": ncode,
                        "name": f"Tiêu chí {ncode}",
                        "max_points": points,
                        "sequence": next(sequence),
                        "option_ids": [
                            Command.create(
                                {"name": f"{p} điểm", "points": p, "min_star": star}
                            )
                            for p, star in (options or [])
                        ],
                    },
                    **extra,
                )
            )

        def whole(maximum):
            return [(p, 0) for p in range(0, maximum + 1)]

        part_a = node(None, "part", "A", a)
        sec_a = node(part_a, "section", "1", a)
        node(sec_a, "criterion", "1.1", a, whole(a))
        part_b = node(None, "part", "B", b)
        sec_b = node(part_b, "section", "2", b)
        node(sec_b, "criterion", "2.1", b - 5, whole(b - 5))
        node(
            sec_b,
            "criterion",
            "2.2",
            5,
            whole(5),
            knockout_rule="Bị loại nếu sản phẩm sao chép của chủ thể khác",
        )
        part_c = node(None, "part", "C", c)
        sec_c = node(part_c, "section", "3", c)
        node(sec_c, "criterion", "3.1", c - 5, whole(c - 5))
        node(sec_c, "criterion", "3.2", 5, [(0, 0), (2, 3), (4, 4), (5, 5)])
        return cset

    @classmethod
    def setup_certification_data(cls):
        cls.setup_ocop_data()
        cls.fw26 = cls.env.ref("ocop_certification.framework_qd26_2026")
        cls.fw1048 = cls.env.ref("ocop_certification.framework_qd1048_2019")
        cls.test_set = cls._make_set(cls.fw26, "TEST-26")
        cls.members = cls.env["res.users"]
        for index in range(1, 8):
            cls.members |= new_test_user(
                cls.env,
                login=f"member{index}",
                password=f"member{index}pw",
                groups="base.group_user,ocop_management.group_ocop_council_member",
                name=f"Thành viên {index}",
            )
        cls.secretary = cls._ocop_user(
            "secretary_gia_lai",
            "ocop_management.group_ocop_programme_officer",
            cls.gia_lai,
        )
        cls.council = cls._make_council("province", cls.fw26, cls.gia_lai, cls.members)

    @classmethod
    def _make_council(cls, level, framework, unit, members, name=None):
        member_lines = [
            Command.create(
                {"user_id": user.id, "role": "chair" if i == 0 else "member"}
            )
            for i, user in enumerate(members)
        ]
        member_lines.append(
            Command.create({"user_id": cls.secretary.id, "role": "secretary"})
        )
        return cls.env["ocop.council"].create(
            {
                "name": name or f"Hội đồng {level}",
                "level": level,
                "framework_id": framework.id,
                "admin_unit_id": unit.id if unit else False,
                "member_ids": member_lines,
            }
        )

    def make_dossier(self, product=None, criteria_set=None, **vals):
        product = product or self.product_ia_hrung
        dossier = self.env["ocop.dossier"].create(
            dict(
                {
                    "product_id": product.id,
                    "date_filed": fields.Date.today(),
                },
                **vals,
            )
        )
        dossier.criteria_set_id = criteria_set or self.test_set
        # Skip the paperwork: the state machine before the council has its own tests.
        dossier.write({"state": "reviewed"})
        return dossier

    def make_session(self, dossiers, council=None, attendees=None):
        council = council or self.council
        session = self.env["ocop.council.session"].create(
            {
                "name": "Phiên họp thử",
                "council_id": council.id,
                "date_start": fields.Datetime.now(),
            }
        )
        dossiers.write({"session_id": session.id})
        scorers = council.member_ids.filtered("scores")
        session.attendee_ids = attendees or council.member_ids
        session.action_confirm()
        session.action_start_scoring()
        self.assertEqual(len(session.evaluation_ids), len(dossiers) * len(scorers))
        return session

    def fill(self, evaluation, points_by_code, knockouts=(), submit=True):
        """Tick, on a member's sheet, the option worth the given points for
        each criterion code, as that member."""
        sheet = evaluation.with_user(evaluation.user_id)
        for line in sheet.line_ids:
            points = points_by_code[line.criterion_id.code]
            option = line.criterion_id.option_ids.filtered(
                lambda o, p=points: o.points == p
            )
            self.assertEqual(len(option), 1, f"{line.criterion_id.code}: {points}")
            line.write(
                {
                    "option_id": option.id,
                    "knockout": line.criterion_id.code in knockouts,
                }
            )
        if submit:
            sheet.action_submit()
        return sheet

    @staticmethod
    def points_for(total, c2=4, b2=5, a_max=40, c1_max=30):
        """Split ``total`` over the five criteria of the test set, with the
        marked criterion 3.2 at ``c2`` points and 2.2 at ``b2``."""
        rest = total - c2 - b2
        a = min(a_max, rest)
        rest -= a
        c1 = min(c1_max, rest)
        rest -= c1
        b1 = rest
        assert 0 <= b1 <= 20, total
        return {"1.1": a, "2.1": b1, "2.2": b2, "3.1": c1, "3.2": c2}

    def score_all(self, session, dossier, totals, **kwargs):
        sheets = session.evaluation_ids.filtered(lambda e: e.dossier_id == dossier)
        self.assertEqual(len(sheets), len(totals))
        for sheet, total in zip(sheets.sorted("id"), totals, strict=True):
            self.fill(sheet, self.points_for(total, **kwargs))
        return sheets

    @classmethod
    def setup_inspection_roles(cls):
        """The people around an inspection: the team (a lead and an inspector
        of Gia Lai), an inspector of Gia Lai off the team, an inspector and a
        programme officer of Hà Nội; a council member. And a valid 4-star
        certificate of the Ia Hrung coffee (recorded as the server would,
        without a council: the council has its own tests)."""
        cls.lead_inspector = cls._ocop_user(
            "wf_lead_inspector", "ocop_management.group_ocop_inspector", cls.gia_lai
        )
        cls.team_inspector = cls._ocop_user(
            "wf_team_inspector", "ocop_management.group_ocop_inspector", cls.gia_lai
        )
        cls.other_inspector = cls._ocop_user(
            "wf_other_inspector", "ocop_management.group_ocop_inspector", cls.gia_lai
        )
        cls.inspector_ha_noi = cls._ocop_user(
            "wf_inspector_ha_noi", "ocop_management.group_ocop_inspector", cls.ha_noi
        )
        cls.programme_ha_noi = cls._ocop_user(
            "wf_programme_ha_noi",
            "ocop_management.group_ocop_programme_officer",
            cls.ha_noi,
        )
        cls.council_member = cls._ocop_user(
            "wf_council_member",
            "ocop_management.group_ocop_council_member",
            cls.gia_lai,
        )
        cls.certificate = cls.env["ocop.certificate"].create(
            {
                "product_id": cls.product_ia_hrung.id,
                "stars": 4,
                "framework_id": cls.env.ref(
                    "ocop_certification.framework_qd26_2026"
                ).id,
                "issuing_level": "province",
                "issue_date": fields.Date.today() - timedelta(days=60),
                "decision_number": "12/QĐ-UBND",
            }
        )
