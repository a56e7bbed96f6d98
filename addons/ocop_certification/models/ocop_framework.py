# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

LEVELS = [
    ("commune", "Commune"),
    ("district", "District"),
    ("province", "Province"),
    ("central", "Central"),
]
LEVEL_RANK = {code: rank for rank, (code, _label) in enumerate(LEVELS)}


class OcopFramework(models.Model):
    """A legal framework of OCOP evaluation (QĐ 1048+781, 148, 1489, 26/2026):
    points of the parts, star bands, who scores and who recognises, forwarding
    thresholds, certificate validity and deadlines."""

    _name = "ocop.framework"
    _description = "OCOP Legal Framework"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, index=True)
    decision = fields.Char(help="e.g. QĐ 26/2026/QĐ-TTg")
    decision_date = fields.Date()
    date_start = fields.Date(string="In Force From", required=True, tracking=True)
    date_end = fields.Date(string="In Force Until", tracking=True)
    classification = fields.Selection(
        [
            ("qd26_2026", "QĐ 26/2026/QĐ-TTg"),
            ("qd1048_2019", "QĐ 1048/QĐ-TTg (2019)"),
        ],
        required=True,
        help="The product classification the framework's criteria sets follow.",
    )
    points_a = fields.Float(string="Part A Points", required=True)
    points_b = fields.Float(string="Part B Points", required=True)
    points_c = fields.Float(string="Part C Points", required=True)
    band_5_min = fields.Float(string="5 Stars From", default=90.0, required=True)
    band_4_min = fields.Float(string="4 Stars From", default=70.0, required=True)
    band_3_min = fields.Float(string="3 Stars From", default=50.0, required=True)
    band_2_min = fields.Float(string="2 Stars From", default=30.0, required=True)
    min_certified_stars = fields.Integer(
        default=3, help="Only products with at least these stars are recognised."
    )
    uses_minimum_markers = fields.Boolean(
        default=True,
        help="The criteria sets carry minimum-star markers (QĐ 781/2020 and later).",
    )
    check_level = fields.Selection(
        LEVELS, string="Dossier Check By", default="commune", required=True
    )
    scoring_level = fields.Selection(
        LEVELS, string="First Scoring Council", default="province", required=True
    )
    recognition_level_3 = fields.Selection(
        LEVELS, string="3 Stars Recognised By", default="province", required=True
    )
    recognition_level_4 = fields.Selection(
        LEVELS, string="4 Stars Recognised By", default="province", required=True
    )
    recognition_level_5 = fields.Selection(
        LEVELS, string="5 Stars Recognised By", default="central", required=True
    )
    district_forward_min_score = fields.Float(
        string="District Forwards From",
        help="A district council forwards the products reaching this average to "
        "the province (QĐ 1048: 50 to 100 points).",
    )
    province_forward_min_score = fields.Float(
        string="Province Forwards From",
        default=90.0,
        help="A province forwards the products reaching this average to the "
        "central council as potential 5 stars.",
    )
    certificate_validity_months = fields.Integer(default=36, required=True)
    rerating_window_start_days = fields.Integer(
        string="Re-rating Window Opens (days before expiry)", default=180
    )
    rerating_window_end_days = fields.Integer(
        string="Re-rating Window Closes (days before expiry)", default=120
    )
    rerating_decision_days = fields.Integer(default=45)
    expiry_grace_days = fields.Integer(
        string="Validity Kept While Re-rating (days)",
        default=180,
        help="A certificate whose re-rating was filed in time stays valid until "
        "the decision, at most this many days past expiry (QĐ 26/2026, Điều 12).",
    )
    commune_check_working_days = fields.Integer(
        string="Commune Check (working days)", default=15
    )
    max_spread = fields.Float(
        string="Default Maximum Spread",
        default=10.0,
        help="Default for new councils: the largest difference allowed between "
        "members' totals before the council must discuss and score again.",
    )
    note = fields.Html()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The framework code must be unique."),
    ]

    @api.constrains("band_5_min", "band_4_min", "band_3_min", "band_2_min")
    def _check_bands(self):
        for framework in self:
            if not (
                0
                < framework.band_2_min
                < framework.band_3_min
                < framework.band_4_min
                < framework.band_5_min
                <= 100
            ):
                raise ValidationError(
                    _(
                        "The star bands of %(name)s must rise from 2 to 5 stars.",
                        name=framework.name,
                    )
                )

    @api.constrains("points_a", "points_b", "points_c")
    def _check_points(self):
        for framework in self:
            if framework.points_a + framework.points_b + framework.points_c != 100:
                raise ValidationError(
                    _(
                        "The parts of %(name)s must sum to 100 points.",
                        name=framework.name,
                    )
                )

    @api.model
    def _framework_on(self, date):
        """The framework in force on ``date``: the one that started last among
        those in force (during a transition, the newer decision applies unless
        a dossier overrides it with a reason)."""
        framework = self.search(
            [
                ("date_start", "<=", date),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date),
            ],
            order="date_start desc, id desc",
            limit=1,
        )
        if not framework:
            raise UserError(_("No OCOP framework is in force on %(date)s.", date=date))
        return framework

    def _recognition_level(self, stars):
        self.ensure_one()
        if stars < self.min_certified_stars:
            return False
        return self[f"recognition_level_{min(stars, 5)}"]

    def _scoring_params(self):
        """The framework's numbers for the plain-Python scoring module."""
        self.ensure_one()
        return {
            "bands": [
                (5, self.band_5_min),
                (4, self.band_4_min),
                (3, self.band_3_min),
                (2, self.band_2_min),
                (1, 0.0),
            ],
            "min_certified_stars": self.min_certified_stars,
            "use_minima": self.uses_minimum_markers,
        }
