# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.ocop_management.workflow import (
    COMMUNE,
    PORTAL,
    PROGRAMME,
    Transition,
)

from .. import scoring

# The documents of a dossier (QĐ 26/2026, Điều 7): Mẫu 01, Mẫu 02 and the
# evidence the criteria ask for.
DEFAULT_DOCUMENTS = [
    ("form_01", "Phiếu đăng ký sản phẩm (Mẫu 01)", True),
    ("form_02", "Báo cáo tự đánh giá sản phẩm (Mẫu 02)", True),
    ("business_registration", "Giấy đăng ký kinh doanh / hợp đồng hợp tác", True),
    (
        "food_safety",
        "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm "
        "(hoặc cam kết, theo quy định)",
        True,
    ),
    ("quality_standard", "Bản công bố tiêu chuẩn chất lượng sản phẩm", True),
    (
        "test_results",
        "Phiếu kết quả kiểm nghiệm chỉ tiêu chất lượng, an toàn thực phẩm",
        True,
    ),
    ("label", "Nhãn sản phẩm và bao bì", True),
    ("product_story", "Câu chuyện sản phẩm", False),
    ("other_evidence", "Tài liệu minh chứng khác (nếu có)", False),
]

# What the producer files (Mẫu 01, Mẫu 02): frozen once filed, until the
# dossier is returned.
PRODUCER_FIELDS = (
    "product_id",
    "dossier_type",
    "previous_certificate_id",
    "changes_note",
    "registration_note",
    "certificates_held",
    "plan_results",
    "self_score",
    "self_assessment",
    "date_filed",
    "year",
)

STATES = [
    ("draft", "Draft"),
    ("submitted", "Filed with the Commune"),
    ("commune_checked", "Checked by the Commune"),
    ("received", "Received by the Programme Office"),
    ("reviewed", "Reviewed by the Advisory Team"),
    ("council", "In Council"),
    ("scored", "Scored"),
    ("forwarded", "Forwarded"),
    ("recognised", "Recognised"),
    ("not_recognised", "Not Recognised"),
    ("rejected", "Rejected"),
]


class OcopDossier(models.Model):
    """A product's evaluation dossier (hồ sơ đánh giá, phân hạng)."""

    _name = "ocop.dossier"
    _description = "OCOP Evaluation Dossier"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "ocop.workflow.mixin",
    ]
    _order = "id desc"

    _ocop_producer_field = "producer_id"
    _ocop_transitions = {
        # the producer (portal) or the commune files the dossier
        "submit": Transition(("draft",), "submitted", groups=(COMMUNE, PORTAL)),
        # the commune's check (Mẫu 03): forwarded, or back to the producer
        "commune_check": Transition(("submitted",), None, groups=(COMMUNE,)),
        "receive": Transition(("commune_checked",), "received", groups=(PROGRAMME,)),
        "return": Transition(
            ("commune_checked", "received", "reviewed"),
            "draft",
            groups=(PROGRAMME,),
            reason=True,
        ),
        "review": Transition(("received",), "reviewed", groups=(PROGRAMME,)),
        "reject_knockout": Transition(
            ("commune_checked", "received", "reviewed", "council"),
            "rejected",
            groups=(PROGRAMME,),
        ),
        "send_to_next_level": Transition(
            ("forwarded",), "reviewed", groups=(PROGRAMME,)
        ),
        "record_decision": Transition(("scored",), "recognised", groups=(PROGRAMME,)),
    }
    # written by the council's computation and the transitions only
    _ocop_guarded_fields = (
        "average_total",
        "average_a",
        "average_b",
        "average_c",
        "spread",
        "rescoring_required",
        "band_stars",
        "cap_stars",
        "result_stars",
        "result_note",
        "potential_five_star",
        "next_level",
        "rejection_reason",
        "decision_number",
        "decision_date",
        "decision_signer",
        "decision_level",
        "certificate_id",
        "commune_checked_on",
        "commune_checked_by",
        "commune_reminder_sent",
        "return_reason",
    )
    # A dossier goes on a session's agenda once reviewed, never before.
    _ocop_frozen = (
        {"draft": ("session_id",), "reviewed": PRODUCER_FIELDS}
        | dict.fromkeys(
            ("submitted", "commune_checked", "received"),
            (*PRODUCER_FIELDS, "session_id"),
        )
    ) | dict.fromkeys(
        ("council", "scored", "forwarded", "recognised", "not_recognised", "rejected"),
        "__all__",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    product_id = fields.Many2one(
        "ocop.product", required=True, index=True, ondelete="restrict", tracking=True
    )
    product_code = fields.Char(related="product_id.code", string="Product Code")
    producer_id = fields.Many2one(
        related="product_id.producer_id", store=True, index=True, string="Producer"
    )
    commune_id = fields.Many2one(
        related="product_id.commune_id", store=True, index=True, string="Commune"
    )
    province_id = fields.Many2one(
        related="product_id.province_id", store=True, index=True, string="Province"
    )
    product_group_id = fields.Many2one(
        related="product_id.product_group_id", store=True, string="Product Set"
    )
    cycle_id = fields.Many2one(
        "ocop.cycle",
        compute="_compute_cycle_id",
        store=True,
        readonly=False,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The yearly cycle of the territory the dossier is evaluated in.",
    )
    year = fields.Integer(
        default=lambda self: fields.Date.context_today(self).year,
        required=True,
        tracking=True,
    )
    round = fields.Selection(
        [("1", "Round 1 (first half)"), ("2", "Round 2 (second half)")],
        default="1",
        required=True,
        help="Provincial councils score at least twice a year: before 30/6 the "
        "dossiers filed before 30/4, before 30/12 those filed before 30/10.",
    )
    dossier_type = fields.Selection(
        [("first", "First Rating"), ("upgrade", "Upgrade"), ("rerating", "Re-rating")],
        string="Type",
        default="first",
        required=True,
        tracking=True,
    )
    previous_certificate_id = fields.Many2one(
        "ocop.certificate",
        string="Current Certificate",
        index=True,
        ondelete="restrict",
        help="For a re-rating or an upgrade: the certificate it starts from.",
    )
    previous_stars = fields.Integer(related="previous_certificate_id.stars")
    changes_note = fields.Text(
        string="What Changed",
        help="For an upgrade (or a re-rating): what changed since the current "
        "certificate — production, quality, market, criteria now met.",
    )
    date_filed = fields.Date(
        string="Filed On", default=fields.Date.context_today, tracking=True
    )
    framework_id = fields.Many2one(
        "ocop.framework",
        compute="_compute_framework_id",
        store=True,
        readonly=False,
        ondelete="restrict",
        tracking=True,
    )
    framework_auto_id = fields.Many2one(
        "ocop.framework",
        compute="_compute_framework_auto_id",
        string="Framework in Force",
    )
    framework_override_reason = fields.Char(
        tracking=True,
        help="Why this dossier follows another framework than the one in force "
        "on its filing date.",
    )
    criteria_set_id = fields.Many2one(
        "ocop.criteria.set",
        compute="_compute_criteria_set_id",
        store=True,
        readonly=False,
        ondelete="restrict",
        tracking=True,
    )
    # Mẫu 01 — registration
    registration_note = fields.Text(string="Registration (Mẫu 01)")
    # Mẫu 02 — self-assessment report
    certificates_held = fields.Text(
        string="Registrations and Certificates Held",
        help="Food safety, quality standards, trademarks, VietGAP, organic…",
    )
    plan_results = fields.Text(string="Results of the Business Plan")
    self_score = fields.Float(string="Self-assessed Score")
    self_assessment = fields.Text(string="Self-assessment and Evidence")
    sample_count = fields.Integer(
        string="Samples",
        compute="_compute_sample_count",
        store=True,
        readonly=False,
        help="5 product samples; none for tourism services (set 26).",
    )
    samples_received = fields.Date()
    document_ids = fields.One2many(
        "ocop.dossier.document", "dossier_id", string="Documents", copy=True
    )
    documents_complete = fields.Boolean(compute="_compute_documents_complete")
    # Knock-outs at dossier level
    knockout_forged = fields.Boolean(string="Forged Dossier", tracking=True)
    knockout_food_safety = fields.Boolean(
        string="No Food-safety Certificate", tracking=True
    )
    knockout_note = fields.Text(string="Knock-out Finding")
    # Commune's check (Mẫu 03)
    commune_deadline = fields.Date(
        compute="_compute_commune_deadline",
        store=True,
        help="15 working days from filing (weekends and the company's public "
        "holidays excluded).",
    )
    commune_overdue = fields.Boolean(compute="_compute_commune_overdue")
    commune_raw_material = fields.Text(string="Local Raw Material")
    commune_labour = fields.Text(string="Local Labour")
    commune_idea_origin = fields.Text(string="Origin of the Idea")
    commune_identity = fields.Text(string="Local Identity")
    commune_conclusion = fields.Selection(
        [("agree", "Forward to the Province"), ("disagree", "Do Not Forward")],
        tracking=True,
    )
    commune_conclusion_note = fields.Text(string="Commune's Conclusion")
    commune_reminder_sent = fields.Boolean(readonly=True, copy=False)
    commune_checked_on = fields.Date(readonly=True, copy=False)
    commune_checked_by = fields.Many2one("res.users", readonly=True, copy=False)
    # Intake and review
    return_reason = fields.Text(tracking=True, copy=False)
    review_note = fields.Text(string="Advisory Team's Review")
    # Council
    session_id = fields.Many2one(
        "ocop.council.session",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
    )
    council_id = fields.Many2one(related="session_id.council_id", store=True)
    council_level = fields.Selection(related="session_id.level", store=True)
    evaluation_ids = fields.One2many("ocop.evaluation", "dossier_id")
    # The scoring results are not tracked: they change with every sheet a
    # member submits, and the chatter must not show a session's provisional
    # averages to the dossier's followers; the result is posted once, at the
    # session's close (_apply_council_result).
    average_total = fields.Float(readonly=True, copy=False)
    average_a = fields.Float(readonly=True, copy=False)
    average_b = fields.Float(readonly=True, copy=False)
    average_c = fields.Float(readonly=True, copy=False)
    spread = fields.Float(readonly=True, copy=False)
    rescoring_required = fields.Boolean(readonly=True, copy=False)
    band_stars = fields.Integer(readonly=True, copy=False)
    cap_stars = fields.Integer(
        string="Minimum Stars Reached", readonly=True, copy=False
    )
    result_stars = fields.Integer(readonly=True, copy=False)
    result_note = fields.Text(readonly=True, copy=False)
    potential_five_star = fields.Boolean(readonly=True, copy=False)
    next_level = fields.Selection(
        [("district", "District"), ("province", "Province"), ("central", "Central")],
        readonly=True,
        copy=False,
    )
    rejection_reason = fields.Text(readonly=True, copy=False, tracking=True)
    # Decision
    decision_number = fields.Char(tracking=True, copy=False)
    decision_date = fields.Date(tracking=True, copy=False)
    decision_signer = fields.Char(copy=False)
    decision_level = fields.Selection(
        [("district", "District"), ("province", "Province"), ("central", "Central")],
        copy=False,
    )
    certificate_id = fields.Many2one("ocop.certificate", readonly=True, copy=False)
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    color = fields.Integer()

    _sql_constraints = [
        ("name_uniq", "unique(name)", "The dossier reference must be unique."),
    ]

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ocop.dossier") or "/"
                )
            if "document_ids" not in vals:
                vals["document_ids"] = [
                    Command.create({"code": code, "name": name, "required": required})
                    for code, name, required in DEFAULT_DOCUMENTS
                ]
        return super().create(vals_list)

    @api.depends("commune_id", "year")
    def _compute_cycle_id(self):
        Cycle = self.env["ocop.cycle"]
        for dossier in self:
            if dossier.cycle_id or not dossier.commune_id:
                continue
            dossier.cycle_id = Cycle.search(
                [
                    ("year", "=", dossier.year),
                    ("admin_unit_id", "parent_of", dossier.commune_id.id),
                ],
                limit=1,
            )

    @api.depends("date_filed")
    def _compute_framework_auto_id(self):
        Framework = self.env["ocop.framework"]
        for dossier in self:
            dossier.framework_auto_id = Framework._framework_on(
                dossier.date_filed or fields.Date.today()
            )

    @api.depends("date_filed")
    def _compute_framework_id(self):
        """The framework in force on the filing date, unless overridden with
        a reason."""
        for dossier in self:
            if not dossier.framework_id or not dossier.framework_override_reason:
                dossier.framework_id = dossier.framework_auto_id

    @api.depends("framework_id", "product_group_id")
    def _compute_criteria_set_id(self):
        Set = self.env["ocop.criteria.set"]
        for dossier in self:
            if not dossier.framework_id or not dossier.product_group_id:
                continue
            cset = Set.search(
                [
                    ("framework_id", "=", dossier.framework_id.id),
                    ("product_group_id", "=", dossier.product_group_id.id),
                ],
                limit=1,
            ) or Set.search(
                [
                    (
                        "framework_id.classification",
                        "=",
                        dossier.framework_id.classification,
                    ),
                    ("product_group_id", "=", dossier.product_group_id.id),
                ],
                limit=1,
            )
            dossier.criteria_set_id = cset

    @api.depends("product_group_id.set_no")
    def _compute_sample_count(self):
        for dossier in self:
            dossier.sample_count = 0 if dossier.product_group_id.set_no == 26 else 5

    @api.depends("document_ids.required", "document_ids.attachment_ids")
    def _compute_documents_complete(self):
        for dossier in self:
            dossier.documents_complete = all(
                doc.attachment_ids for doc in dossier.document_ids if doc.required
            )

    @api.depends("date_filed", "state", "framework_id.commune_check_working_days")
    def _compute_commune_deadline(self):
        calendar = self.env.company.resource_calendar_id
        for dossier in self:
            if not dossier.date_filed:
                dossier.commune_deadline = False
                continue
            days = dossier.framework_id.commune_check_working_days or 15
            dossier.commune_deadline = self._add_working_days(
                calendar, dossier.date_filed, days
            )

    @api.model
    def _add_working_days(self, calendar, start, days):
        """The date ``days`` working days after ``start`` by the company's
        working schedule (weekends and public holidays are not counted)."""
        start_dt = datetime.combine(start, time(23, 59, 59))
        if calendar:
            end = calendar.plan_days(days, start_dt, compute_leaves=True)
            if end:
                return end.date()
        # No schedule: Monday to Friday.
        current, added = start, 0
        while added < days:
            current = fields.Date.add(current, days=1)
            if current.weekday() < 5:
                added += 1
        return current

    def _compute_commune_overdue(self):
        today = fields.Date.context_today(self)
        for dossier in self:
            dossier.commune_overdue = (
                dossier.state == "submitted"
                and dossier.commune_deadline
                and dossier.commune_deadline < today
            )

    @api.depends("product_id", "name")
    def _compute_display_name(self):
        for dossier in self:
            dossier.display_name = f"{dossier.name} - {dossier.product_id.name or ''}"

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for dossier in self:
            dossier.access_url = f"/my/ocop/dossiers/{dossier.id}"

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    @api.constrains("framework_id", "framework_override_reason", "date_filed")
    def _check_framework_override(self):
        Framework = self.env["ocop.framework"]
        for dossier in self:
            auto = Framework._framework_on(dossier.date_filed or fields.Date.today())
            if dossier.framework_id != auto and not dossier.framework_override_reason:
                raise ValidationError(
                    _(
                        "%(framework)s is not the framework in force on %(date)s "
                        "(%(auto)s): give the reason for the override.",
                        framework=dossier.framework_id.name,
                        date=dossier.date_filed,
                        auto=auto.name,
                    )
                )

    @api.constrains("session_id", "commune_id", "state")
    def _check_session_territory(self):
        for dossier in self:
            if dossier.state == "reviewed" and dossier.session_id.state not in (
                False,
                "draft",
                "confirmed",
            ):
                raise ValidationError(
                    _(
                        "%(dossier)s joins a session before it starts scoring.",
                        dossier=dossier.display_name,
                    )
                )
            unit = dossier.session_id.council_id.admin_unit_id
            if unit and not (dossier.commune_id.parent_path or "").startswith(
                unit.parent_path
            ):
                raise ValidationError(
                    _(
                        "%(dossier)s is not in the territory of %(council)s.",
                        dossier=dossier.display_name,
                        council=dossier.session_id.council_id.name,
                    )
                )

    @api.constrains("criteria_set_id", "framework_id")
    def _check_criteria_set(self):
        for dossier in self:
            cset = dossier.criteria_set_id
            if (
                cset
                and cset.framework_id.classification
                != dossier.framework_id.classification
            ):
                raise ValidationError(
                    _(
                        "The criteria set %(set)s does not belong to %(framework)s.",
                        set=cset.name,
                        framework=dossier.framework_id.name,
                    )
                )

    def _check_ready_for_council(self):
        for dossier in self:
            if dossier.state not in ("reviewed", "council", "scored"):
                raise UserError(
                    _(
                        '%(name)s is "%(state)s": only reviewed dossiers go to '
                        "the council.",
                        name=dossier.display_name,
                        state=dossier._ocop_state_label(),
                    )
                )
            if not dossier.criteria_set_id:
                raise UserError(
                    _("Choose the criteria set of %(name)s.", name=dossier.name)
                )

    # ------------------------------------------------------------------
    # Workflow up to the council
    # ------------------------------------------------------------------
    def action_submit(self):
        """The producer files the dossier with the commune."""
        self._ocop_check_transition(self._ocop_transitions["submit"])
        for dossier in self:
            if dossier.dossier_type == "upgrade" and not dossier.changes_note:
                raise UserError(
                    _(
                        "An upgrade dossier shows what changed since the current "
                        'certificate: fill in "What Changed".'
                    )
                )
            missing = dossier.document_ids.filtered(
                lambda d: d.required and not d.attachment_ids
            )
            if missing:
                raise UserError(
                    _(
                        "Attach the required documents first: %(docs)s",
                        docs=", ".join(missing.mapped("name")),
                    )
                )
        self._ocop_transition("submit", {"date_filed": fields.Date.context_today(self)})
        for dossier in self:
            for user in dossier._commune_officers():
                dossier.activity_schedule(
                    "ocop_certification.mail_activity_type_commune_check",
                    user_id=user.id,
                    date_deadline=dossier.commune_deadline,
                )

    def _commune_officers(self):
        """The commune officers (not programme officers) of the commune."""
        self.ensure_one()
        if not self.commune_id:
            return self.env["res.users"]
        return self.commune_id._officers(
            "ocop_management.group_ocop_commune_officer",
            "ocop_management.group_ocop_programme_officer",
        )

    def _programme_officers(self):
        """The programme officers (not managers) whose territory contains the
        commune."""
        self.ensure_one()
        if not self.commune_id:
            return self.env["res.users"]
        return self.commune_id._programme_officers()

    @api.model
    def _cron_commune_check_reminders(self, days_before=3):
        """Remind the commune, once, that a dossier's check falls due soon (or
        is overdue: a missed run is caught up the next day)."""
        limit = fields.Date.add(fields.Date.context_today(self), days=days_before)
        dossiers = self.search(
            [
                ("state", "=", "submitted"),
                ("commune_reminder_sent", "=", False),
                ("commune_deadline", "<=", limit),
            ]
        )
        for dossier in dossiers:
            dossier.message_post(
                body=_(
                    "Reminder: the commune's check (Mẫu 03) of %(name)s is due on "
                    "%(deadline)s (%(days)s working days from filing).",
                    name=dossier.name,
                    deadline=dossier.commune_deadline,
                    days=dossier.framework_id.commune_check_working_days,
                ),
                partner_ids=dossier._commune_officers().partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        dossiers._ocop_write({"commune_reminder_sent": True})
        return dossiers

    def action_commune_check(self):
        """The commune records Mẫu 03 and forwards (or not) to the province."""
        self._ocop_check_transition(self._ocop_transitions["commune_check"])
        for dossier in self:
            missing = [
                label
                for field_name, label in (
                    ("commune_raw_material", _("local raw material")),
                    ("commune_labour", _("local labour")),
                    ("commune_idea_origin", _("origin of the idea")),
                    ("commune_identity", _("local identity")),
                    ("commune_conclusion", _("conclusion")),
                )
                if not dossier[field_name]
            ]
            if missing:
                raise UserError(
                    _(
                        "Complete the commune's assessment (Mẫu 03): %(fields)s.",
                        fields=", ".join(missing),
                    )
                )
        for dossier in self:
            dossier._ocop_transition(
                "commune_check",
                {
                    "state": "commune_checked"
                    if dossier.commune_conclusion == "agree"
                    else "draft",
                    "commune_checked_on": fields.Date.context_today(self),
                    "commune_checked_by": self.env.uid,
                    "return_reason": False
                    if dossier.commune_conclusion == "agree"
                    else dossier.commune_conclusion_note,
                },
            )
            dossier.activity_feedback(
                ["ocop_certification.mail_activity_type_commune_check"]
            )
            if dossier.commune_conclusion == "agree":
                for user in dossier._programme_officers():
                    dossier.activity_schedule(
                        "mail.mail_activity_data_todo",
                        user_id=user.id,
                        summary=_("Take in the dossier %(name)s", name=dossier.name),
                    )

    def action_receive(self):
        self._ocop_transition("receive", {"return_reason": False})

    def action_return(self, reason=None):
        """The programme office returns the dossier for completion."""
        if not reason:
            raise UserError(_("Say what the dossier lacks."))
        self._ocop_transition("return", {"return_reason": reason}, reason=reason)
        for dossier in self:
            dossier.message_post(
                body=_("Dossier returned for completion: %(reason)s", reason=reason),
                partner_ids=dossier.producer_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def action_review(self):
        self._ocop_transition("review")

    def action_open_return_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.dossier.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    def action_reject_knockout(self):
        """Reject the dossier on a dossier-level knock-out."""
        self._ocop_check_transition(self._ocop_transitions["reject_knockout"])
        for dossier in self:
            reasons = dossier._dossier_knockouts()
            if not reasons:
                raise UserError(_("Record the knock-out finding first."))
            dossier._reject(reasons)

    def _dossier_knockouts(self):
        self.ensure_one()
        reasons = []
        if self.knockout_forged:
            reasons.append(_("Forged dossier"))
        if self.knockout_food_safety:
            reasons.append(_("No food-safety establishment certificate as required"))
        return reasons

    def _reject(self, reasons):
        self.ensure_one()
        legal = self.criteria_set_id.rejection_rule or ""
        text = "; ".join(reasons)
        if legal:
            text = _("%(reasons)s. Legal basis: %(rule)s", reasons=text, rule=legal)
        self._ocop_write(
            {"state": "rejected", "rejection_reason": text, "result_stars": 0}
        )
        self._notify_result()

    # ------------------------------------------------------------------
    # Results
    # ------------------------------------------------------------------
    def _requirements(self):
        """Minimum-star requirements of the dossier's criteria set."""
        self.ensure_one()
        return self._batch_requirements().get(self.criteria_set_id.id, {})

    def _submitted_sheets(self):
        """The submitted sheets of the current session, as scoring.Sheet."""
        self.ensure_one()
        return self._batch_submitted_sheets()[self.id]

    def _batch_requirements(self):
        """Minimum-star requirements of the dossiers' criteria sets,
        ``{set id: requirements}``, read with one query for all the sets."""
        Option = self.env["ocop.criterion.option"]
        names = ["set_id", "criterion_id", "points", "min_star"]
        Option.flush_model(names)
        query = Option._search(
            [("set_id", "in", self.criteria_set_id.ids), ("min_star", ">", 0)]
        )
        self.env.cr.execute(
            query.select(*(SQL.identifier(Option._table, name) for name in names))
        )
        by_set = {set_id: [] for set_id in self.criteria_set_id.ids}
        for set_id, criterion_id, points, min_star in self.env.cr.fetchall():
            by_set[set_id].append((criterion_id, points, min_star))
        return {
            set_id: scoring.minima_requirements(options)
            for set_id, options in by_set.items()
        }

    def _batch_submitted_sheets(self):
        """The submitted sheets of each dossier's current session,
        ``{dossier id: [scoring.Sheet]}``, read with a constant number of
        queries whatever the number of dossiers, members and criteria: the
        sheets, then their lines as plain rows (the lines' record rules
        apply through ``_search``)."""
        # plain rows, not records: (sheet, dossier) of the dossiers' current
        # sessions (the sheets' record rules apply through _search)
        Evaluation = self.env["ocop.evaluation"]
        names = ["id", "dossier_id", "session_id"]
        Evaluation.flush_model([*names, "state"])
        query = Evaluation._search(
            [
                ("dossier_id", "in", self.ids),
                ("session_id", "in", self.session_id.ids),
                ("state", "=", "submitted"),
            ],
            order="id",
        )
        current = {dossier.id: dossier.session_id.id for dossier in self}
        evaluations = [
            (evaluation_id, dossier_id)
            for evaluation_id, dossier_id, session_id in self.env.execute_query(
                query.select(*(SQL.identifier(Evaluation._table, n) for n in names))
            )
            if session_id == current[dossier_id]
        ]
        sheets = {
            evaluation_id: scoring.Sheet(
                member=evaluation_id, ticks={}, parts={}, knockouts=()
            )
            for evaluation_id, __ in evaluations
        }
        Line = self.env["ocop.evaluation.line"]
        names = ["evaluation_id", "criterion_id", "points", "part_code", "knockout"]
        Line.flush_model([*names, "option_id"])
        query = Line._search([("evaluation_id", "in", list(sheets))])
        self.env.cr.execute(
            query.select(
                *(SQL.identifier(Line._table, name) for name in names),
                SQL("%s IS NOT NULL", SQL.identifier(Line._table, "option_id")),
            )
        )
        rows = self.env.cr.fetchall()
        knocked = {row[1] for row in rows if row[4]}
        knockout_rules = {
            criterion.id: _(
                "Criterion %(code)s: %(rule)s",
                code=criterion.code,
                rule=criterion.knockout_rule,
            )
            for criterion in self.env["ocop.criterion"].browse(knocked)
        }
        for evaluation_id, criterion_id, points, part_code, knockout, ticked in rows:
            sheet = sheets[evaluation_id]
            sheet.ticks[criterion_id] = points if ticked else None
            sheet.parts[criterion_id] = part_code
            if knockout:
                sheet.knockouts = (*sheet.knockouts, knockout_rules[criterion_id])
        result = {dossier.id: [] for dossier in self}
        for evaluation_id, dossier_id in evaluations:
            result[dossier_id].append(sheets[evaluation_id])
        return result

    def _compute_council_result(self):
        """Compute the council's result from the submitted sheets (scoring.py).
        The sheets, their lines and the requirements of every dossier are read
        together: the number of queries does not grow with the number of
        dossiers, members or criteria (only the writes do)."""
        # only the dossiers the session is scoring
        dossiers = self.filtered(lambda d: d.session_id and d.state == "council")
        if not dossiers:
            return
        sheets = dossiers._batch_submitted_sheets()
        requirements = dossiers._batch_requirements()
        params_of = {}
        for dossier in dossiers:
            council = dossier.session_id.council_id
            framework = dossier.framework_id
            if framework not in params_of:
                params_of[framework] = framework._scoring_params()
            params = params_of[framework]
            result = scoring.council_result(
                sheets[dossier.id],
                requirements.get(dossier.criteria_set_id.id, {}),
                bands=params["bands"],
                max_spread=council.max_spread,
                minima_rule=council.minima_rule,
                use_minima=params["use_minima"],
                min_certified_stars=params["min_certified_stars"],
                dossier_knockouts=dossier._dossier_knockouts(),
            )
            # provisional while the session scores: not tracked (see the
            # fields), and the write needs no tracking of the other fields
            dossier.with_context(tracking_disable=True)._ocop_write(
                {
                    "average_total": result.average_total,
                    "average_a": result.average_parts.get("A", 0.0),
                    "average_b": result.average_parts.get("B", 0.0),
                    "average_c": result.average_parts.get("C", 0.0),
                    "spread": result.spread,
                    "rescoring_required": result.rescoring_required,
                    "band_stars": result.band,
                    "cap_stars": result.cap,
                    "result_stars": result.stars,
                    "rejection_reason": "; ".join(result.knockout_reasons) or False,
                }
            )

    def _apply_council_result(self):
        """At the close of the session: reject, forward or propose recognition."""
        stray = self.filtered(lambda d: d.state != "council")
        if stray:
            raise UserError(
                _(
                    "%(dossiers)s did not go through the council's scoring.",
                    dossiers=", ".join(stray.mapped("display_name")),
                )
            )
        for dossier in self:
            if dossier.rejection_reason:
                dossier._reject([dossier.rejection_reason])
                continue
            framework = dossier.framework_id
            step, level = scoring.next_step(
                dossier.result_stars,
                dossier.council_level,
                {
                    3: framework.recognition_level_3,
                    4: framework.recognition_level_4,
                    5: framework.recognition_level_5,
                },
                framework.min_certified_stars,
            )
            vals = {"next_level": level or False}
            if step == "not_recognised":
                vals.update(
                    state="not_recognised",
                    result_note=_(
                        "%(avg)s points: %(stars)s stars, below the stars that are "
                        "recognised.",
                        avg=dossier.average_total,
                        stars=dossier.result_stars,
                    ),
                )
            elif step == "forward":
                vals.update(
                    state="forwarded",
                    potential_five_star=dossier.result_stars == 5,
                    result_note=_(
                        "%(avg)s points (%(stars)s stars): forwarded to the "
                        "%(level)s council.",
                        avg=dossier.average_total,
                        stars=dossier.result_stars,
                        level=dict(self._fields["next_level"].selection)[level],
                    ),
                )
            else:
                vals.update(
                    state="scored",
                    decision_level=level,
                    result_note=_(
                        "%(avg)s points: %(stars)s stars, to be recognised by the "
                        "%(level)s.",
                        avg=dossier.average_total,
                        stars=dossier.result_stars,
                        level=dict(self._fields["next_level"].selection)[level],
                    ),
                )
            dossier._ocop_write(vals)
            if step == "forward":
                dossier.message_post(body=dossier.result_note)
            else:
                dossier._notify_result()

    def action_send_to_next_level(self, session):
        """A forwarded dossier joins a session of the next level's council."""
        self._ocop_check_transition(self._ocop_transitions["send_to_next_level"])
        level = self.mapped("next_level")[0]
        if session.level != level:
            raise UserError(
                _(
                    "Choose a session of the %(level)s council.",
                    level=dict(
                        self._fields["next_level"]._description_selection(self.env)
                    ).get(level, level),
                )
            )
        self._ocop_transition("send_to_next_level", {"session_id": session.id})

    def action_record_decision(self, number, date, signer):
        """The competent level recognises the stars: decision and certificate."""
        self._ocop_check_transition(self._ocop_transitions["record_decision"])
        if not (number and date and signer):
            raise UserError(_("Give the decision's number, date and signer."))
        certificates = self.env["ocop.certificate"]
        for dossier in self:
            dossier._ocop_transition(
                "record_decision",
                {
                    "decision_number": number,
                    "decision_date": date,
                    "decision_signer": signer,
                },
            )
            certificates |= dossier._issue_certificate()
        return certificates

    def action_open_decision_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.dossier.decision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_ids": self.ids},
        }

    def _issue_certificate(self):
        self.ensure_one()
        certificate = self.env["ocop.certificate"]._ocop_create(
            {
                "dossier_id": self.id,
                "product_id": self.product_id.id,
                "stars": self.result_stars,
                "framework_id": self.framework_id.id,
                "issuing_level": self.decision_level,
                "issue_date": self.decision_date,
                "decision_number": self.decision_number,
                "decision_signer": self.decision_signer,
                "score": self.average_total,
            }
        )
        self._ocop_write({"certificate_id": certificate.id})
        self._notify_result()
        return certificate

    def _notify_result(self):
        """Mail the producer and the commune's officers the result."""
        template = self.env.ref("ocop_certification.mail_template_dossier_result")
        for dossier in self:
            partners = dossier.producer_id | dossier._commune_officers().partner_id
            dossier.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=partners.ids,
            )

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_certification.ocop_evaluation_action"
        )
        action["domain"] = [("dossier_id", "=", self.id)]
        return action
