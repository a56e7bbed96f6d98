# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..workflow import COMMUNE, PORTAL, PROGRAMME, Transition

IDEA_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("reviewed", "Reviewed by the Commune"),
    ("selected", "Selected"),
    ("rejected", "Rejected"),
]
# What the producer registers: frozen once the idea is submitted, until it
# is reset to draft.
PRODUCER_FIELDS = (
    "name",
    "cycle_id",
    "producer_id",
    "is_new_product",
    "ocop_product_id",
    "product_group_id",
    "description",
    "raw_materials",
    "raw_material_origin",
    "target_market",
    "production_capacity",
)
_lt = LazyTranslate(__name__)


class OcopProductIdea(models.Model):
    """Step 2: a producer's product idea (phiếu đăng ký ý tưởng sản phẩm)."""

    _name = "ocop.product.idea"
    _description = "OCOP Product Idea"
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
        "review": Transition(
            ("submitted",), "reviewed", groups=(COMMUNE,), label=_lt("Reviewing")
        ),
        # the selection is the programme office's decision
        "select": Transition(
            ("reviewed",), "selected", groups=(PROGRAMME,), label=_lt("Selecting")
        ),
        # a reason is required (action_reject): it is the tracked
        # reject_reason, not a note per idea, so that rejecting hundreds of
        # ideas at once costs the same queries as rejecting ten
        "reject": Transition(
            ("submitted", "reviewed"),
            "rejected",
            groups=(PROGRAMME,),
            label=_lt("Rejecting"),
        ),
        "reset_to_draft": Transition(
            ("submitted", "rejected"),
            "draft",
            groups=(COMMUNE,),
            label=_lt("Resetting to draft"),
        ),
    }
    _ocop_guarded_fields = ("reject_reason", "result_pending")
    _ocop_frozen = dict.fromkeys(("submitted", "reviewed"), PRODUCER_FIELDS) | {
        "selected": "__all__",
        "rejected": "__all__",
    }

    name = fields.Char(string="Idea", required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, default="/")
    cycle_id = fields.Many2one(
        "ocop.cycle", required=True, index=True, ondelete="restrict", tracking=True
    )
    producer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('ocop_is_producer', '=', True)]",
        tracking=True,
    )
    commune_id = fields.Many2one(
        related="producer_id.ocop_admin_unit_id", store=True, index=True
    )
    province_id = fields.Many2one(
        related="commune_id.province_id", store=True, index=True
    )
    is_new_product = fields.Boolean(
        string="New Product", default=True, help="A new product, or one already made."
    )
    ocop_product_id = fields.Many2one(
        "ocop.product",
        string="OCOP Product",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The existing OCOP product, or the one created when the idea is selected.",
    )
    product_group_id = fields.Many2one(
        "ocop.product.group",
        string="Product Set",
        required=True,
        domain="[('level', '=', 'set')]",
        ondelete="restrict",
    )
    description = fields.Text(required=True)
    raw_materials = fields.Text()
    raw_material_origin = fields.Text(string="Origin of the Raw Materials")
    target_market = fields.Text()
    production_capacity = fields.Char()
    reject_reason = fields.Text(tracking=True, copy=False)
    review_note = fields.Text(string="Commune's Review", tracking=True)
    state = fields.Selection(
        IDEA_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    plan_ids = fields.One2many("ocop.business.plan", "idea_id")
    result_pending = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="The producer is still to be told the selection result (sent by a "
        "background job, so that selecting hundreds of ideas stays fast).",
    )
    color = fields.Integer()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].next_by_code(
                    "ocop.product.idea"
                )
        return super().create(vals_list)

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for idea in self:
            idea.access_url = f"/my/ocop/ideas/{idea.id}"

    @api.constrains("producer_id")
    def _check_producer(self):
        for idea in self:
            if not idea.producer_id.ocop_is_producer:
                raise ValidationError(
                    _(
                        "%(partner)s is not an eligible OCOP producer: only "
                        "cooperatives, cooperative groups, enterprises and registered "
                        "household businesses may register product ideas.",
                        partner=idea.producer_id.display_name,
                    )
                )

    @api.constrains("ocop_product_id", "producer_id")
    def _check_product(self):
        for idea in self:
            if (
                idea.ocop_product_id
                and idea.ocop_product_id.producer_id != idea.producer_id
            ):
                raise ValidationError(
                    _(
                        "The OCOP product %(product)s belongs to another producer.",
                        product=idea.ocop_product_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Transitions, each handing an activity to whoever acts next
    # ------------------------------------------------------------------
    def _officers(self, group_xmlid, exclude_xmlid=None):
        """Users of a group whose territories contain the idea's commune."""
        self.ensure_one()
        if not self.commune_id:
            return self.env["res.users"]
        return self.commune_id._officers(group_xmlid, exclude_xmlid)

    def _hand_over(self, summary, users):
        self.activity_unlink(["mail.mail_activity_data_todo"])
        for user in users:
            self.activity_schedule(
                "mail.mail_activity_data_todo", user_id=user.id, summary=summary
            )

    def action_submit(self):
        self._ocop_check_transition(self._ocop_transitions["submit"])
        ideas = self._ocop_as_actor()
        ideas._ocop_transition("submit")
        for idea in ideas:
            idea._hand_over(
                _("Review the product idea %(name)s", name=idea.name),
                idea._officers(
                    "ocop_management.group_ocop_commune_officer",
                    "ocop_management.group_ocop_programme_officer",
                ),
            )

    def action_review(self):
        """The commune has reviewed the idea and passes it on."""
        self._ocop_transition("review")
        for idea in self:
            idea._hand_over(
                _("Select or reject the product idea %(name)s", name=idea.name),
                idea._officers(
                    "ocop_management.group_ocop_programme_officer",
                    "ocop_management.group_ocop_manager",
                ),
            )

    def action_select(self):
        """The programme office selects the ideas: each creates (or links) its
        OCOP product. Done in batch; the producers are told by a background
        job."""
        self._ocop_check_transition(self._ocop_transitions["select"])
        to_create = self.filtered(lambda idea: not idea.ocop_product_id)
        products = self.env["ocop.product"].create(
            [
                {
                    "name": idea.name,
                    "producer_id": idea.producer_id.id,
                    "commune_id": idea.commune_id.id,
                    "product_group_id": idea.product_group_id.id,
                    "code_year": idea.cycle_id.year,
                    "description": idea.description,
                }
                for idea in to_create
            ]
        )
        for idea, product in zip(to_create, products, strict=True):
            idea._ocop_write({"ocop_product_id": product.id})
        self._ocop_transition("select", {"result_pending": True})
        self._after_decision()

    def action_reject(self, reason=None):
        self._ocop_check_transition(self._ocop_transitions["reject"])
        if not (reason and str(reason).strip()):
            raise UserError(_("Give the reason for rejecting the idea."))
        self._ocop_transition(
            "reject", {"reject_reason": reason, "result_pending": True}
        )
        self._after_decision()

    def _after_decision(self):
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self.env.ref("ocop_management.ir_cron_notify_idea_results")._trigger()

    @api.model
    def _cron_notify_results(self, batch_size=500):
        """Tell the producers the result of the selection, in batches."""
        ideas = self.search([("result_pending", "=", True)], limit=batch_size)
        for idea in ideas:
            if idea.state == "selected":
                body = _(
                    "Your product idea is selected: prepare the business plan of "
                    "%(product)s.",
                    product=idea.ocop_product_id.display_name,
                )
            else:
                body = _(
                    "Your product idea is not selected: %(reason)s",
                    reason=idea.reject_reason,
                )
            idea.message_post(
                body=body,
                partner_ids=idea.producer_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        ideas._ocop_write({"result_pending": False})
        if len(ideas) == batch_size:
            self.env.ref("ocop_management.ir_cron_notify_idea_results")._trigger()
        return ideas

    def action_reset_to_draft(self):
        self._ocop_transition("reset_to_draft", {"reject_reason": False})

    def action_open_decision_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.product.idea.decision",
            "view_mode": "form",
            "target": "new",
            "context": dict(
                self.env.context, active_model=self._name, active_ids=self.ids
            ),
        }
