"""Exhaustive tests of the plain-Python scoring module (no Odoo needed)."""

import importlib.util
import itertools
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "addons/ocop_certification/scoring.py"
_spec = importlib.util.spec_from_file_location("ocop_scoring", _PATH)
scoring = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scoring)

REQ = scoring.minima_requirements(
    [
        ("c1", 1, 0),
        ("c1", 2, 3),
        ("c1", 3, 4),
        ("c1", 4, 5),
        ("c2", 2, 3),
        ("c2", 5, 5),
        ("c3", 1, 0),
        ("c3", 3, 0),
    ]
)
LEVELS_26 = {3: "province", 4: "province", 5: "central"}
LEVELS_1048 = {3: "province", 4: "province", 5: "central"}
LEVELS_148 = {3: "district", 4: "province", 5: "central"}


@pytest.mark.parametrize(
    ("score", "stars"),
    [
        (100, 5),
        (90, 5),
        (89.99, 4),
        (70, 4),
        (69.99, 3),
        (50, 3),
        (49.99, 2),
        (30, 2),
        (29.99, 1),
        (0, 1),
    ],
)
def test_bands(score, stars):
    assert scoring.band_stars(score) == stars


def test_requirements_take_highest_marked_option_up_to_each_level():
    assert REQ == {"c1": {3: 2, 4: 3, 5: 4}, "c2": {3: 2, 4: 2, 5: 5}}


@pytest.mark.parametrize(
    ("c1", "c2", "cap"),
    [
        (4, 5, 5),
        (3, 5, 4),
        (4, 2, 4),
        (3, 2, 4),
        (2, 2, 3),
        (2, 5, 3),
        (1, 5, 2),
        (4, 1, 2),
        (None, 5, 2),
    ],
)
def test_star_cap(c1, c2, cap):
    assert scoring.star_cap({"c1": c1, "c2": c2}, REQ) == cap


def test_cap_is_monotonic_in_points():
    for c1, c2 in itertools.product(range(5), range(6)):
        cap = scoring.star_cap({"c1": c1, "c2": c2}, REQ)
        assert cap <= scoring.star_cap({"c1": c1 + 1, "c2": c2}, REQ)
        assert cap <= scoring.star_cap({"c1": c1, "c2": c2 + 1}, REQ)


def test_missed_minima():
    assert scoring.missed_minima({"c1": 2, "c2": 5}, REQ, 4) == ["c1"]
    assert scoring.missed_minima({"c1": 4, "c2": 5}, REQ, 5) == []


def test_council_cap_rules_differ_where_they_should():
    # Three members on c1 (4-star minimum: 3): 4, 3, 2 -> average 3 (met),
    # majority 2 of 3 (met), all (not met).
    sheets = [{"c1": 4, "c2": 5}, {"c1": 3, "c2": 5}, {"c1": 2, "c2": 5}]
    assert scoring.council_cap(sheets, REQ, "average") == 4
    assert scoring.council_cap(sheets, REQ, "majority") == 4
    assert scoring.council_cap(sheets, REQ, "all") == 3
    # 4, 4, 1 -> average 3: 4 stars met, 5 stars (needs 4) not; a majority
    # reaches the 5-star minimum; not every member reaches even 3 stars.
    sheets = [{"c1": 4, "c2": 5}, {"c1": 4, "c2": 5}, {"c1": 1, "c2": 5}]
    assert scoring.council_cap(sheets, REQ, "average") == 4
    assert scoring.council_cap(sheets, REQ, "majority") == 5
    assert scoring.council_cap(sheets, REQ, "all") == 2
    # 4, 2, 2 -> average 2.67 < 3: not 4 stars; majority: only one of three.
    sheets = [{"c1": 4, "c2": 5}, {"c1": 2, "c2": 5}, {"c1": 2, "c2": 5}]
    assert scoring.council_cap(sheets, REQ, "average") == 3
    assert scoring.council_cap(sheets, REQ, "majority") == 3
    with pytest.raises(ValueError):
        scoring.council_cap(sheets, REQ, "median")


def _sheet(member, total, c1=4, c2=5, knockouts=()):
    rest = total - c1 - c2
    return scoring.Sheet(
        member=member,
        ticks={"c1": c1, "c2": c2, "a": rest},
        parts={"c1": "C", "c2": "C", "a": "A"},
        knockouts=knockouts,
    )


def test_result_average_spread_and_stars():
    result = scoring.council_result([_sheet(1, 70), _sheet(2, 72), _sheet(3, 74)], REQ)
    assert result.average_total == 72
    assert result.average_parts == {"A": 63, "C": 9}
    assert result.spread == 4
    assert not result.rescoring_required
    assert (result.band, result.cap, result.stars, result.certified) == (4, 5, 4, True)


def test_result_cap_lowers_stars():
    sheets = [_sheet(1, 70, c1=2), _sheet(2, 72, c1=2), _sheet(3, 74, c1=2)]
    result = scoring.council_result(sheets, REQ)
    assert (result.band, result.cap, result.stars) == (4, 3, 3)


def test_spread_boundary():
    at_limit = scoring.council_result([_sheet(1, 65), _sheet(2, 75)], REQ)
    assert at_limit.spread == 10 and not at_limit.rescoring_required
    over = scoring.council_result([_sheet(1, 64), _sheet(2, 76)], REQ)
    assert over.spread == 12 and over.rescoring_required and not over.certified


def test_knockout_rejects():
    result = scoring.council_result(
        [_sheet(1, 80, knockouts=("copy",)), _sheet(2, 80)], REQ
    )
    assert result.knocked_out and result.stars == 0 and not result.certified
    assert result.knockout_reasons == ("copy",)
    dossier_level = scoring.council_result(
        [_sheet(1, 80)], REQ, dossier_knockouts=["forged"]
    )
    assert dossier_level.stars == 0 and dossier_level.knockout_reasons == ("forged",)


def test_without_minima_the_band_decides():
    sheets = [_sheet(1, 92, c1=1), _sheet(2, 92, c1=1)]
    assert scoring.council_result(sheets, REQ, use_minima=False).stars == 5
    assert scoring.council_result(sheets, REQ).stars == 2


@pytest.mark.parametrize(
    ("stars", "level", "levels", "expected"),
    [
        (3, "district", LEVELS_1048, ("forward", "province")),  # QĐ 1048: 50+ go up
        (2, "district", LEVELS_1048, ("not_recognised", None)),
        (4, "province", LEVELS_26, ("recognise", "province")),
        (5, "province", LEVELS_26, ("forward", "central")),  # potential 5 stars
        (4, "central", LEVELS_26, ("recognise", "province")),  # back to the province
        (5, "central", LEVELS_26, ("recognise", "central")),
        (3, "district", LEVELS_148, ("recognise", "district")),
        (4, "district", LEVELS_148, ("forward", "province")),
    ],
)
def test_next_step(stars, level, levels, expected):
    assert scoring.next_step(stars, level, levels) == expected
