# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The criteria sets shipped with the module, read back from the database."""

from odoo.tests import TransactionCase, tagged
from odoo.tools.float_utils import float_compare

# Counted by data/converters/criteria_sets.py; 787 leaf criteria and 2,535
# printed options are the figures of QĐ 26/2026; 22 criteria printed with points
# but no options get two generated options each ("Không"/"Có").
QD26_SETS = 26
QD26_LEAVES = 787
QD26_PRINTED_OPTIONS = 2535
QD26_GENERATED_OPTIONS = 2 * 22


@tagged("post_install", "-at_install")
class TestCriteriaSets(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Set = cls.env["ocop.criteria.set"]
        cls.framework_26 = cls.env.ref("ocop_certification.framework_qd26_2026")
        cls.qd26_sets = cls.env["ocop.criteria.set"].search(
            [("code", "=like", "QD26-%")]
        )
        cls.set_01 = cls.env.ref("ocop_certification.criteria_set_qd26_01")
        cls.set_26 = cls.env.ref("ocop_certification.criteria_set_qd26_26")
        cls.sample = cls.env.ref("ocop_certification.criteria_set_qd1048_sample")

    def _node(self, cset, code):
        node = cset.criterion_ids.filtered(lambda c: c.code == code)
        self.assertEqual(len(node), 1, f"{cset.code} has no single node {code}")
        return node

    def test_all_26_sets_loaded(self):
        self.assertEqual(len(self.qd26_sets), QD26_SETS)
        self.assertEqual(sorted(self.qd26_sets.mapped("set_no")), list(range(1, 27)))
        for cset in self.qd26_sets:
            self.assertEqual(cset.framework_id, self.framework_26)
            self.assertEqual(cset.product_group_id.level, "set")
            self.assertEqual(cset.product_group_id.set_no, cset.set_no)
            self.assertEqual(cset.code, "QD26-%02d" % cset.set_no)

    def test_parts_sum_to_40_25_35(self):
        for cset in self.qd26_sets:
            parts = cset.criterion_ids.filtered(lambda c: c.level == "part")
            self.assertEqual(
                {p.code: p.max_points for p in parts},
                {"A": 40.0, "B": 25.0, "C": 35.0},
                cset.code,
            )
            self.assertEqual(
                (cset.points_a, cset.points_b, cset.points_c, cset.points_total),
                (40.0, 25.0, 35.0, 100.0),
                cset.code,
            )

    def test_every_node_is_the_sum_of_its_children(self):
        nodes = self.qd26_sets.criterion_ids | self.sample.criterion_ids
        with_children = nodes.filtered("child_ids")
        self.assertTrue(with_children)
        for node in with_children:
            self.assertFalse(node.option_ids, node.display_name)
            self.assertEqual(
                float_compare(
                    sum(node.child_ids.mapped("max_points")), node.max_points, 2
                ),
                0,
                f"{node.set_id.code} {node.display_name}",
            )

    def test_every_leaf_is_its_best_option(self):
        nodes = self.qd26_sets.criterion_ids | self.sample.criterion_ids
        for node in nodes.filtered(lambda n: not n.child_ids):
            self.assertTrue(node.is_leaf, f"{node.set_id.code} {node.display_name}")
            self.assertEqual(
                float_compare(
                    max(node.option_ids.mapped("points")), node.max_points, 2
                ),
                0,
                f"{node.set_id.code} {node.display_name}",
            )

    def test_consistency_check_passes_then_fails_on_corruption(self):
        self.assertEqual((self.qd26_sets | self.sample)._consistency_errors(), [])
        self.Set._check_all_sets()  # does not raise
        option = self.env.ref("ocop_certification.opt_qd26_01_A_1_1_o3")
        self.assertEqual(option.points, 3.0)
        # above the criterion's maximum is refused at once; below it, the set
        # no longer adds up
        option.points = 2.0
        errors = self.set_01._consistency_errors()
        self.assertTrue(errors)
        self.assertIn("QD26-01", errors[0])
        # The other sets are untouched.
        self.assertEqual((self.qd26_sets - self.set_01)._consistency_errors(), [])

    def test_consistency_check_sees_a_wrong_part_total(self):
        part = self._node(self.set_01, "A")
        part.max_points = 39
        errors = self.set_01._consistency_errors()
        self.assertTrue(any("part A" in error for error in errors), errors)

    def test_counts(self):
        leaves = self.qd26_sets.criterion_ids.filtered("is_leaf")
        self.assertEqual(len(leaves), QD26_LEAVES)
        self.assertEqual(sum(self.qd26_sets.mapped("leaf_count")), QD26_LEAVES)
        options = leaves.option_ids
        self.assertEqual(len(options), QD26_PRINTED_OPTIONS + QD26_GENERATED_OPTIONS)
        self.assertEqual(
            sum(self.qd26_sets.mapped("option_count")),
            QD26_PRINTED_OPTIONS + QD26_GENERATED_OPTIONS,
        )
        # Per set, as the decision describes them: 25-34 leaves, 84-107 options
        # printed (plus the generated ones).
        for cset in self.qd26_sets:
            self.assertTrue(25 <= cset.leaf_count <= 34, cset.code)
            self.assertTrue(84 <= cset.option_count <= 109, cset.code)

    def test_levels(self):
        levels = set(self.qd26_sets.criterion_ids.mapped("level"))
        self.assertEqual(levels, {"part", "section", "criterion", "sub"})
        sub = self._node(
            self.env.ref("ocop_certification.criteria_set_qd26_11"), "6.1.1"
        )
        self.assertEqual(sub.level, "sub")
        self.assertEqual(sub.parent_id.code, "6.1")
        self.assertEqual(sub.part_code, "C")
        # Document order: A before B before C, 1.1 before 1.2.
        ordered = self.set_01._leaf_criteria().mapped("code")
        self.assertLess(ordered.index("1.1"), ordered.index("1.2"))
        self.assertEqual(ordered[0], "1.1")

    def test_min_star_markers_set_1(self):
        markers = {
            (o.criterion_id.code, o.min_star)
            for o in self.set_01.criterion_ids.option_ids
            if o.min_star
        }
        self.assertIn(("1.3", 5), markers)
        self.assertIn(("1.5", 4), markers)
        self.assertIn(("1.5", 5), markers)
        self.assertIn(("2.2", 3), markers)
        self.assertEqual({stars for _code, stars in markers}, {3, 4, 5})
        self.assertTrue(self._node(self.set_01, "1.3").has_min_star)
        self.assertIn("Dấu sao", self.set_01.star_marker_note)

    def test_set_26_case_labels(self):
        cased = self.set_26.criterion_ids.option_ids.filtered("case_label")
        self.assertEqual(len(cased), 12)
        self.assertEqual(set(cased.criterion_id.mapped("code")), {"8", "9", "15"})
        labels = set(cased.mapped("case_label"))
        self.assertTrue(all(label.startswith("Trường hợp") for label in labels))
        # Only set 26 of QĐ 26/2026 has cases.
        others = (self.qd26_sets - self.set_26).criterion_ids.option_ids
        self.assertFalse(others.filtered("case_label"))

    def test_knockout_rules(self):
        with_rule = self.qd26_sets.criterion_ids.filtered("knockout_rule")
        self.assertTrue(with_rule)
        texts = with_rule.mapped("knockout_rule")
        self.assertTrue(
            any("Bị loại nếu sử dụng toàn bộ nguyên liệu" in t for t in texts)
        )
        self.assertTrue(any("giống hệt sản phẩm" in t for t in texts))
        self.assertTrue(any("không đánh giá các bước tiếp theo" in t for t in texts))
        # Set 11, criterion 6.1.1: the impurity stop rule.
        sub = self._node(
            self.env.ref("ocop_certification.criteria_set_qd26_11"), "6.1.1"
        )
        self.assertIn("không đánh giá các bước tiếp theo", sub.knockout_rule)
        # Sets 21 and 22: the IP rule, split from the option it was merged into.
        for xml_id in ("criteria_set_qd26_21", "criteria_set_qd26_22"):
            node = self._node(self.env.ref(f"ocop_certification.{xml_id}"), "6.2")
            self.assertIn("sở hữu trí tuệ", node.knockout_rule)
            self.assertFalse(node.option_ids.filtered(lambda o: "Ghi chú" in o.name))
        # Every knock-out rule is also one of the node's notes.
        for node in with_rule:
            for line in node.knockout_rule.split("\n"):
                self.assertIn(line, node.notes.split("\n"))
        # The dossier rejection rule of the set.
        self.assertIn("Giả mạo hồ sơ", self.set_01.rejection_rule)

    def test_corrections(self):
        set_04 = self.env.ref("ocop_certification.criteria_set_qd26_04")
        self.assertEqual(
            self.env.ref("ocop_certification.opt_qd26_04_C_7_o3").points, 3
        )
        self.assertEqual(
            self.env.ref("ocop_certification.opt_qd26_04_A_1_2_o1").points, 0
        )
        self.assertEqual(
            self.env.ref("ocop_certification.opt_qd26_11_C_6_1_1_o2").points, 1
        )
        self.assertIn("13", set_04.source_note)
        # Criterion 2.4 (bilingual labelling, 1 point) got two options.
        bilingual = self._node(self.set_01, "2.4")
        self.assertEqual(
            [(o.name, o.points) for o in bilingual.option_ids],
            [("Không", 0.0), ("Có", 1.0)],
        )
        self.assertTrue(bilingual.scoring_note)
        self.assertIn("2.4", self.set_01.source_note)

    def test_qd1048_sample(self):
        self.assertEqual(
            self.sample.framework_id,
            self.env.ref("ocop_certification.framework_qd1048_2019"),
        )
        self.assertEqual(
            self.sample.product_group_id,
            self.env.ref("ocop_management.product_group_qd1048_set_vegetables"),
        )
        self.assertEqual(
            (
                self.sample.points_a,
                self.sample.points_b,
                self.sample.points_c,
                self.sample.points_total,
            ),
            (35.0, 25.0, 40.0, 100.0),
        )
        self.assertEqual(self.sample._consistency_errors(), [])
        mixed = self._node(self.sample, "3.2")
        self.assertEqual(
            len(set(mixed.option_ids.mapped("case_label"))), 2, "two answer scales"
        )
        self.assertIn("3.2", self.sample.source_note)
