# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from .test_cycle import OcopCycleMixin

LIST_SPECS = {
    "ocop.product.idea": {
        "reference": {},
        "name": {},
        "producer_id": {"fields": {"display_name": {}}},
        "commune_id": {"fields": {"display_name": {}}},
        "product_group_id": {"fields": {"display_name": {}}},
        "ocop_product_id": {"fields": {"display_name": {}}},
        "state": {},
    },
    "ocop.business.plan": {
        "name": {},
        "producer_id": {"fields": {"display_name": {}}},
        "product_id": {"fields": {"display_name": {}}},
        "commune_id": {"fields": {"display_name": {}}},
        "investment_total": {},
        "score_total": {},
        "progress": {},
        "state": {},
    },
    "ocop.support": {
        "name": {},
        "support_type": {},
        "producer_id": {"fields": {"display_name": {}}},
        "agency_id": {"fields": {"display_name": {}}},
        "amount": {},
        "disbursed_amount": {},
        "state": {},
    },
    "ocop.potential.product": {
        "name": {},
        "commune_id": {"fields": {"display_name": {}}},
        "product_group_id": {"fields": {"display_name": {}}},
        "score": {},
        "recommendation": {},
    },
}


@tagged("post_install", "-at_install")
class TestCycleQueryCounts(OcopCycleMixin, TransactionCase):
    """The list views and the bulk wizards cost the same number of queries for
    10 and for 100 records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_cycle_data()

    def _make(self, count, tag):
        ideas = self.env["ocop.product.idea"].create(
            [
                {
                    "name": f"{tag} ý tưởng {n}",
                    "cycle_id": self.cycle.id,
                    "producer_id": self.producer_ia_hrung.id,
                    "product_group_id": self.product_set_coffee.id,
                    "description": "Mô tả",
                }
                for n in range(count)
            ]
        )
        self.env["ocop.potential.product"].create(
            [
                {
                    "name": f"{tag} tiềm năng {n}",
                    "cycle_id": self.cycle.id,
                    "commune_id": self.ia_hrung.id,
                    "product_group_id": self.product_set_coffee.id,
                }
                for n in range(count)
            ]
        )
        return ideas

    def _count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def _list(self, model, tag, user):
        domain = [("name", "ilike", tag)]
        return lambda: (
            self.env[model]
            .with_user(user)
            .web_search_read(domain, LIST_SPECS[model], limit=200)
        )

    def test_lists_and_wizards(self):
        small = self._make(10, "NHO")
        large = self._make(100, "LON")
        for ideas in (small, large):
            ideas.action_submit()
            ideas.action_review()
        officer = self.programme_gia_lai
        for model in ("ocop.product.idea", "ocop.potential.product"):
            self._list(model, "NHO", officer)()  # warm the per-user caches
            n_small = self._count(self._list(model, "NHO", officer))
            n_large = self._count(self._list(model, "LON", officer))
            self.assertEqual(n_small, n_large, model)
            with self.assertQueryCount(n_small):
                self.env.invalidate_all()
                self._list(model, "LON", officer)()

        def decide(ideas, decision):
            return lambda: (
                self.env["ocop.product.idea.decision"]
                .with_user(officer)
                .create(
                    {
                        "idea_ids": [(6, 0, ideas.ids)],
                        "decision": decision,
                        "reason": "Không phù hợp",
                    }
                )
                .action_confirm()
            )

        for tag in ("AM1", "AM2"):
            warm = self._make(3, tag)
            warm.action_submit()
            warm.action_review()
            self._count(decide(warm, "reject"))  # warm-up, measured the same way
        n_small = self._count(decide(small, "reject"))
        n_large = self._count(decide(large, "reject"))
        self.assertEqual(n_small, n_large)
        self.assertEqual(set(large.mapped("state")), {"rejected"})
        # The producers are told by the background job, in one batch.
        self.assertEqual(len(self.env["ocop.product.idea"]._cron_notify_results()), 116)
        self.assertIn("not selected", large[0].message_ids[0].body)
