"""Unit tests for data/converters/criteria_sets.py (plain pytest, no Odoo).

Collected together with the Odoo tests run through pytest-odoo, so this module
must not import Odoo and resolves every path from its own location.
"""

import copy
import importlib.util
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CONVERTER = REPO_ROOT / "data" / "converters" / "criteria_sets.py"
SOURCE = REPO_ROOT / "data" / "ocop-criteria-qd26-2026.json"
ADDON = REPO_ROOT / "addons" / "ocop_certification"
QD26_XML = ADDON / "data" / "ocop_criteria_qd26_data.xml"
MODULE_NAME = "ocop_criteria_sets_converter"


def _load_converter():
    if MODULE_NAME in sys.modules:
        return sys.modules[MODULE_NAME]
    spec = importlib.util.spec_from_file_location(MODULE_NAME, CONVERTER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def converter():
    return _load_converter()


@pytest.fixture(scope="module")
def data():
    with open(SOURCE, encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="module")
def qd26(converter, data):
    return converter.build_qd26(data)


@pytest.fixture(scope="module")
def sample(converter, data):
    return converter.build_sample(data)


def _set(data, set_no):
    return next(item for item in data["product_sets"] if item["set_no"] == set_no)


def _node(item, code):
    stack = list(item["parts"])
    while stack:
        node = stack.pop()
        if node.get("code") == code and "id" in node:
            return node
        stack.extend(node.get("sections", []) + node.get("criteria", []))
    raise KeyError(code)


def test_counts(converter, qd26, sample):
    counts = converter.counts(qd26)
    assert counts["sets"] == 26
    assert counts["leaves"] == 787  # the "787 criteria" of the decision
    assert counts["printed_options"] == 2535
    assert counts["generated_option_leaves"] == 22
    assert counts["options"] == 2535 + 2 * 22
    assert counts["nodes"] == 26 * 3 + 291 + 640 + 12
    assert converter.counts([sample])["leaves"] == 31


def test_parts_and_sums(converter, qd26, sample):
    for cset in qd26:
        assert {p.code: p.max_points for p in cset.parts} == {"A": 40, "B": 25, "C": 35}
        assert converter.consistency_errors(cset) == []
    assert {p.code: p.max_points for p in sample.parts} == {"A": 35, "B": 25, "C": 40}
    assert converter.consistency_errors(sample) == []


def test_ids_and_levels(qd26):
    set_01 = qd26[0]
    assert set_01.xml_id == "criteria_set_qd26_01"
    assert set_01.code == "QD26-01"
    assert set_01.product_group_ref == "ocop_management.product_group_qd26_set_01"
    by_code = {node.code: node for node in set_01.nodes}
    assert by_code["A"].xml_id == "crit_qd26_01_A"
    assert by_code["1.1"].xml_id == "crit_qd26_01_A_1_1"
    assert by_code["1.1"].options[0].xml_id == "opt_qd26_01_A_1_1_o1"
    assert by_code["1.1"].level == "criterion"
    assert by_code["1"].level == "section"
    sequences = [node.sequence for node in set_01.nodes]
    assert sequences == sorted(sequences) and len(set(sequences)) == len(sequences)
    set_11 = qd26[10]
    sub = next(node for node in set_11.nodes if node.code == "6.1.1")
    assert sub.level == "sub" and sub.parent.code == "6.1"


def test_corrections_applied(qd26):
    def option(cset, code, index):
        node = next(node for node in cset.nodes if node.code == code)
        return node.options[index - 1]

    assert option(qd26[3], "7", 3).points == 3
    assert option(qd26[3], "1.2", 1).points == 0
    assert option(qd26[10], "6.1.1", 2).points == 1
    assert "13" in qd26[3].source_note
    bilingual = next(node for node in qd26[0].nodes if node.code == "2.4")
    assert [(o.name, o.points) for o in bilingual.options] == [("Không", 0), ("Có", 1)]
    ip_rule = next(node for node in qd26[20].nodes if node.code == "6.2")
    assert "sở hữu trí tuệ" in ip_rule.knockout[0]
    assert all("Ghi chú" not in o.name for o in ip_rule.options)
    assert qd26[11].name[0].isupper()


def test_knockouts_and_cases(qd26, sample):
    knockouts = [rule for cset in qd26 for n in cset.nodes for rule in n.knockout]
    assert any(rule.startswith("Ghi chú: Bị loại nếu") for rule in knockouts)
    assert any("không đánh giá các bước tiếp theo" in rule for rule in knockouts)
    cases = Counter(
        o.case_label
        for cset in qd26
        for node in cset.nodes
        for o in node.options
        if o.case_label
    )
    assert sum(cases.values()) == 12
    assert all(
        cset.set_no == 26
        for cset in qd26
        for node in cset.nodes
        for o in node.options
        if o.case_label
    )
    mixed = next(node for node in sample.nodes if node.code == "3.2")
    assert len({o.case_label for o in mixed.options}) == 2


def test_generated_xml(converter, data):
    contents = converter.generate(data)
    root = ET.fromstring(contents["qd26"])
    records = root.findall("./data/record")
    models = Counter(record.get("model") for record in records)
    assert models == {
        "ocop.criteria.set": 26,
        "ocop.criterion": 1021,
        "ocop.criterion.option": 2579,
    }
    assert root.find("./data").get("noupdate") == "1"
    sample = ET.fromstring(contents["qd1048"])
    first = sample.find("./data/record")
    assert first.get("id") == "criteria_set_qd1048_sample"
    fields = {f.get("name"): f for f in first.findall("field")}
    assert fields["framework_id"].get("ref") == "framework_qd1048_2019"
    assert "| QD26-04 | 7, option 3 | 13 | 3 |" in contents["doc"]
    assert contents == converter.generate(data)  # deterministic


# ---------------------------------------------------------------- corruption


def test_corrupted_option_points_are_caught(converter, data):
    corrupted = copy.deepcopy(data)
    _node(_set(corrupted, 1), "1.1")["options"][2]["points"] = 4
    with pytest.raises(ValueError, match=r"QD26-01 1\.1: 3 points but its best"):
        converter.build_qd26(corrupted)


def test_corrupted_section_sum_is_caught(converter, data):
    corrupted = copy.deepcopy(data)
    _node(_set(corrupted, 2), "1")["max_points"] = 17
    with pytest.raises(ValueError, match=r"QD26-02 1: 17 points but its children"):
        converter.build_qd26(corrupted)


def test_corrupted_part_total_is_caught(converter, data):
    corrupted = copy.deepcopy(data)
    _set(corrupted, 3)["parts"][0]["max_points"] = 41
    with pytest.raises(ValueError, match="QD26-03: part A has 41 points instead of 40"):
        converter.build_qd26(corrupted)


def test_missing_set_is_caught(converter, data):
    corrupted = copy.deepcopy(data)
    corrupted["product_sets"].pop()
    with pytest.raises(ValueError, match="expected set_no 1..26"):
        converter.build_qd26(corrupted)


def test_unlisted_anomaly_is_caught(converter, data):
    corrupted = copy.deepcopy(data)
    _set(corrupted, 1)["source_anomalies"].append("criterion 9.9: something odd")
    with pytest.raises(ValueError, match="unresolved source anomalies"):
        converter.build_qd26(corrupted)


def test_stale_correction_is_caught(converter, data):
    corrupted = copy.deepcopy(data)
    _node(_set(corrupted, 4), "7")["options"][2]["points"] = 3  # fixed upstream
    with pytest.raises(ValueError, match="stale"):
        converter.build_qd26(corrupted)


def test_input_is_not_modified(converter, data):
    before = copy.deepcopy(data)
    converter.build_qd26(data)
    assert data == before


def _run(*args):
    return subprocess.run(
        [sys.executable, str(CONVERTER), *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_passes_against_checked_in_files():
    result = _run("--check")
    assert result.returncode == 0, result.stderr
    assert "26 sets" in result.stdout
    assert "787 leaf criteria" in result.stdout


def test_check_detects_stale_file(tmp_path):
    stale = tmp_path / "ocop_criteria_qd26_data.xml"
    stale.write_text(QD26_XML.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = _run("--check", "--output-qd26", str(stale))
    assert result.returncode == 1
    assert "out of date" in result.stderr


def test_corrupted_source_fails_the_command(tmp_path, data):
    corrupted = copy.deepcopy(data)
    _node(_set(corrupted, 5), "1.1")["max_points"] = 2
    source = tmp_path / "corrupted.json"
    source.write_text(json.dumps(corrupted, ensure_ascii=False), encoding="utf-8")
    result = _run("--check", "--source", str(source))
    assert result.returncode != 0
    assert "QD26-05" in result.stderr
