# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..workflow import COMMUNE, PORTAL, PROGRAMME, Transition

PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("evaluated", "Evaluated"),
    ("selected", "Selected"),
    ("rejected", "Not Selected"),
]
# What the producer writes: frozen once the plan is submitted, until it is
# reset to draft.
PRODUCER_FIELDS = (
    "name",
    "idea_id",
    "company_id",
    "goals",
    "market",
    "raw_materials",
    "labour",
    "technology",
    "investment_total",
    "investment_sources",
    "revenue_forecast",
    "profit_forecast",
    "support_needed",
    "timeline",
    "target_stars",
)
# The evaluation: frozen once it is done.
EVALUATION_FIELDS = ("score_ids", "evaluation_note")
_lt = LazyTranslate(__name__)

# The evaluation checklist of a business plan (what the seed asks a plan to
# make clear: orientations and solutions towards the criteria of the rating).
DEFAULT_CHECKLIST = [
    ("Mục tiêu và định hướng phân hạng sản phẩm rõ ràng", 15),
    ("Thị trường, khách hàng và kênh phân phối", 15),
    ("Nguồn nguyên liệu và liên kết chuỗi giá trị", 15),
    ("Lao động, ưu tiên lao động địa phương", 10),
    ("Công nghệ, quy trình sản xuất và tiêu chuẩn chất lượng", 15),
    ("Vốn đầu tư và nguồn vốn khả thi", 15),
    ("Hiệu quả kinh tế (doanh thu, lợi nhuận)", 10),
    ("Kế hoạch và tiến độ thực hiện", 5),
]


class OcopBusinessPlan(models.Model):
    """Steps 3 and 4: the business plan of a selected product idea (phương án
    sản xuất kinh doanh), its evaluation and selection, and its follow-up."""

    _name = "ocop.business.plan"
    _description = "OCOP Business Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "ocop.workflow.mixin",
    ]
    _order = "id desc"

    _ocop_producer_field = "producer_id"
    _ocop_transitions = {
        # the producer (portal) or the commune, on the producer's behalf
        "submit": Transition(
            ("draft",), "submitted", groups=(COMMUNE, PORTAL), label=_lt("Submitting")
        ),
        # evaluating and selecting are the programme office's decisions
        "evaluate": Transition(
            ("submitted",), "evaluated", groups=(PROGRAMME,), label=_lt("Evaluating")
        ),
        "select": Transition(
            ("evaluated",), "selected", groups=(PROGRAMME,), label=_lt("Deciding")
        ),
        "reject": Transition(
            ("evaluated",),
            "rejected",
            groups=(PROGRAMME,),
            reason=True,
            label=_lt("Deciding"),
        ),
        "reset_to_draft": Transition(
            ("submitted", "rejected"),
            "draft",
            groups=(COMMUNE,),
            label=_lt("Resetting to draft"),
        ),
    }
    # computed from the evaluation checklist and the follow-up only
    _ocop_guarded_fields = ("score_total", "score_max", "progress")
    _ocop_frozen = {
        "submitted": PRODUCER_FIELDS,
        "evaluated": PRODUCER_FIELDS + ("score_ids",),
        "selected": PRODUCER_FIELDS + EVALUATION_FIELDS,
        "rejected": PRODUCER_FIELDS + EVALUATION_FIELDS,
    }

    name = fields.Char(required=True, tracking=True)
    idea_id = fields.Many2one(
        "ocop.product.idea",
        string="Product Idea",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    cycle_id = fields.Many2one(related="idea_id.cycle_id", store=True, index=True)
    producer_id = fields.Many2one(related="idea_id.producer_id", store=True, index=True)
    product_id = fields.Many2one(
        related="idea_id.ocop_product_id", store=True, index=True, string="OCOP Product"
    )
    product_group_id = fields.Many2one(related="idea_id.product_group_id", store=True)
    commune_id = fields.Many2one(related="idea_id.commune_id", store=True, index=True)
    province_id = fields.Many2one(
        related="commune_id.province_id", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    goals = fields.Text()
    market = fields.Text()
    raw_materials = fields.Text(string="Raw Materials and Links")
    labour = fields.Text()
    technology = fields.Text()
    investment_total = fields.Monetary(string="Investment")
    investment_sources = fields.Text(string="Sources of Investment")
    revenue_forecast = fields.Monetary()
    profit_forecast = fields.Monetary()
    support_needed = fields.Text()
    timeline = fields.Text()
    target_stars = fields.Selection(
        [("3", "3 stars"), ("4", "4 stars"), ("5", "5 stars")], string="Target Rating"
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "ocop_business_plan_attachment_rel",
        "plan_id",
        "attachment_id",
        string="Documents",
    )
    score_ids = fields.One2many(
        "ocop.business.plan.score", "plan_id", string="Evaluation", copy=False
    )
    score_total = fields.Float(compute="_compute_score_total", store=True)
    score_max = fields.Float(compute="_compute_score_total", store=True)
    evaluation_note = fields.Text(tracking=True)
    progress_ids = fields.One2many(
        "ocop.business.plan.progress", "plan_id", string="Follow-up"
    )
    progress = fields.Integer(
        compute="_compute_progress", store=True, string="Progress (%)"
    )
    support_ids = fields.One2many("ocop.support", "plan_id", string="Supports")
    support_amount = fields.Monetary(compute="_compute_support_amount")
    state = fields.Selection(
        PLAN_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    color = fields.Integer()

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        # The evaluation checklist is the programme's, not the filer's input:
        # a commune officer (or the portal) files a plan, the programme office
        # scores it, so the empty lines are created as superuser.
        checklist = [
            {"name": name, "max_score": max_score, "sequence": i}
            for i, (name, max_score) in enumerate(DEFAULT_CHECKLIST)
        ]
        self.env["ocop.business.plan.score"].sudo().create(
            [
                {**line, "plan_id": plan.id}
                for plan, vals in zip(plans, vals_list, strict=True)
                if "score_ids" not in vals
                for line in checklist
            ]
        )
        return plans

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for plan in self:
            plan.access_url = f"/my/ocop/plans/{plan.id}"

    @api.depends("score_ids.score", "score_ids.max_score")
    def _compute_score_total(self):
        for plan in self:
            plan.score_total = sum(plan.score_ids.mapped("score"))
            plan.score_max = sum(plan.score_ids.mapped("max_score"))

    @api.depends("progress_ids.progress", "progress_ids.date")
    def _compute_progress(self):
        for plan in self:
            last = plan.progress_ids.sorted(lambda p: (p.date, p.id))[-1:]
            plan.progress = last.progress

    def _compute_support_amount(self):
        amounts = dict(
            self.env["ocop.support"]._read_group(
                [("plan_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["plan_id"],
                ["amount:sum"],
            )
        )
        for plan in self:
            plan.support_amount = amounts.get(plan, 0.0)

    @api.constrains("idea_id")
    def _check_idea_selected(self):
        for plan in self:
            if plan.idea_id.state != "selected":
                raise ValidationError(
                    _(
                        "A business plan is made for a selected product idea; "
                        "%(idea)s is not selected.",
                        idea=plan.idea_id.name,
                    )
                )

    @api.constrains("investment_total", "revenue_forecast")
    def _check_amounts(self):
        for plan in self:
            if plan.investment_total < 0 or plan.revenue_forecast < 0:
                raise ValidationError(
                    _(
                        "%(plan)s: the investment and the forecast revenue cannot "
                        "be negative.",
                        plan=plan.name,
                    )
                )

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def action_submit(self):
        self._ocop_check_transition(self._ocop_transitions["submit"])
        plans = self._ocop_as_actor()
        plans._ocop_transition("submit")
        for plan in plans:
            for user in plan.idea_id._officers(
                "ocop_management.group_ocop_programme_officer",
                "ocop_management.group_ocop_manager",
            ):
                plan.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=_("Evaluate the business plan %(name)s", name=plan.name),
                )

    def action_evaluate(self):
        self._ocop_check_transition(self._ocop_transitions["evaluate"])
        for plan in self:
            if not any(plan.score_ids.mapped("score")):
                raise UserError(
                    _("Score the checklist of %(name)s first.", name=plan.name)
                )
        self._ocop_transition("evaluate")

    def _decide(self, name, note=None, reason=None):
        vals = {"evaluation_note": note} if note else {}
        self._ocop_transition(name, vals, reason=reason)
        template = self.env.ref("ocop_management.mail_template_business_plan_result")
        for plan in self:
            plan.activity_unlink(["mail.mail_activity_data_todo"])
            officers = plan.idea_id._officers(
                "ocop_management.group_ocop_commune_officer",
                "ocop_management.group_ocop_programme_officer",
            )
            plan.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=(plan.producer_id | officers.partner_id).ids,
            )

    def action_select(self):
        self._decide("select")

    def action_reject(self, note=None):
        """Not selected: the reason is the note given, or the evaluation
        note of every plan."""
        if not (note or all(self.mapped("evaluation_note"))):
            raise UserError(_("Say why the business plan is not selected."))
        for plan in self:
            plan._ocop_check_transition(
                self._ocop_transitions["reject"], note or plan.evaluation_note
            )
        for plan in self:
            plan._decide("reject", note, reason=note or plan.evaluation_note)

    def action_reset_to_draft(self):
        self._ocop_transition("reset_to_draft")

    def action_view_supports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_management.ocop_support_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action
