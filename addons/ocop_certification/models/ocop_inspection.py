# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ocop_management.workflow import (
    INSPECTOR,
    MANAGER,
    PROGRAMME,
    Transition,
)

INSPECTION_TYPES = [
    ("post_control", "Post-control of Criteria"),
    ("mark_use", "Use of the OCOP Mark"),
    ("market", "Market Surveillance"),
    ("food_safety", "Food Safety"),
]

# The default checklist of each type of inspection: (item, requirement). The
# items are the wording of the inspection forms, in Vietnamese like the
# criteria sets (QĐ 26/2026, QĐ 1162/QĐ-VPĐP-OCOP, food-safety and labelling
# rules); the inspectors may add, remove or reword lines.
DEFAULT_CHECKLISTS = {
    "post_control": [
        (
            "Giấy chứng nhận sản phẩm OCOP còn hiệu lực",
            "Giấy chứng nhận chưa hết hạn (36 tháng kể từ ngày cấp), chưa bị thu hồi.",
        ),
        (
            "Sản phẩm duy trì chất lượng như khi được đánh giá, phân hạng",
            "Chỉ tiêu chất lượng, an toàn thực phẩm theo tiêu chuẩn đã công bố; "
            "phiếu kết quả kiểm nghiệm định kỳ.",
        ),
        (
            "Nguồn nguyên liệu được duy trì",
            "Nguyên liệu có nguồn gốc rõ ràng, vùng nguyên liệu như trong hồ sơ.",
        ),
        (
            "Sử dụng lao động địa phương",
            "Tỷ lệ lao động địa phương như đã kê khai trong hồ sơ.",
        ),
        (
            "Bao bì, nhãn hàng hóa đúng quy định",
            "Nhãn ghi đủ nội dung bắt buộc theo Nghị định 43/2017/NĐ-CP "
            "(sửa đổi bởi Nghị định 111/2021/NĐ-CP).",
        ),
        (
            "Chủ thể duy trì hoạt động sản xuất, kinh doanh sản phẩm",
            "Cơ sở đang sản xuất; đăng ký kinh doanh còn hiệu lực.",
        ),
        (
            "Hồ sơ truy xuất nguồn gốc, sổ sách ghi chép sản xuất",
            "Ghi chép nhập nguyên liệu, sản xuất, xuất bán; mã truy xuất (nếu có).",
        ),
    ],
    "mark_use": [
        (
            "Sử dụng đúng mẫu nhãn hiệu chứng nhận",
            "Đúng mẫu, màu sắc, tỷ lệ theo Quy chế ban hành kèm theo Quyết định "
            "số 1162/QĐ-VPĐP-OCOP.",
        ),
        (
            "Nhãn hiệu chỉ dùng cho sản phẩm đã được công nhận",
            "Không gắn nhãn hiệu lên sản phẩm khác của chủ thể.",
        ),
        (
            "Giấy chứng nhận còn hiệu lực",
            "Không in, gắn nhãn hiệu có hạng sao khi giấy chứng nhận đã hết hạn "
            "hoặc bị thu hồi.",
        ),
        (
            "Số sao trên nhãn hiệu đúng hạng được công nhận",
            "Số sao in trên bao bì, ấn phẩm bằng số sao của giấy chứng nhận.",
        ),
        (
            "Không sử dụng nhãn hiệu gây nhầm lẫn",
            "Không gây nhầm lẫn về nguồn gốc, chất lượng hoặc hạng của sản phẩm.",
        ),
        (
            "Phương tiện sử dụng nhãn hiệu",
            "Bao bì, cơ sở, phương tiện vận chuyển, quảng cáo, giấy tờ giao dịch "
            "như đã đăng ký sử dụng.",
        ),
    ],
    "market": [
        (
            "Đăng ký kinh doanh của cơ sở",
            "Giấy chứng nhận đăng ký kinh doanh phù hợp với ngành nghề.",
        ),
        (
            "Hóa đơn, chứng từ chứng minh nguồn gốc hàng hóa",
            "Hàng hóa sản xuất, vận chuyển, lưu thông có hóa đơn, chứng từ hợp pháp.",
        ),
        (
            "Nhãn hàng hóa đúng quy định",
            "Nhãn ghi đủ nội dung bắt buộc; hàng còn hạn sử dụng.",
        ),
        (
            "Không kinh doanh hàng giả, hàng nhái sản phẩm OCOP",
            "Không giả mạo tên, nhãn hiệu, hạng sao của sản phẩm OCOP.",
        ),
        (
            "Niêm yết giá và bán đúng giá niêm yết",
            "Giá được niêm yết rõ ràng tại nơi bán.",
        ),
        (
            "Điều kiện bảo quản, vận chuyển sản phẩm",
            "Bảo quản, vận chuyển theo hướng dẫn của nhà sản xuất.",
        ),
    ],
    "food_safety": [
        (
            "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            "Còn hiệu lực, hoặc cam kết theo quy định đối với cơ sở không thuộc "
            "diện cấp giấy.",
        ),
        (
            "Bản tự công bố sản phẩm",
            "Sản phẩm đã được tự công bố hoặc đăng ký bản công bố theo quy định.",
        ),
        (
            "Kiến thức an toàn thực phẩm và sức khỏe người lao động",
            "Người trực tiếp sản xuất được tập huấn kiến thức và khám sức khỏe.",
        ),
        (
            "Điều kiện vệ sinh nhà xưởng, trang thiết bị",
            "Khu sản xuất sạch, bố trí một chiều; dụng cụ đúng vật liệu cho phép.",
        ),
        (
            "Nguồn nước dùng trong sản xuất",
            "Nước đạt quy chuẩn kỹ thuật quốc gia về nước sạch sinh hoạt.",
        ),
        (
            "Kiểm nghiệm định kỳ sản phẩm",
            "Phiếu kết quả kiểm nghiệm trong thời hạn quy định.",
        ),
        (
            "Lưu mẫu, truy xuất nguồn gốc nguyên liệu",
            "Ghi chép nguồn gốc nguyên liệu, phụ gia; lưu mẫu thực phẩm (nếu có).",
        ),
    ],
}

# Fields whose change moves the calendar event of the inspection.
CALENDAR_FIELDS = {
    "name",
    "planned_date",
    "planned_duration",
    "inspector_ids",
    "lead_inspector_id",
    "certificate_id",
    "producer_id",
    "location",
    "state",
}


class OcopInspection(models.Model):
    """An inspection of an OCOP producer and product (kiểm tra): post-control
    of the criteria (hậu kiểm), use of the certification mark, market
    surveillance of production, transport and circulation (Đội Quản lý thị
    trường), food safety. The inspection team records a checklist, findings,
    photos and violations; completing the inspection applies the violations'
    actions (warning, suspension of the mark, proposal to revoke, fine)."""

    _name = "ocop.inspection"
    _description = "OCOP Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin", "ocop.workflow.mixin"]
    _order = "planned_date desc, id desc"

    # The inspection team (lead and inspectors) or the programme office of
    # the inspected territory conducts the inspection; managers everywhere.
    _ocop_transitions = {
        "start": Transition(
            ("planned",),
            "in_progress",
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_inspection_team",
        ),
        # record the checklist's results (no change of state)
        "assess": Transition(
            ("in_progress",),
            None,
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_inspection_team",
        ),
        "done": Transition(
            ("in_progress",),
            "done",
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_inspection_team",
        ),
        "cancel": Transition(
            ("planned", "in_progress"),
            "cancelled",
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_inspection_team",
        ),
        "replan": Transition(
            ("cancelled",),
            "planned",
            groups=(INSPECTOR, PROGRAMME),
            territory=False,
            check="_check_inspection_team",
        ),
    }
    # the conclusions are computed from the checklist and the violations
    _ocop_guarded_fields = (
        "result",
        "non_compliant_count",
        "violation_count",
        "fine_total",
        "calendar_event_id",
    )
    _ocop_frozen = {
        "in_progress": (
            "certificate_id",
            "producer_id",
            "planned_date",
            "planned_duration",
        ),
        "done": "__all__",
        "cancelled": "__all__",
    }
    # an inspection of a partner registered at the province (a trader, in
    # market surveillance) has no commune: its province is its territory
    # (see _ocop_check_territory)
    _ocop_territory_field = "commune_id"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
    )
    inspection_type = fields.Selection(
        INSPECTION_TYPES, string="Type", required=True, tracking=True, index=True
    )
    occasion = fields.Selection(
        [("periodic", "Periodic"), ("ad_hoc", "Ad Hoc")],
        required=True,
        default="periodic",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    # The inspection team
    agency_id = fields.Many2one(
        "res.partner",
        string="Inspecting Agency",
        domain=[("is_company", "=", True)],
        tracking=True,
        index=True,
        help="e.g. Đội Quản lý thị trường số 2, the agriculture office",
    )
    lead_inspector_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    inspector_ids = fields.Many2many(
        "res.users",
        "ocop_inspection_res_users_rel",
        "inspection_id",
        "user_id",
        string="Inspectors",
        default=lambda self: self.env.user,
        help="The members of the inspection team, the lead inspector included.",
    )
    # What is inspected
    certificate_id = fields.Many2one(
        "ocop.certificate",
        tracking=True,
        index=True,
        ondelete="restrict",
    )
    product_id = fields.Many2one(
        related="certificate_id.product_id", store=True, index=True
    )
    product_code = fields.Char(related="certificate_id.product_code")
    stars = fields.Integer(related="certificate_id.stars")
    certificate_state = fields.Selection(
        related="certificate_id.state", string="Certificate Status"
    )
    producer_id = fields.Many2one(
        "res.partner",
        compute="_compute_producer_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        domain=[("ocop_is_producer", "=", True)],
    )
    commune_id = fields.Many2one(
        "ocop.admin.unit",
        compute="_compute_territory",
        store=True,
        index=True,
    )
    province_id = fields.Many2one(
        "ocop.admin.unit",
        compute="_compute_territory",
        store=True,
        index=True,
    )
    location = fields.Char(help="Where the inspection takes place.")
    # When
    planned_date = fields.Datetime(
        required=True,
        tracking=True,
        default=lambda self: (
            fields.Datetime.now().replace(minute=0, second=0) + timedelta(days=1)
        ),
    )
    planned_duration = fields.Float(
        string="Duration", default=2.0, help="Planned duration, in hours."
    )
    actual_date = fields.Datetime(
        tracking=True, copy=False, help="When the inspection actually took place."
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", readonly=True, copy=False, ondelete="set null"
    )
    # What was found
    line_ids = fields.One2many(
        "ocop.inspection.line", "inspection_id", string="Checklist", copy=True
    )
    violation_ids = fields.One2many(
        "ocop.inspection.violation", "inspection_id", string="Violations", copy=False
    )
    photo_ids = fields.Many2many(
        "ir.attachment",
        "ocop_inspection_ir_attachment_rel",
        "inspection_id",
        "attachment_id",
        string="Photos",
        copy=False,
        domain=[("mimetype", "=like", "image/%")],
    )
    findings = fields.Html(copy=False)
    result = fields.Selection(
        [
            ("pending", "Not Assessed"),
            ("compliant", "Compliant"),
            ("non_compliant", "Non-compliant"),
        ],
        compute="_compute_result",
        store=True,
        index=True,
        help="Non-compliant when a checklist item is not met or a violation is "
        "recorded; compliant when every item is assessed and met.",
    )
    non_compliant_count = fields.Integer(
        compute="_compute_result", store=True, string="Non-compliant Items"
    )
    violation_count = fields.Integer(
        compute="_compute_violation_totals", store=True, string="Number of Violations"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fine_total = fields.Monetary(
        compute="_compute_violation_totals", store=True, string="Fines"
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "The inspection number must be unique."),
        (
            "planned_duration_positive",
            "CHECK(planned_duration >= 0)",
            "The duration of an inspection cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("certificate_id")
    def _compute_producer_id(self):
        for inspection in self:
            inspection.producer_id = (
                inspection.certificate_id.producer_id or inspection.producer_id
            )

    @api.depends(
        "certificate_id.commune_id",
        "certificate_id.province_id",
        "producer_id.ocop_admin_unit_id",
    )
    def _compute_territory(self):
        for inspection in self:
            certificate = inspection.certificate_id
            if certificate:
                commune = certificate.commune_id
                province = certificate.province_id or commune.province_id
            else:
                unit = inspection.producer_id.ocop_admin_unit_id
                commune = unit if unit.level == "commune" else unit.browse()
                province = unit.province_id
            inspection.commune_id = commune
            inspection.province_id = province

    @api.depends("line_ids.result", "violation_ids")
    def _compute_result(self):
        for inspection in self:
            lines = inspection.line_ids
            failed = lines.filtered(lambda line: line.result == "non_compliant")
            inspection.non_compliant_count = len(failed)
            if failed or inspection.violation_ids:
                inspection.result = "non_compliant"
            elif lines and all(lines.mapped("result")):
                inspection.result = "compliant"
            else:
                inspection.result = "pending"

    @api.depends("violation_ids.action", "violation_ids.fine_amount")
    def _compute_violation_totals(self):
        for inspection in self:
            violations = inspection.violation_ids
            inspection.violation_count = len(violations)
            inspection.fine_total = sum(
                violations.filtered(lambda v: v.action == "fine").mapped("fine_amount")
            )

    @api.depends("name", "product_id", "producer_id")
    def _compute_display_name(self):
        for inspection in self:
            target = inspection.product_id.name or inspection.producer_id.name
            inspection.display_name = (
                f"{inspection.name} - {target}" if target else inspection.name
            )

    @api.constrains("certificate_id", "producer_id", "inspection_type")
    def _check_target(self):
        for inspection in self:
            certificate = inspection.certificate_id
            if not (certificate or inspection.producer_id):
                raise ValidationError(
                    _("Choose the certificate or the producer that is inspected.")
                )
            if (
                inspection.inspection_type in ("post_control", "mark_use")
                and not certificate
            ):
                raise ValidationError(
                    _("A post-control or mark inspection is about a certificate.")
                )
            if certificate and inspection.producer_id != certificate.producer_id:
                raise ValidationError(
                    _(
                        "The certificate %(certificate)s belongs to %(producer)s.",
                        certificate=certificate.name,
                        producer=certificate.producer_id.name,
                    )
                )

    @api.constrains("planned_duration", "actual_date")
    def _check_dates(self):
        now = fields.Datetime.now()
        for inspection in self:
            if inspection.planned_duration < 0:
                raise ValidationError(
                    _("The duration of an inspection cannot be negative.")
                )
            if inspection.actual_date and inspection.actual_date > now:
                raise ValidationError(
                    _(
                        "%(name)s: the inspection cannot have taken place in the "
                        "future (%(date)s).",
                        name=inspection.name,
                        date=fields.Datetime.context_timestamp(
                            inspection, inspection.actual_date
                        ).strftime("%d/%m/%Y %H:%M"),
                    )
                )

    @api.constrains("photo_ids")
    def _check_photos(self):
        for inspection in self:
            others = inspection.photo_ids.filtered(
                lambda a: not (a.mimetype or "").startswith("image/")
            )
            if others:
                raise ValidationError(
                    _(
                        "Only pictures can be added as photos: %(files)s.",
                        files=", ".join(others.mapped("name")),
                    )
                )

    @api.onchange("inspection_type")
    def _onchange_inspection_type(self):
        """Replace the checklist by the type's default one while nothing has
        been assessed yet."""
        if self.inspection_type and not any(self.line_ids.mapped("result")):
            self.line_ids = [Command.clear()] + [
                Command.create(vals)
                for vals in self._default_checklist(self.inspection_type)
            ]

    @api.model
    def _default_checklist(self, inspection_type):
        return [
            {"sequence": index * 10, "item": item, "requirement": requirement}
            for index, (item, requirement) in enumerate(
                DEFAULT_CHECKLISTS.get(inspection_type, []), start=1
            )
        ]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code(
                        "ocop.inspection",
                        sequence_date=fields.Datetime.to_datetime(
                            vals.get("planned_date")
                        ),
                    )
                    or "/"
                )
            if "line_ids" not in vals and vals.get("inspection_type"):
                vals["line_ids"] = [
                    Command.create(line)
                    for line in self._default_checklist(vals["inspection_type"])
                ]
        inspections = super().create(vals_list)
        inspections._add_lead_to_team()
        inspections._bind_photos()
        inspections._sync_calendar_event()
        return inspections

    def write(self, vals):
        res = super().write(vals)
        if {"lead_inspector_id", "inspector_ids"} & set(vals):
            self._add_lead_to_team()
        if "photo_ids" in vals:
            self._bind_photos()
        if CALENDAR_FIELDS & set(vals) and not self.env.context.get(
            "ocop_inspection_no_sync"
        ):
            self._sync_calendar_event()
        return res

    def unlink(self):
        if any(inspection.state not in ("planned", "cancelled") for inspection in self):
            raise UserError(_("Only planned or cancelled inspections can be deleted."))
        self.calendar_event_id.unlink()
        return super().unlink()

    def _add_lead_to_team(self):
        # active_test=False: an archived lead (e.g. the superuser planning
        # from a job) is linked but hidden from the default read, and would
        # otherwise be linked again forever
        for inspection in self.with_context(active_test=False):
            lead = inspection.lead_inspector_id
            if lead and lead not in inspection.inspector_ids:
                inspection.with_context(ocop_inspection_no_sync=True).inspector_ids = [
                    Command.link(lead.id)
                ]

    def _bind_photos(self):
        """Photos uploaded on the form before the inspection was saved are
        attached to no record, so only their uploader can read them: attach
        them to the inspection, which then gives access to them."""
        for inspection in self:
            unbound = inspection.photo_ids.sudo().filtered(
                lambda a: (
                    not a.res_id
                    and a.res_model in (False, self._name)
                    and a.create_uid == self.env.user
                )
            )
            unbound.write({"res_model": self._name, "res_id": inspection.id})

    # ------------------------------------------------------------------
    # Calendar
    # ------------------------------------------------------------------
    def _calendar_event_values(self):
        self.ensure_one()
        start = self.planned_date
        target = self.product_id.name or self.producer_id.name or ""
        types = dict(self._fields["inspection_type"]._description_selection(self.env))
        return {
            "name": _("Inspection %(name)s: %(target)s", name=self.name, target=target),
            "start": start,
            "stop": start + timedelta(hours=self.planned_duration or 1.0),
            "allday": False,
            "user_id": self.lead_inspector_id.id,
            "partner_ids": [Command.set(self.inspector_ids.partner_id.ids)],
            "location": self.location or False,
            "description": types.get(self.inspection_type, ""),
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    def _sync_calendar_event(self):
        """A planned (or running) inspection has an event in the inspectors'
        calendars; a cancelled one has none."""
        for inspection in self:
            event = inspection.calendar_event_id
            if inspection.state == "cancelled":
                if event:
                    event.unlink()
                continue
            if inspection.state == "done" or not inspection.planned_date:
                continue
            values = inspection._calendar_event_values()
            if event:
                event.write(values)
            else:
                event = self.env["calendar.event"].create(values)
                inspection.with_context(ocop_inspection_no_sync=True)._ocop_write(
                    {"calendar_event_id": event.id}
                )

    def action_open_calendar_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.calendar_event_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # States
    # ------------------------------------------------------------------
    def _check_inspection_team(self):
        """Inspectors act on the inspections of their team (the lead and the
        inspectors); programme officers on those of their territory; OCOP
        managers on every one."""
        user = self.env.user
        if self.env.su or user.has_group(MANAGER):
            return
        for inspection in self:
            if user in inspection.lead_inspector_id | inspection.inspector_ids:
                continue
            if not user.has_group(PROGRAMME):
                raise AccessError(
                    _(
                        "%(name)s: only its inspection team or the programme "
                        "office of its territory may do this.",
                        name=inspection.display_name,
                    )
                )
            inspection._ocop_check_territory()

    def _ocop_check_territory(self):
        """The commune of the inspected product or producer, or its province
        when it has no commune (as the record rules read it)."""
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        paths = [unit.parent_path for unit in self.env.user.ocop_admin_unit_ids]
        for inspection in self:
            unit = inspection.commune_id or inspection.province_id
            if not (
                unit
                and any((unit.parent_path or "").startswith(path) for path in paths)
            ):
                raise AccessError(
                    _(
                        "%(record)s is outside your territory.",
                        record=inspection.display_name,
                    )
                )

    def _check_step(self, name, message):
        """Check the transition ``name`` (its states first, with the step's
        own message; then the role, the team or territory)."""
        transition = self._ocop_transitions[name]
        for inspection in self:
            if inspection.state not in transition.sources:
                raise UserError(
                    _("%(name)s: %(message)s", name=inspection.name, message=message)
                )
        self._ocop_check_transition(transition)

    def action_start(self):
        self._check_step("start", _("Only a planned inspection can be started."))
        now = fields.Datetime.now()
        for inspection in self:
            inspection._ocop_transition(
                "start", {"actual_date": inspection.actual_date or now}
            )

    def action_mark_unassessed_compliant(self):
        """The inspectors usually record the exceptions only: every item not
        assessed yet is compliant."""
        self._check_step("assess", _("Only an inspection in progress can be changed."))
        self.line_ids.filtered(lambda line: not line.result).write(
            {"result": "compliant"}
        )

    def action_done(self):
        """Close the report: every checklist item must be assessed; the
        violations' actions not applied yet are applied, and the follow-ups
        are scheduled for the lead inspector."""
        self._check_step("done", _("Only an inspection in progress can be completed."))
        for inspection in self:
            missing = inspection.line_ids.filtered(lambda line: not line.result)
            if missing:
                raise UserError(
                    _(
                        "Assess every item of the checklist of %(name)s first: "
                        "%(items)s.",
                        name=inspection.name,
                        items="; ".join(missing.mapped("item")),
                    )
                )
            if not inspection.line_ids and not inspection.findings:
                raise UserError(
                    _(
                        "Record the checklist or the findings of %(name)s first.",
                        name=inspection.name,
                    )
                )
        self._ocop_transition("done")
        self.violation_ids.filtered(
            lambda v: v.state == "open" and not v.applied
        )._apply()
        for inspection in self:
            inspection.message_post(
                body=_(
                    "Inspection completed: %(failed)s non-compliant item(s), "
                    "%(violations)s violation(s).",
                    failed=inspection.non_compliant_count,
                    violations=inspection.violation_count,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        self._check_step(
            "cancel",
            _("Only a planned inspection or one in progress can be cancelled."),
        )
        if self.violation_ids.filtered("applied"):
            raise UserError(
                _(
                    "An action has already been applied on a violation of this "
                    "inspection: complete it instead."
                )
            )
        self._ocop_transition("cancel")
        self.activity_unlink(
            ["ocop_certification.mail_activity_type_inspection_followup"]
        )

    def action_replan(self):
        self._check_step(
            "replan", _("Only a cancelled inspection can be planned again.")
        )
        self._ocop_transition("replan")

    # ------------------------------------------------------------------
    # Printing
    # ------------------------------------------------------------------
    def _inspection_date(self):
        """The date of the finding: the day of the inspection, in the user's
        time zone."""
        self.ensure_one()
        moment = self.actual_date or self.planned_date
        return fields.Date.context_today(self, timestamp=moment)

    def _report_photos(self):
        """The photos as data URIs, for the printed report (wkhtmltopdf does
        not fetch them from the server)."""
        self.ensure_one()
        photos = []
        for photo in self.photo_ids:
            if not (photo.mimetype or "").startswith("image/") or not photo.datas:
                continue
            data = photo.datas
            if isinstance(data, str):
                data = data.encode()
            photos.append(
                {
                    "name": photo.name,
                    "src": f"data:{photo.mimetype};base64,{data.decode()}",
                }
            )
        return photos

    def _report_helpers(self):
        return self.env["ocop.report.mixin"]._ocop_helpers()
