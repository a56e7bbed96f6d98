# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The arithmetic of OCOP star rating, in plain Python (no ORM), so that it is
easy to read and to test exhaustively. The models gather the numbers and call
these functions.

Rules (QĐ 26/2026/QĐ-TTg and earlier frameworks, see docs/scoring.md):

* Each council member ticks exactly one option per leaf criterion; a member's
  total is the sum of the ticked points, per part (A, B, C) and overall.
* The council's score is the **average of the members' totals** (and of their
  part totals), rounded to two decimals.
* The **spread** is the largest total minus the smallest. Above the council's
  maximum (10 points by default) the members must discuss and score again:
  no result can be closed.
* The **band** of the average: 5 stars from 90, 4 from 70, 3 from 50, 2 from 30,
  otherwise 1 (the thresholds come from the framework).
* **Minimum-star markers**: an option printed with ``***`` (``****``,
  ``*****``) is the minimum a product must reach on that criterion to be rated
  3 (4, 5) stars. To be rated N stars, on every criterion carrying a marker of
  N or fewer asterisks the product must reach the points of the highest such
  marked option. The **cap** is the highest N (5, 4 or 3) whose minima are all
  met, else 2.
* **Minima across members** (the law leaves it to the council's rules; the
  council chooses, default ``average``):
    - ``average``: a minimum is met when the members' average points on that
      criterion reach it (consistent with the score being an average);
    - ``majority``: when more than half of the members' sheets reach it;
    - ``all``: when every member's sheet reaches it.
* The **stars** are the lower of the band and the cap.
* A **knock-out** (forged dossier, no food-safety certificate, a "bị loại
  nếu…" rule of a criterion) rejects the dossier: no stars.
* **Forwarding**: the level that recognises the stars comes from the framework
  (e.g. QĐ 26/2026: province for 3–4 stars, ministry for 5). A council below
  that level forwards the dossier (a district under QĐ 1048 forwards 3-star-and-
  above, i.e. 50–100 points, to the province; a province under QĐ 26/2026
  forwards 90+ to the ministry as "potential 5 stars"). A council above it (the
  central council scoring a forwarded product below 90) sends the result back
  to that lower level, which recognises the stars from this result.
"""

from dataclasses import dataclass, field

MINIMA_RULES = ("average", "majority", "all")
LEVEL_RANK = {"commune": 0, "district": 1, "province": 2, "central": 3}
DEFAULT_BANDS = ((5, 90.0), (4, 70.0), (3, 50.0), (2, 30.0), (1, 0.0))


def round2(value):
    return round(value + 0.0, 2)


def band_stars(score, bands=DEFAULT_BANDS):
    """Stars of the band ``score`` falls in; ``bands`` is a list of
    (stars, minimum score) pairs."""
    for stars, minimum in sorted(bands, key=lambda band: -band[0]):
        if score >= minimum - 1e-9:
            return stars
    return min(stars for stars, _minimum in bands)


def minima_requirements(options):
    """From ``(criterion_key, points, min_star)`` triples, the points each
    criterion requires for 3, 4 and 5 stars: ``{criterion: {3: p, 4: p, 5: p}}``
    (a star level without any marker on the criterion is absent)."""
    marked = {}
    for criterion, points, min_star in options:
        if min_star:
            marked.setdefault(criterion, []).append((min_star, points))
    requirements = {}
    for criterion, marks in marked.items():
        levels = {}
        for stars in (3, 4, 5):
            eligible = [points for min_star, points in marks if min_star <= stars]
            if eligible:
                levels[stars] = max(eligible)
        requirements[criterion] = levels
    return requirements


def _met(points, required):
    return points is not None and points >= required - 1e-9


def star_cap(ticked, requirements):
    """Highest star level (5, 4, 3) whose minima the ticked points all meet,
    else 2. ``ticked`` maps criterion -> points."""
    for stars in (5, 4, 3):
        if all(
            _met(ticked.get(criterion), levels[stars])
            for criterion, levels in requirements.items()
            if stars in levels
        ):
            return stars
    return 2


def missed_minima(ticked, requirements, stars):
    """The criteria whose minimum for ``stars`` the ticked points miss."""
    return sorted(
        criterion
        for criterion, levels in requirements.items()
        if stars in levels and not _met(ticked.get(criterion), levels[stars])
    )


def council_cap(sheets_ticks, requirements, rule="average"):
    """The cap of the council from every member's ticks, by ``rule``."""
    if rule not in MINIMA_RULES:
        raise ValueError(f"Unknown minima rule {rule!r}")
    if not sheets_ticks:
        return 2
    if rule == "all":
        return min(star_cap(ticks, requirements) for ticks in sheets_ticks)
    if rule == "average":
        criteria = set().union(*sheets_ticks)
        averaged = {
            criterion: sum(ticks.get(criterion) or 0.0 for ticks in sheets_ticks)
            / len(sheets_ticks)
            for criterion in criteria
        }
        return star_cap(averaged, requirements)
    # majority: a minimum is met when more than half of the sheets meet it.
    for stars in (5, 4, 3):
        if all(
            sum(_met(ticks.get(criterion), levels[stars]) for ticks in sheets_ticks) * 2
            > len(sheets_ticks)
            for criterion, levels in requirements.items()
            if stars in levels
        ):
            return stars
    return 2


@dataclass
class Sheet:
    """One member's submitted sheet."""

    member: object
    ticks: dict  # criterion -> points of the ticked option
    parts: dict  # criterion -> part code ("A", "B", "C")
    knockouts: tuple = ()

    def totals(self):
        totals = {}
        for criterion, points in self.ticks.items():
            part = self.parts.get(criterion, "")
            totals[part] = totals.get(part, 0.0) + (points or 0.0)
        return totals

    def total(self):
        return sum((points or 0.0) for points in self.ticks.values())


@dataclass
class Result:
    average_total: float = 0.0
    average_parts: dict = field(default_factory=dict)
    member_totals: dict = field(default_factory=dict)
    spread: float = 0.0
    rescoring_required: bool = False
    band: int = 0
    cap: int = 5
    stars: int = 0
    knocked_out: bool = False
    knockout_reasons: tuple = ()
    certified: bool = False


def council_result(
    sheets,
    requirements,
    bands=DEFAULT_BANDS,
    max_spread=10.0,
    minima_rule="average",
    use_minima=True,
    min_certified_stars=3,
    dossier_knockouts=(),
):
    """The council's result from the members' submitted ``sheets``."""
    result = Result()
    knockouts = list(dossier_knockouts)
    for sheet in sheets:
        knockouts.extend(k for k in sheet.knockouts if k not in knockouts)
    result.knockout_reasons = tuple(knockouts)
    if not sheets:
        result.knocked_out = bool(knockouts)
        return result
    totals = [sheet.total() for sheet in sheets]
    result.member_totals = {
        sheet.member: round2(total) for sheet, total in zip(sheets, totals, strict=True)
    }
    result.average_total = round2(sum(totals) / len(totals))
    parts = {}
    for sheet in sheets:
        for part, value in sheet.totals().items():
            parts[part] = parts.get(part, 0.0) + value
    result.average_parts = {
        part: round2(value / len(sheets)) for part, value in sorted(parts.items())
    }
    result.spread = round2(max(totals) - min(totals))
    result.rescoring_required = result.spread > max_spread + 1e-9
    result.band = band_stars(result.average_total, bands)
    result.cap = (
        council_cap([sheet.ticks for sheet in sheets], requirements, minima_rule)
        if use_minima
        else 5
    )
    if knockouts:
        result.knocked_out = True
        result.stars = 0
    else:
        result.stars = min(result.band, result.cap)
    result.certified = (
        not result.knocked_out
        and not result.rescoring_required
        and result.stars >= min_certified_stars
    )
    return result


def next_step(stars, council_level, recognition_levels, min_certified_stars=3):
    """What follows a council's result.

    Returns ``("not_recognised", None)`` below the certified stars,
    ``("recognise", level)`` when ``level`` (the council's own, or the lower
    level that recognises these stars) decides, or ``("forward", level)`` when
    a higher level must score the product first.
    """
    if stars < min_certified_stars:
        return ("not_recognised", None)
    level = recognition_levels[min(stars, 5)]
    if LEVEL_RANK[level] > LEVEL_RANK[council_level]:
        return ("forward", level)
    return ("recognise", level)
