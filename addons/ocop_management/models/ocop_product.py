# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..workflow import COMMUNE, PROGRAMME, Transition

_lt = LazyTranslate(__name__)


class OcopProduct(models.Model):
    """An OCOP product of a producer. The goods or services actually sold stay
    Odoo ``product.template`` records: this record links to them, it does not
    copy them."""

    _name = "ocop.product"
    _description = "OCOP Product"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "image.mixin",
        "ocop.workflow.mixin",
    ]
    _order = "code_year desc, code, id desc"
    _rec_names_search = ["name", "code"]

    _ocop_transitions = {
        "start_development": Transition(
            ("draft", "stopped"),
            "developing",
            groups=(COMMUNE,),
            label=_lt("Starting development"),
        ),
        "stop_production": Transition(
            ("draft", "developing", "certified"),
            "stopped",
            groups=(COMMUNE,),
            label=_lt("Stopping production"),
        ),
        "reset_to_draft": Transition(
            ("developing", "stopped"),
            "draft",
            groups=(PROGRAMME,),
            label=_lt("Resetting"),
        ),
        # "certified" is written by the certificate issued from a recorded
        # decision (ocop_certification), through the private path.
    }
    # the code is given when the product is registered, never entered
    _ocop_guarded_fields = ("code", "code_sequence")
    # what the certificate recognised (the public verification page shows it)
    _ocop_frozen = {
        "certified": ("name", "producer_id", "product_group_id", "commune_id")
    }

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        string="Product Code",
        copy=False,
        readonly=True,
        index=True,
        tracking=True,
        help="(province code)-(commune code)-(sequence)-(year), as printed on "
        "the scoring sheet. Given when the product is registered.",
    )
    code_sequence = fields.Integer(
        string="Sequence in Commune",
        copy=False,
        readonly=True,
        help="Number of the product in its commune's list.",
    )
    code_year = fields.Integer(
        string="Year",
        default=lambda self: fields.Date.context_today(self).year,
        required=True,
        help="Year of the evaluation the product was registered for.",
    )
    producer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('ocop_is_producer', '=', True)]",
    )
    producer_entity_type = fields.Selection(related="producer_id.ocop_entity_type")
    product_group_id = fields.Many2one(
        "ocop.product.group",
        string="Product Set",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('level', '=', 'set')]",
        help="The product set of the classification; it decides the criteria set "
        "used to score the product.",
    )
    sector_id = fields.Many2one(
        "ocop.product.group",
        compute="_compute_sector_id",
        store=True,
        index=True,
    )
    commune_id = fields.Many2one(
        "ocop.admin.unit",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('level', '=', 'commune')]",
    )
    province_id = fields.Many2one(
        related="commune_id.province_id", string="Province", store=True, index=True
    )
    product_tmpl_ids = fields.Many2many(
        "product.template",
        "ocop_product_product_template_rel",
        "ocop_product_id",
        "product_tmpl_id",
        string="Products Sold",
        help="The products of the producer's catalogue sold as this OCOP product.",
    )
    description = fields.Html()
    state = fields.Selection(
        [
            ("draft", "Registered"),
            ("developing", "In Development"),
            ("certified", "Certified"),
            ("stopped", "Production Stopped"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer()

    _sql_constraints = [
        ("code_uniq", "unique(code)", "This OCOP product code is already used."),
        (
            "commune_sequence_uniq",
            "unique(commune_id, code_sequence)",
            "This sequence number is already used in the commune.",
        ),
    ]

    @api.depends("product_group_id.parent_path")
    def _compute_sector_id(self):
        groups = self.product_group_id
        sector_ids = {
            group: int(group.parent_path.split("/")[0])
            for group in groups
            if group.parent_path
        }
        for product in self:
            product.sector_id = sector_ids.get(product.product_group_id, False)

    @api.depends("name", "code")
    def _compute_display_name(self):
        for product in self:
            product.display_name = (
                f"[{product.code}] {product.name}" if product.code else product.name
            )

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    @api.constrains("producer_id")
    def _check_producer(self):
        for product in self:
            if not product.producer_id.ocop_is_producer:
                raise ValidationError(
                    _(
                        "%(partner)s is not an OCOP producer. Only cooperatives, "
                        "cooperative groups, enterprises and registered household "
                        "businesses marked as OCOP producers may own OCOP products.",
                        partner=product.producer_id.display_name,
                    )
                )

    @api.constrains("commune_id", "producer_id")
    def _check_commune(self):
        for product in self:
            commune = product.commune_id
            if commune.level != "commune":
                raise ValidationError(
                    _("%(unit)s is not a commune.", unit=commune.display_name)
                )
            producer_province = product.producer_id.ocop_admin_unit_id.province_id
            if producer_province and not self._same_territory(
                producer_province, commune.province_id
            ):
                raise ValidationError(
                    _(
                        "The commune %(commune)s lies outside the province of "
                        "the producer %(producer)s (%(province)s).",
                        commune=commune.display_name,
                        producer=product.producer_id.display_name,
                        province=producer_province.display_name,
                    )
                )

    @api.model
    def _same_territory(self, unit_a, unit_b):
        """Two provinces are the same territory when equal or when one is the
        historical predecessor of the other (e.g. Gia Lai before and after 2025)."""
        return (
            unit_a == unit_b
            or unit_b in unit_a.successor_ids
            or unit_a in unit_b.successor_ids
        )

    @api.model
    def _check_codes_available(self, codes, exclude=None):
        """Refuse codes already used, before anything is written (the SQL
        constraint stays as the last guard against races)."""
        codes = [code for code in codes if code]
        if len(codes) != len(set(codes)):
            raise ValidationError(_("The same OCOP product code is given twice."))
        if not codes:
            return
        domain = [("code", "in", codes)]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        taken = self.sudo().with_context(active_test=False).search(domain)
        if taken:
            raise ValidationError(
                _(
                    "The OCOP product code %(code)s is already used by another "
                    "product. Product codes are unique.",
                    code=", ".join(taken.mapped("code")),
                )
            )

    @api.constrains("product_tmpl_ids")
    def _check_product_templates(self):
        self.product_tmpl_ids._check_single_ocop_product()

    @api.constrains("code_year")
    def _check_code_year(self):
        for product in self:
            if not 2000 <= product.code_year <= 2100:
                raise ValidationError(
                    _(
                        "%(product)s: the year %(year)s is not a valid year of "
                        "evaluation.",
                        product=product.name,
                        year=product.code_year,
                    )
                )

    @api.constrains("product_group_id")
    def _check_product_group(self):
        for product in self:
            if product.product_group_id.level != "set":
                raise ValidationError(
                    _(
                        "Choose a product set, not a %(level)s, for %(product)s.",
                        level=product.product_group_id.level,
                        product=product.name,
                    )
                )

    # ------------------------------------------------------------------
    # Product code
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._check_codes_available([vals.get("code") for vals in vals_list])
        products = super().create(vals_list)
        products.filtered(lambda p: not p.code)._assign_code()
        return products

    def write(self, vals):
        if vals.get("code"):
            if len(self) > 1:
                raise ValidationError(_("Each OCOP product has its own code."))
            self._check_codes_available([vals["code"]], exclude=self)
        if "commune_id" in vals and any(
            p.code and p.commune_id.id != vals["commune_id"] for p in self
        ):
            raise UserError(
                _(
                    "The commune of a product that already has its code cannot be "
                    "changed: the code carries the commune. Register the product "
                    "again in the new commune."
                )
            )
        return super().write(vals)

    def _assign_code(self):
        """Give each product the next number of its commune. The commune rows are
        locked first so that two officers registering at once never get the
        same number."""
        if not self:
            return
        communes = self.commune_id
        self.env.cr.execute(
            "SELECT id FROM ocop_admin_unit WHERE id IN %s ORDER BY id FOR UPDATE",
            [tuple(communes.ids)],
        )
        self.flush_model(["commune_id", "code_sequence"])
        self.env.cr.execute(
            """SELECT commune_id, COALESCE(MAX(code_sequence), 0)
                 FROM ocop_product WHERE commune_id IN %s GROUP BY commune_id""",
            [tuple(communes.ids)],
        )
        last = dict(self.env.cr.fetchall())
        for product in self.sorted("id"):
            commune = product.commune_id
            last[commune.id] = last.get(commune.id, 0) + 1
            product._ocop_write(
                {
                    "code_sequence": last[commune.id],
                    "code": product._format_code(last[commune.id]),
                }
            )

    def _format_code(self, sequence):
        self.ensure_one()
        return "%s-%s-%03d-%s" % (
            self.commune_id.province_id.code,
            self.commune_id.code,
            sequence,
            self.code_year,
        )

    # ------------------------------------------------------------------
    # State changes
    # ------------------------------------------------------------------
    def action_start_development(self):
        self._ocop_transition("start_development")

    def action_stop_production(self):
        self._ocop_transition("stop_production")

    def action_reset_to_draft(self):
        self._ocop_transition("reset_to_draft")

    def action_view_product_templates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "product.product_template_action"
        )
        action["domain"] = [("id", "in", self.product_tmpl_ids.ids)]
        action["context"] = {}
        return action
