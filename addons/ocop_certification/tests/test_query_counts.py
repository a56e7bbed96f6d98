# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase, tagged

from .common import OcopCertificationMixin


@tagged("post_install", "-at_install")
class TestScoringQueryCounts(OcopCertificationMixin, TransactionCase):
    """Submitting a sheet and computing a dossier's result take the same number
    of queries whatever the number of criteria and members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()
        # A larger set: the test set plus 40 more leaf criteria (0 points, so
        # the sums stay as they are).
        cls.big_set = cls._make_set(cls.fw26, "TEST-BIG")
        section = cls.big_set.criterion_ids.filtered(lambda c: c.code == "1")
        cls.env["ocop.criterion"].create(
            [
                {
                    "set_id": cls.big_set.id,
                    "parent_id": section.id,
                    "level": "criterion",
                    "code": f"1.{n}",
                    "name": f"Tiêu chí phụ {n}",
                    "max_points": 0,
                    "sequence": 100 + n,
                    "option_ids": [
                        Command.create({"name": "Có", "points": 0, "min_star": 3}),
                    ],
                }
                for n in range(2, 42)
            ]
        )
        cls.small_council = cls._make_council(
            "province", cls.fw26, cls.gia_lai, cls.members[:3], name="Nhỏ"
        )

    def _prepared(self, council, criteria_set):
        dossier = self.make_dossier(criteria_set=criteria_set)
        session = self.make_session(dossier, council=council)
        sheets = session.evaluation_ids.sorted("id")
        points = dict.fromkeys(criteria_set._leaf_criteria().mapped("code"), 0)
        points.update(self.points_for(75))
        for sheet in sheets[1:]:
            self.fill(sheet, points)
        self.fill(sheets[0], points, submit=False)
        self.env.flush_all()
        self.env.invalidate_all()
        return dossier, sheets[0]

    def _count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_result_and_submission_queries_do_not_grow(self):
        warm_dossier, warm_sheet = self._prepared(self.small_council, self.test_set)
        small_dossier, small_sheet = self._prepared(self.small_council, self.test_set)
        big_dossier, big_sheet = self._prepared(self.council, self.big_set)
        # Warm the per-user caches (access rights, record rules) first.
        warm_sheet.with_user(warm_sheet.user_id).action_submit()
        warm_dossier._compute_council_result()
        self.assertEqual(len(big_sheet.line_ids), 45)
        self.assertEqual(len(big_dossier.evaluation_ids), 7)

        small = self._count(small_dossier._compute_council_result)
        big = self._count(big_dossier._compute_council_result)
        self.assertEqual(small, big)
        with self.assertQueryCount(small):
            self.env.invalidate_all()
            big_dossier._compute_council_result()
            self.env.flush_all()

        small_submit = self._count(
            small_sheet.with_user(small_sheet.user_id).action_submit
        )
        big_submit = self._count(big_sheet.with_user(big_sheet.user_id).action_submit)
        self.assertEqual(small_submit, big_submit)
        self.assertEqual(big_dossier.average_total, 75)
        self.assertEqual(big_dossier.result_stars, 4)
