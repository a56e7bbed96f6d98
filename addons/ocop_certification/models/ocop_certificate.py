# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import uuid
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ocop_management.workflow import MANAGER, PROGRAMME, Transition

from ..controllers.verify import ocop_qr_image, ocop_verify_url

REVOCATION_GROUNDS = [
    ("false_information", "False information in the dossier"),
    ("criteria_not_met", "Criteria no longer met"),
    ("violation_quality", "Violation of quality rules"),
    ("violation_food_safety", "Violation of food-safety rules"),
    ("violation_environment", "Violation of environmental rules"),
    ("violation_ip", "Violation of intellectual-property rules"),
    ("violation_labelling", "Violation of labelling rules"),
    ("mark_misuse", "Misuse of the OCOP mark"),
    ("production_stopped", "Production stopped"),
    ("other", "Other conclusion of a competent authority"),
]
# QĐ 26/2026: a certificate is revoked within 15 days of the finding.
REVOCATION_DAYS = 15

AUTHORITIES = {
    "district": "Chủ tịch Ủy ban nhân dân cấp huyện",
    "province": "Chủ tịch Ủy ban nhân dân cấp tỉnh",
    "central": "Bộ Nông nghiệp và Môi trường",
}


class OcopCertificate(models.Model):
    """The recognition of a product's stars (giấy chứng nhận sản phẩm OCOP).
    Certificates are never deleted: they expire, are superseded or revoked."""

    _name = "ocop.certificate"
    _description = "OCOP Certificate"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "ocop.workflow.mixin",
    ]
    _order = "issue_date desc, id desc"

    _ocop_transitions = {
        "revoke": Transition(("valid", "expiring"), "revoked", groups=(PROGRAMME,)),
    }
    # Issued from a recorded decision (ocop.dossier.action_record_decision) or
    # imported by a manager (_import_legacy): never typed in.
    _ocop_create_by_transition = True
    _ocop_guarded_fields = (
        # certified data is never hidden: revoked, expired or superseded
        "active",
        "origin",
        "name",
        "issuing_authority",
        "dossier_id",
        "product_id",
        "stars",
        "score",
        "framework_id",
        "issuing_level",
        "decision_number",
        "decision_signer",
        "issue_date",
        "verify_token",
        "rerating_dossier_id",
        "expiry_notice_sent",
        "revocation_proposed",
        "revocation_ground",
        "revocation_finding_date",
        "revocation_decision_number",
        "revocation_decision_date",
        "revocation_authority",
        "revoked_on",
    )
    _ocop_frozen = dict.fromkeys(("expired", "superseded", "revoked"), "__all__")

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
    )
    dossier_id = fields.Many2one(
        "ocop.dossier", readonly=True, index=True, ondelete="restrict"
    )
    product_id = fields.Many2one(
        "ocop.product", required=True, readonly=True, index=True, ondelete="restrict"
    )
    product_code = fields.Char(related="product_id.code")
    producer_id = fields.Many2one(
        related="product_id.producer_id", store=True, index=True
    )
    commune_id = fields.Many2one(
        related="product_id.commune_id", store=True, index=True
    )
    province_id = fields.Many2one(
        related="product_id.province_id", store=True, index=True
    )
    stars = fields.Integer(required=True, readonly=True, tracking=True)
    score = fields.Float(readonly=True)
    framework_id = fields.Many2one("ocop.framework", readonly=True, ondelete="restrict")
    issuing_level = fields.Selection(
        [("district", "District"), ("province", "Province"), ("central", "Central")],
        readonly=True,
    )
    issuing_authority = fields.Char(
        compute="_compute_issuing_authority", store=True, readonly=False
    )
    decision_number = fields.Char(readonly=True)
    decision_signer = fields.Char(readonly=True)
    issue_date = fields.Date(required=True, readonly=True, tracking=True)
    expiry_date = fields.Date(
        compute="_compute_expiry_date", store=True, index=True, tracking=True
    )
    state = fields.Selection(
        [
            ("valid", "Valid"),
            ("expiring", "Expiring"),
            ("expired", "Expired"),
            ("superseded", "Superseded"),
            ("revoked", "Revoked"),
        ],
        default="valid",
        required=True,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)
    origin = fields.Selection(
        [
            ("decision", "Recorded decision"),
            ("legacy", "Imported: issued before the system"),
        ],
        default="decision",
        required=True,
        readonly=True,
        help="Imported certificates were issued on paper before the office "
        "used the system; an OCOP manager recorded them, with the reason.",
    )
    # Public verification: an unguessable token in the QR code.
    verify_token = fields.Char(
        copy=False,
        readonly=True,
        index="btree_not_null",
        default=lambda self: uuid.uuid4().hex,
        groups="ocop_management.group_ocop_viewer",
    )
    # Re-rating and the life cycle
    rerating_window_start = fields.Date(
        compute="_compute_windows", store=True, string="Re-rating From"
    )
    rerating_window_end = fields.Date(
        compute="_compute_windows", store=True, string="Re-rating Until"
    )
    rerating_dossier_id = fields.Many2one(
        "ocop.dossier", readonly=True, copy=False, string="Re-rating Dossier"
    )
    rerating_filed_in_time = fields.Boolean(
        compute="_compute_rerating_filed_in_time", store=True
    )
    valid_until = fields.Date(
        compute="_compute_valid_until",
        store=True,
        index=True,
        help="The expiry date, or up to 180 days later while a re-rating filed "
        "in time awaits its decision (QĐ 26/2026, Điều 12).",
    )
    expiry_notice_sent = fields.Boolean(readonly=True, copy=False)
    mark_usage_ids = fields.One2many("ocop.mark.usage", "certificate_id")
    # The record rule "inspectors change the uses of the mark of the
    # certificates their team inspects" (rule_ocop_mark_usage_inspector_team)
    # goes from the use to the inspections through this field.
    inspection_ids = fields.One2many(
        "ocop.inspection", "certificate_id", string="Inspections", readonly=True
    )
    # Revocation
    revocation_proposed = fields.Boolean(readonly=True, copy=False, tracking=True)
    revocation_ground = fields.Selection(REVOCATION_GROUNDS, copy=False, tracking=True)
    revocation_finding_date = fields.Date(copy=False)
    revocation_deadline = fields.Date(
        compute="_compute_revocation_deadline", store=True
    )
    revocation_note = fields.Text(copy=False)
    revocation_decision_number = fields.Char(copy=False, tracking=True)
    revocation_decision_date = fields.Date(copy=False)
    revocation_authority = fields.Char(copy=False)
    revoked_on = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        (
            "verify_token_uniq",
            "unique(verify_token)",
            "The verification token is unique.",
        ),
        ("name_uniq", "unique(name)", "The certificate number must be unique."),
        (
            "stars_range",
            "CHECK(stars BETWEEN 3 AND 5)",
            "Certificates carry 3 to 5 stars.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("ocop.certificate")
        certificates = super().create(vals_list)
        # A new certificate supersedes the product's previous valid one.
        for certificate in certificates:
            previous = self.search(
                [
                    ("product_id", "=", certificate.product_id.id),
                    ("id", "!=", certificate.id),
                    ("state", "in", ("valid", "expiring")),
                ]
            )
            previous._ocop_write({"state": "superseded"})
        certificates.product_id.filtered(
            lambda p: p.state in ("draft", "developing")
        )._ocop_write({"state": "certified"})
        return certificates

    @api.model
    def _import_legacy(self, vals_list, reason):
        """Certificates issued before the office used the system (on paper):
        an OCOP manager records them, marked as imported, the reason and the
        manager kept in each certificate's chatter."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                _("Only an OCOP manager imports certificates issued before.")
            )
        if not (reason and reason.strip()):
            raise UserError(_("Give the reason for importing these certificates."))
        for vals in vals_list:
            if vals.get("dossier_id"):
                raise UserError(
                    _("A certificate of a dossier comes from its decision.")
                )
            newer = self.search_count(
                [
                    ("product_id", "=", vals.get("product_id")),
                    ("state", "in", ("valid", "expiring")),
                    ("issue_date", ">=", vals.get("issue_date")),
                ]
            )
            if newer:
                raise UserError(
                    _(
                        "The product has a certificate in force issued on or after "
                        "this one: an earlier certificate cannot supersede it."
                    )
                )
        certificates = self._ocop_create(
            [{**vals, "origin": "legacy"} for vals in vals_list]
        )
        # an old certificate may already be expiring or expired
        today = fields.Date.context_today(self)
        for certificate in certificates:
            state = certificate._target_state(today)
            if state != certificate.state:
                certificate._ocop_write({"state": state})
        certificates.filtered(lambda c: c.state == "expiring")._notify_rerating_window()
        certificates.filtered(lambda c: c.state == "expired")._on_expiry()
        for certificate in certificates:
            certificate.message_post(
                body=_(
                    "Imported by %(user)s (issued before the system): %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return certificates

    @api.depends(
        "expiry_date",
        "framework_id.rerating_window_start_days",
        "framework_id.rerating_window_end_days",
    )
    def _compute_windows(self):
        for certificate in self:
            framework = certificate.framework_id
            expiry = certificate.expiry_date
            if not expiry:
                certificate.rerating_window_start = False
                certificate.rerating_window_end = False
                continue
            certificate.rerating_window_start = expiry - timedelta(
                days=framework.rerating_window_start_days or 180
            )
            certificate.rerating_window_end = expiry - timedelta(
                days=framework.rerating_window_end_days or 120
            )

    @api.depends(
        "rerating_dossier_id.date_filed",
        "rerating_dossier_id.state",
        "rerating_window_start",
        "rerating_window_end",
    )
    def _compute_rerating_filed_in_time(self):
        for certificate in self:
            dossier = certificate.rerating_dossier_id
            filed = dossier.date_filed if dossier.state != "draft" else False
            certificate.rerating_filed_in_time = bool(
                filed
                and certificate.rerating_window_start
                and certificate.rerating_window_start
                <= filed
                <= certificate.rerating_window_end
            )

    @api.depends(
        "expiry_date", "rerating_filed_in_time", "framework_id.expiry_grace_days"
    )
    def _compute_valid_until(self):
        for certificate in self:
            grace = (
                certificate.framework_id.expiry_grace_days or 180
                if certificate.rerating_filed_in_time
                else 0
            )
            certificate.valid_until = (
                certificate.expiry_date + timedelta(days=grace)
                if certificate.expiry_date
                else False
            )

    @api.depends("revocation_finding_date")
    def _compute_revocation_deadline(self):
        for certificate in self:
            certificate.revocation_deadline = (
                certificate.revocation_finding_date + timedelta(days=REVOCATION_DAYS)
                if certificate.revocation_finding_date
                else False
            )

    @api.depends("issuing_level")
    def _compute_issuing_authority(self):
        for certificate in self:
            certificate.issuing_authority = AUTHORITIES.get(
                certificate.issuing_level, ""
            )

    @api.depends("issue_date", "framework_id.certificate_validity_months")
    def _compute_expiry_date(self):
        for certificate in self:
            months = certificate.framework_id.certificate_validity_months or 36
            certificate.expiry_date = (
                certificate.issue_date + relativedelta(months=months)
                if certificate.issue_date
                else False
            )

    @api.depends("name", "stars", "product_id")
    def _compute_display_name(self):
        for certificate in self:
            # inspectors read every certificate, not every product
            certificate.display_name = (
                f"{certificate.name} - {certificate.product_id.sudo().name or ''} "
                f"({'★' * certificate.stars})"
            )

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for certificate in self:
            certificate.access_url = f"/my/ocop/certificates/{certificate.id}"

    # ------------------------------------------------------------------
    # Public verification (controllers/verify.py)
    # ------------------------------------------------------------------
    def _ocop_qr_png_b64(self):
        """QR code of the public verification link, base64 PNG (certificate PDF)."""
        self.ensure_one()
        return base64.b64encode(ocop_qr_image(ocop_verify_url(self))).decode()

    def action_export_annex_xlsx(self):
        """The selected certificates as the annex of a recognition decision
        (XLSX), downloaded; revoked and superseded ones are left out."""
        from ..report.ocop_certificate_annex_xlsx import certificate_annex_xlsx

        certificates = self.filtered(lambda c: c.state not in ("revoked", "superseded"))
        if not certificates:
            raise UserError(_("Select at least one valid certificate."))
        attachment = self.env["ir.attachment"].create(
            {
                "name": _("OCOP products annex.xlsx"),
                "datas": base64.b64encode(certificate_annex_xlsx(certificates)),
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s?download=true" % attachment.id,
            "target": "self",
        }

    def action_ocop_verify_link(self):
        """Open the public verification page or, with ``ocop_qr`` ("png" or
        "svg") in the context, download the QR code of its link for labels."""
        self.ensure_one()
        url = f"/ocop/verify/{self.sudo().verify_token}"
        kind = self.env.context.get("ocop_qr")
        if kind in ("png", "svg"):
            url, target = f"{url}/qr.{kind}?download=1", "download"
        else:
            target = "new"
        return {"type": "ir.actions.act_url", "url": url, "target": target}

    # ------------------------------------------------------------------
    # Life cycle
    # ------------------------------------------------------------------
    def _target_state(self, today):
        """The state the dates give (revoked and superseded are final)."""
        self.ensure_one()
        if self.state in ("revoked", "superseded"):
            return self.state
        if today > self.valid_until:
            return "expired"
        if today >= self.rerating_window_start:
            return "expiring"
        return "valid"

    @api.model
    def _cron_update_states(self, batch_size=1000, today=None):
        """Move certificates between valid, expiring and expired in batches,
        and, once per certificate, tell the producer and the programme officers
        to file the re-rating dossier. Idempotent: a second run the same day
        finds nothing to do; a missed day is caught up by the next run, since
        the search is on dates, not on "exactly today"."""
        today = today or fields.Date.context_today(self)
        # The search below is on stored computed dates: write pending changes
        # (e.g. a re-rating just filed) first.
        self.env.flush_all()
        domain = [
            ("state", "in", ("valid", "expiring")),
            "|",
            "|",
            "&",
            ("state", "=", "valid"),
            ("rerating_window_start", "<=", today),
            ("valid_until", "<", today),
            "&",
            ("state", "=", "expiring"),
            ("rerating_window_start", ">", today),
        ]
        moved = self.browse()
        while True:
            batch = self.search(domain, limit=batch_size, order="id")
            if not batch:
                break
            for state in ("valid", "expiring", "expired"):
                todo = batch.filtered(lambda c, s=state: c._target_state(today) == s)
                if todo:
                    todo._ocop_write({"state": state})
            batch.filtered(lambda c: c.state == "expiring")._notify_rerating_window()
            batch.filtered(lambda c: c.state == "expired")._on_expiry()
            moved |= batch
            self.env.flush_all()
            self.env.invalidate_all()
            if len(batch) < batch_size:
                break
        # Certificates inside the window that were never told (created late).
        self.search(
            [("state", "=", "expiring"), ("expiry_notice_sent", "=", False)]
        )._notify_rerating_window()
        return moved

    def _notify_rerating_window(self):
        """Tell the producer and the programme officers, once per certificate,
        to file the re-rating dossier, and give the officers an activity.

        The cron calls this for hundreds of certificates at once: the
        officers are looked up once per commune, and the activities are
        created together, without the separate "activity assigned" e-mail
        (the officers are recipients of the message just posted)."""
        todo = self.filtered(lambda c: not c.expiry_notice_sent)
        if not todo:
            return
        activity_type = self.env.ref("ocop_certification.mail_activity_type_rerating")
        model_id = self.env["ir.model"]._get_id(self._name)
        officers_of = {}
        activities = []
        for certificate in todo:
            body = _(
                "The certificate %(name)s of %(product)s expires on %(expiry)s: file "
                "the re-rating dossier between %(start)s (D-180) and %(end)s (D-120).",
                name=certificate.name,
                product=certificate.product_id.name,
                expiry=certificate.expiry_date,
                start=certificate.rerating_window_start,
                end=certificate.rerating_window_end,
            )
            # the product's commune, also for a certificate recorded without
            # its dossier (issued before the database)
            commune = certificate.commune_id
            if commune not in officers_of:
                officers_of[commune] = commune._programme_officers()
            officers = officers_of[commune]
            certificate.message_post(
                body=body,
                partner_ids=(certificate.producer_id | officers.partner_id).ids,
                subtype_xmlid="mail.mt_comment",
            )
            activities += [
                {
                    "res_model_id": model_id,
                    "res_id": certificate.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary,
                    "automated": True,
                    "user_id": user.id,
                    "date_deadline": certificate.rerating_window_end,
                    "note": body,
                }
                for user in officers or self.env.user
            ]
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            activities
        )
        todo._ocop_write({"expiry_notice_sent": True})

    def _on_expiry(self):
        self.mark_usage_ids.filtered(lambda u: u.state != "ended")._end(
            _("The certificate expired.")
        )
        self.product_id._compute_current_certificate()

    # ------------------------------------------------------------------
    # Re-rating and upgrade
    # ------------------------------------------------------------------
    def action_new_dossier(self, dossier_type="rerating"):
        """A re-rating or upgrade dossier pre-filled from this certificate."""
        self.ensure_one()
        if self.state not in ("valid", "expiring"):
            raise UserError(_("Only a valid certificate can be re-rated or upgraded."))
        previous = self.dossier_id
        dossier = self.env["ocop.dossier"].create(
            {
                "product_id": self.product_id.id,
                "dossier_type": dossier_type,
                "previous_certificate_id": self.id,
                "certificates_held": previous.certificates_held,
                "plan_results": previous.plan_results,
                "self_assessment": previous.self_assessment,
                "registration_note": previous.registration_note,
            }
        )
        if dossier_type == "rerating":
            self._ocop_write({"rerating_dossier_id": dossier.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.dossier",
            "res_id": dossier.id,
            "view_mode": "form",
        }

    def action_new_rerating_dossier(self):
        return self.action_new_dossier("rerating")

    def action_new_upgrade_dossier(self):
        return self.action_new_dossier("upgrade")

    # ------------------------------------------------------------------
    # Revocation
    # ------------------------------------------------------------------
    def _propose_revocation(self, ground, finding_date, note=None):
        """An inspection (or any finding) proposes revocation: the programme
        officers have 15 days from the finding to decide."""
        if not ground or not finding_date:
            raise UserError(
                _("A revocation proposal needs its ground and finding date.")
            )
        for certificate in self:
            certificate._ocop_write(
                {
                    "revocation_proposed": True,
                    "revocation_ground": ground,
                    "revocation_finding_date": finding_date,
                    "revocation_note": note,
                }
            )
            officers = (
                certificate.dossier_id._programme_officers()
                if certificate.dossier_id
                else self.env["res.users"]
            )
            for user in officers or self.env.user:
                certificate.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    date_deadline=certificate.revocation_deadline,
                    summary=_("Decide on revoking %(name)s", name=certificate.name),
                    note=note,
                )

    def action_revoke(
        self,
        ground=None,
        decision_number=None,
        decision_date=None,
        authority=None,
        finding_date=None,
        note=None,
    ):
        """Revoke: never deleted, the certificate says why, by which decision;
        the product loses its stars and the mark may no longer be used."""
        self._ocop_check_transition(self._ocop_transitions["revoke"])
        for certificate in self:
            ground = ground or certificate.revocation_ground
            finding_date = finding_date or certificate.revocation_finding_date
            if not ground:
                raise UserError(_("Give the ground of the revocation."))
            if not (decision_number and decision_date and authority):
                raise UserError(
                    _("A revocation needs its decision: number, date and authority.")
                )
            if certificate.state in ("revoked", "superseded", "expired"):
                raise UserError(
                    _("%(name)s is no longer in force.", name=certificate.name)
                )
            if finding_date and decision_date < finding_date:
                raise ValidationError(_("The decision cannot precede the finding."))
            grounds = dict(
                self._fields["revocation_ground"]._description_selection(self.env)
            )
            certificate._ocop_transition(
                "revoke",
                {
                    "revocation_ground": ground,
                    "revocation_finding_date": finding_date,
                    "revocation_decision_number": decision_number,
                    "revocation_decision_date": decision_date,
                    "revocation_authority": authority,
                    "revocation_note": note or certificate.revocation_note,
                    "revoked_on": decision_date,
                    "revocation_proposed": False,
                },
            )
            reason = _(
                "Certificate revoked by decision %(number)s of %(date)s: %(ground)s.",
                number=decision_number,
                date=decision_date,
                ground=grounds[ground],
            )
            certificate.mark_usage_ids.filtered(lambda u: u.state != "ended")._end(
                reason
            )
            certificate.activity_unlink(["mail.mail_activity_data_todo"])
            certificate.message_post(
                body=reason,
                partner_ids=certificate.producer_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self.product_id._compute_current_certificate()

    def action_open_revoke_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "ocop.certificate.revoke",
            "view_mode": "form",
            "target": "new",
            "context": {"default_certificate_id": self.id},
        }

    def unlink(self):  # pylint: disable=method-required-super
        raise UserError(
            _("Certificates are never deleted: let them expire, or revoke them.")
        )
