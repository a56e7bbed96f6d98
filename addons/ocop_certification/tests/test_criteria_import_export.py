# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Export a criteria set to XLSX and import it back."""

import base64
import io
from unittest.mock import patch

from openpyxl import Workbook, load_workbook

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.ocop_certification.wizards.ocop_criteria_set_export import COLUMNS


@tagged("post_install", "-at_install")
class TestCriteriaImportExport(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Set = cls.env["ocop.criteria.set"]
        cls.Criterion = cls.env["ocop.criterion"]
        cls.Import = cls.env["ocop.criteria.set.import"]
        cls.set_01 = cls.env.ref("ocop_certification.criteria_set_qd26_01")
        cls.framework = cls.env.ref("ocop_certification.framework_qd26_2026")
        cls.product_set = cls.env.ref("ocop_management.product_group_qd26_set_01")
        cls.rows = cls._export_rows(cls.set_01)

    # ----------------------------------------------------------------- helpers

    @classmethod
    def _export(cls, criteria_set):
        wizard = (
            cls.env["ocop.criteria.set.export"]
            .with_context(active_model="ocop.criteria.set", active_id=criteria_set.id)
            .create({})
        )
        action = wizard.action_export_xlsx()
        return wizard, action

    @classmethod
    def _export_rows(cls, criteria_set):
        wizard, _action = cls._export(criteria_set)
        workbook = load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        return [list(row) for row in workbook.active.iter_rows(values_only=True)]

    @staticmethod
    def _xlsx(rows):
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return base64.b64encode(buffer.getvalue())

    def _import(self, rows, **values):
        defaults = {
            "file_data": self._xlsx(rows),
            "file_name": "test.xlsx",
            "mode": "new",
            "name": "Imported set",
            "code": "TEST-IMPORT",
            "framework_id": self.framework.id,
            "product_group_id": self.product_set.id,
        }
        defaults.update(values)
        return self.Import.create(defaults).action_import()

    def _tree(self, criteria_set):
        nodes = criteria_set.criterion_ids.sorted(lambda n: (n.sequence, n.id))
        return [
            (
                node.level,
                node.code,
                node.parent_id.code or False,
                node.name,
                node.max_points,
                node.notes or False,
                node.knockout_rule or False,
                [
                    (o.name, o.points, o.min_star, o.case_label or False)
                    for o in node.option_ids.sorted(lambda o: (o.sequence, o.id))
                ],
            )
            for node in nodes
        ]

    def _counts(self):
        return (
            self.Set.with_context(active_test=False).search_count([]),
            self.Criterion.search_count([]),
            self.env["ocop.criterion.option"].search_count([]),
        )

    def _assert_refused(self, rows, *fragments, **values):
        before = self._counts()
        with self.assertRaises(UserError) as caught:
            self._import(rows, **values)
        message = str(caught.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertEqual(self._counts(), before, "nothing may be half-imported")
        self.assertFalse(self.Set.search([("code", "=", "TEST-IMPORT")]))
        return message

    def _row_index(self, row_type, code=None, parent_code=None):
        """Position in self.rows (0 = header) of the first matching row."""
        for index, row in enumerate(self.rows):
            if row[0] != row_type:
                continue
            if code is not None and row[1] != code:
                continue
            if parent_code is not None and row[2] != parent_code:
                continue
            return index
        raise AssertionError(f"no {row_type} row {code or parent_code}")

    def _rows_copy(self):
        return [list(row) for row in self.rows]

    # ------------------------------------------------------------------- tests

    def test_export_layout(self):
        wizard, action = self._export(self.set_01)
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.file_name, "QD26-01.xlsx")
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual(self.rows[0], list(COLUMNS))
        body = self.rows[1:]
        nodes = [row for row in body if row[0] != "option"]
        options = [row for row in body if row[0] == "option"]
        self.assertEqual(len(nodes), len(self.set_01.criterion_ids))
        self.assertEqual(len(options), self.set_01.option_count)
        self.assertEqual(body[0][:2], ["part", "A"])
        self.assertIn(body[0][2], (None, ""))
        self.assertEqual(body[0][4], 40)
        # Each option follows its criterion.
        first_option = self._row_index("option")
        self.assertEqual(self.rows[first_option][2], self.rows[first_option - 1][1])
        # Minimum-star markers are exported.
        self.assertIn(5, [row[5] for row in options])

    def test_export_refuses_several_sets(self):
        set_02 = self.env.ref("ocop_certification.criteria_set_qd26_02")
        with self.assertRaises(UserError):
            self.env["ocop.criteria.set.export"].with_context(
                active_model="ocop.criteria.set",
                active_ids=[self.set_01.id, set_02.id],
            ).create({})

    def test_round_trip_as_new_set(self):
        action = self._import(self.rows)
        new_set = self.Set.browse(action["res_id"])
        self.assertEqual(new_set.code, "TEST-IMPORT")
        self.assertEqual(new_set.name, "Imported set")
        self.assertEqual(new_set.framework_id, self.framework)
        self.assertEqual(new_set.product_group_id, self.product_set)
        self.assertNotEqual(new_set, self.set_01)
        self.assertEqual(self._tree(new_set), self._tree(self.set_01))
        self.assertEqual(
            (new_set.points_a, new_set.points_b, new_set.points_c),
            (40.0, 25.0, 35.0),
        )
        self.assertEqual(new_set.leaf_count, self.set_01.leaf_count)
        self.assertEqual(new_set.option_count, self.set_01.option_count)
        self.assertEqual(new_set._consistency_errors(), [])

    def test_replace_an_unused_set(self):
        action = self._import(self.rows)
        target = self.Set.browse(action["res_id"])
        old_ids = target.criterion_ids.ids
        set_26 = self.env.ref("ocop_certification.criteria_set_qd26_26")
        rows_26 = self._export_rows(set_26)
        self._import(rows_26, mode="replace", set_id=target.id)
        self.assertEqual(target.code, "TEST-IMPORT")
        self.assertFalse(self.Criterion.browse(old_ids).exists())
        self.assertEqual(self._tree(target), self._tree(set_26))

    def test_replace_with_a_bad_file_keeps_the_old_tree(self):
        action = self._import(self.rows)
        target = self.Set.browse(action["res_id"])
        tree = self._tree(target)
        rows = self._rows_copy()
        part_a = self._row_index("part", "A")
        rows[part_a][4] = 39  # parts checked by the model against the framework
        for index in (
            self._row_index("section", "1"),
            self._row_index("criterion", "1.1"),
        ):
            rows[index][4] -= 1
        rows[self._row_index("option", parent_code="1.1") + 2][4] = 2
        with self.assertRaises(UserError):
            self._import(rows, mode="replace", set_id=target.id)
        self.assertEqual(self._tree(target), tree)

    def test_replace_refused_when_the_set_is_used(self):
        action = self._import(self.rows)
        target = self.Set.browse(action["res_id"])
        self.assertEqual(self.Import._dependents(target), [])
        tree = self._tree(target)
        ImportModel = type(self.Import)
        with patch.object(
            ImportModel, "_dependents", return_value=[("Evaluation Line", 3)]
        ):
            with self.assertRaises(UserError) as caught:
                self._import(self.rows, mode="replace", set_id=target.id)
        self.assertIn("3 Evaluation Line", str(caught.exception))
        self.assertEqual(self._tree(target), tree)

    def test_non_numeric_points_on_row_7(self):
        rows = self._rows_copy()
        self.assertEqual(rows[6][0], "option")
        rows[6][4] = "abc"
        message = self._assert_refused(rows, "Row 7", "abc", "not a number")
        self.assertNotIn("Row 8", message)

    def test_option_whose_parent_is_missing(self):
        rows = self._rows_copy()
        index = self._row_index("option", parent_code="1.2")
        rows[index][2] = "9.9"
        self._assert_refused(rows, f"Row {index + 1}", "9.9", "not found")

    def test_unknown_type(self):
        rows = self._rows_copy()
        rows[3][0] = "chapter"
        self._assert_refused(rows, "Row 4", "unknown type", "chapter")

    def test_leaf_without_options(self):
        rows = [
            row
            for row in self._rows_copy()
            if not (row[0] == "option" and row[2] == "1.7")
        ]
        index = next(i for i, row in enumerate(rows) if row[1] == "1.7")
        self._assert_refused(rows, f"Row {index + 1}", "1.7", "option")

    def test_sums_that_do_not_add_up(self):
        rows = self._rows_copy()
        index = self._row_index("criterion", "1.1")
        rows[index][4] = 4  # options give at most 3, section 1 expects 3
        message = self._assert_refused(rows, f"Row {index + 1}", "1.1")
        self.assertIn("best option", message)

    def test_part_total_checked_against_the_framework(self):
        """A tree that adds up internally but not to the framework's 40/25/35
        is refused by the model's consistency check, and rolled back."""
        rows = self._rows_copy()
        rows[self._row_index("part", "A")][4] = 39
        rows[self._row_index("section", "1")][4] = 17
        rows[self._row_index("criterion", "1.1")][4] = 2
        rows[self._row_index("option", parent_code="1.1") + 2][4] = 2
        self._assert_refused(rows, "part A", "39")

    def test_bad_header_and_bad_file(self):
        rows = self._rows_copy()
        rows[0] = ["kind", *rows[0][1:]]
        self._assert_refused(rows, "Row 1", "type")
        before = self._counts()
        wizard = self.Import.create(
            {
                "file_data": base64.b64encode(b"not a spreadsheet"),
                "mode": "new",
                "name": "x",
                "code": "TEST-IMPORT",
                "framework_id": self.framework.id,
            }
        )
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertEqual(self._counts(), before)

    def test_duplicate_code_of_the_new_set(self):
        self._assert_refused(self.rows, "QD26-01", code="QD26-01")
