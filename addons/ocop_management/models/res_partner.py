# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# The entity types that may take part in OCOP (QĐ 26/2026, Điều 2; the seed:
# "Hợp tác xã, tổ hợp tác, doanh nghiệp nhỏ và vừa, các hộ sản xuất có giấy
# đăng ký kinh doanh").
ELIGIBLE_ENTITY_TYPES = ("cooperative", "cooperative_group", "enterprise", "household")
# Entity types whose registration number is their legal existence.
REGISTERED_ENTITY_TYPES = ("cooperative", "enterprise", "household")


class ResPartner(models.Model):
    _inherit = "res.partner"

    ocop_entity_type = fields.Selection(
        [
            ("cooperative", "Cooperative"),
            ("cooperative_group", "Cooperative Group"),
            ("enterprise", "Enterprise"),
            ("household", "Registered Household Business"),
            ("agency", "Public Agency"),
            ("other", "Other Organisation or Individual"),
        ],
        string="OCOP Entity Type",
        index=True,
        tracking=True,
    )
    ocop_is_producer = fields.Boolean(
        string="OCOP Producer",
        index=True,
        tracking=True,
        help="An OCOP producer (chủ thể OCOP): a cooperative, cooperative group, "
        "enterprise or registered household business taking part in OCOP.",
    )
    ocop_admin_unit_id = fields.Many2one(
        "ocop.admin.unit",
        string="Administrative Unit",
        index=True,
        tracking=True,
        ondelete="restrict",
        help="The commune (or, for an agency, the province) where the producer "
        "is registered.",
    )
    ocop_province_id = fields.Many2one(
        related="ocop_admin_unit_id.province_id",
        string="OCOP Province",
        store=True,
        index=True,
    )
    ocop_business_reg_no = fields.Char(
        string="Business Registration No.", tracking=True, copy=False
    )
    ocop_business_reg_date = fields.Date(string="Business Registration Date")
    ocop_founding_date = fields.Date(string="Founding Date")
    ocop_representative_name = fields.Char(string="Legal Representative")
    ocop_representative_gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")],
        string="Representative's Gender",
    )
    ocop_representative_ethnicity = fields.Char(
        string="Representative's Ethnicity",
        help="As asked by the registration forms (e.g. Kinh, Jrai, Ba Na).",
    )
    ocop_representative_position = fields.Char(string="Representative's Position")
    ocop_product_ids = fields.One2many(
        "ocop.product", "producer_id", string="OCOP Products"
    )
    ocop_product_count = fields.Integer(
        string="OCOP Product Count", compute="_compute_ocop_product_count"
    )

    _sql_constraints = [
        (
            "ocop_business_reg_no_uniq",
            "unique(ocop_business_reg_no)",
            "Another partner already has this business registration number.",
        ),
    ]

    def _compute_ocop_product_count(self):
        counts = dict(
            self.env["ocop.product"]._read_group(
                [("producer_id", "in", self.ids)], ["producer_id"], ["__count"]
            )
        )
        for partner in self:
            partner.ocop_product_count = counts.get(partner, 0)

    @api.onchange("ocop_entity_type")
    def _onchange_ocop_entity_type(self):
        if self.ocop_entity_type in ELIGIBLE_ENTITY_TYPES:
            self.ocop_is_producer = True
            self.is_company = True
        elif self.ocop_entity_type:
            self.ocop_is_producer = False

    @api.constrains(
        "ocop_is_producer",
        "ocop_entity_type",
        "ocop_business_reg_no",
        "ocop_admin_unit_id",
    )
    def _check_ocop_producer(self):
        types = dict(self._fields["ocop_entity_type"]._description_selection(self.env))
        for partner in self.filtered("ocop_is_producer"):
            if partner.ocop_entity_type not in ELIGIBLE_ENTITY_TYPES:
                raise ValidationError(
                    _(
                        "%(partner)s cannot be an OCOP producer: only cooperatives, "
                        "cooperative groups, enterprises and registered household "
                        "businesses may take part in OCOP (entity type: %(type)s).",
                        partner=partner.display_name,
                        type=types.get(partner.ocop_entity_type, _("not set")),
                    )
                )
            if (
                partner.ocop_entity_type in REGISTERED_ENTITY_TYPES
                and not (partner.ocop_business_reg_no or "").strip()
            ):
                if partner.ocop_entity_type == "household":
                    message = _(
                        "%(partner)s is a household without a business "
                        "registration: only households with a business "
                        "registration certificate may take part in OCOP. Enter "
                        "the business registration number first.",
                        partner=partner.display_name,
                    )
                else:
                    message = _(
                        "%(partner)s (%(type)s) needs its business registration "
                        "number to take part in OCOP.",
                        partner=partner.display_name,
                        type=types[partner.ocop_entity_type],
                    )
                raise ValidationError(message)
            if not partner.ocop_admin_unit_id:
                raise ValidationError(
                    _(
                        "Choose the administrative unit (commune) of the OCOP "
                        "producer %(partner)s.",
                        partner=partner.display_name,
                    )
                )
            if partner.ocop_admin_unit_id.level != "commune":
                raise ValidationError(
                    _(
                        "An OCOP producer is registered in a commune; %(unit)s "
                        "is not a commune.",
                        unit=partner.ocop_admin_unit_id.display_name,
                    )
                )

    def action_view_ocop_products(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_management.ocop_product_action"
        )
        action["domain"] = [("producer_id", "=", self.id)]
        action["context"] = {"default_producer_id": self.id}
        return action
