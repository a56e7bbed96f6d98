# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import math

from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class OcopPortal(CustomerPortal):
    """The producers' portal: /my/ocop. A producer's portal user (a contact of
    the producer's company) registers product ideas, submits business plans
    and uploads their documents. Reads go through record rules (the user sees
    only their producer's records); writes are done here, as superuser, only
    after checking that the record belongs to the user's producer. The
    workflow's actions run as the producer's user: the transition checks the
    user's right (their own producer's records only) and writes in sudo."""

    def _ocop_producer(self):
        partner = request.env.user.partner_id.commercial_partner_id
        if not partner.sudo().ocop_is_producer:
            return request.env["res.partner"]
        return partner

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ocop_idea_count" in counters:
            Idea = request.env["ocop.product.idea"]
            values["ocop_idea_count"] = (
                Idea.search_count([]) if Idea.has_access("read") else 0
            )
        return values

    def _owned(self, model, record_id, access_token=None):
        """The record if it belongs to the user's producer, else 404/403."""
        try:
            record = self._document_check_access(model, record_id, access_token)
        except MissingError as err:
            raise NotFound() from err
        except AccessError as err:
            raise Forbidden() from err
        producer = self._ocop_producer()
        if not producer or record.producer_id != producer:
            raise Forbidden()
        return record

    @http.route("/my/ocop", type="http", auth="user", website=True)
    def portal_my_ocop(self, **kw):
        producer = self._ocop_producer()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "producer": producer,
                "ideas": request.env["ocop.product.idea"].search([]),
                "plans": request.env["ocop.business.plan"].search([]),
                "page_name": "ocop",
            }
        )
        return request.render("ocop_management.portal_my_ocop", values)

    @http.route(
        "/my/ocop/ideas/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_ocop_idea_new(self, **post):
        producer = self._ocop_producer()
        if not producer:
            raise Forbidden()
        groups = (
            request.env["ocop.product.group"]
            .sudo()
            .search([("level", "=", "set"), ("framework", "=", "qd26_2026")])
        )
        cycle = (
            request.env["ocop.cycle"].sudo()._current_for(producer.ocop_admin_unit_id)
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "producer": producer,
                "groups": groups,
                "cycle": cycle,
                "error": None,
                "post": post,
                "page_name": "ocop",
            }
        )
        if request.httprequest.method == "POST":
            try:
                if not cycle:
                    raise UserError(_("No OCOP cycle is running for your commune."))
                idea = (
                    request.env["ocop.product.idea"]
                    .sudo()
                    .create(
                        {
                            "name": (post.get("name") or "").strip(),
                            "cycle_id": cycle.id,
                            "producer_id": producer.id,
                            "product_group_id": int(post.get("product_group_id") or 0)
                            or False,
                            "is_new_product": post.get("is_new_product") == "1",
                            "description": (post.get("description") or "").strip(),
                            "raw_materials": post.get("raw_materials"),
                            "raw_material_origin": post.get("raw_material_origin"),
                            "target_market": post.get("target_market"),
                            "production_capacity": post.get("production_capacity"),
                        }
                    )
                )
                if not idea.name or not idea.description or not idea.product_group_id:
                    raise UserError(
                        _("Give the idea's name, product set and description.")
                    )
                if post.get("submit"):
                    idea.with_env(request.env).action_submit()
                return request.redirect(f"/my/ocop/ideas/{idea.id}")
            except (UserError, ValidationError, ValueError) as err:
                request.env.cr.rollback()
                values["error"] = str(err.args[0] if err.args else err)
        return request.render("ocop_management.portal_ocop_idea_form", values)

    @http.route("/my/ocop/ideas/<int:idea_id>", type="http", auth="user", website=True)
    def portal_ocop_idea(self, idea_id, access_token=None, **kw):
        idea = self._owned("ocop.product.idea", idea_id, access_token)
        values = self._get_page_view_values(
            idea,
            access_token,
            {"idea": idea, "page_name": "ocop_idea"},
            "my_ocop_ideas_history",
            False,
        )
        return request.render("ocop_management.portal_ocop_idea", values)

    @http.route(
        "/my/ocop/ideas/<int:idea_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_ocop_idea_submit(self, idea_id, **kw):
        idea = self._owned("ocop.product.idea", idea_id)
        idea.with_env(request.env).action_submit()
        return request.redirect(f"/my/ocop/ideas/{idea.id}")

    @http.route(
        "/my/ocop/ideas/<int:idea_id>/plan",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_ocop_plan_new(self, idea_id, **post):
        idea = self._owned("ocop.product.idea", idea_id)
        if idea.state != "selected":
            # a plan is written for a selected idea only (step 3)
            return request.redirect(f"/my/ocop/ideas/{idea.id}")
        plan = (
            request.env["ocop.business.plan"]
            .sudo()
            .create(
                {
                    "name": post.get("name") or _("Business plan of %s", idea.name),
                    "idea_id": idea.id,
                }
            )
        )
        return request.redirect(f"/my/ocop/plans/{plan.id}")

    @http.route(
        "/my/ocop/plans/<int:plan_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_ocop_plan(self, plan_id, access_token=None, **post):
        plan = self._owned("ocop.business.plan", plan_id, access_token)
        error = None
        if request.httprequest.method == "POST":
            if plan.state != "draft":
                error = _("A submitted business plan can no longer be changed.")
            else:
                fields_allowed = (
                    "goals",
                    "market",
                    "raw_materials",
                    "labour",
                    "technology",
                    "investment_sources",
                    "support_needed",
                    "timeline",
                )
                vals = {f: post[f] for f in fields_allowed if f in post}
                try:
                    for money in (
                        "investment_total",
                        "revenue_forecast",
                        "profit_forecast",
                    ):
                        if post.get(money):
                            vals[money] = float(post[money])
                            if not math.isfinite(vals[money]):
                                raise ValueError(_("Enter an amount."))
                    plan.sudo().write(vals)
                    if post.get("submit"):
                        plan.with_env(request.env).action_submit()
                except (UserError, ValidationError, ValueError) as err:
                    request.env.cr.rollback()
                    error = str(err.args[0] if err.args else err)
        values = self._get_page_view_values(
            plan,
            access_token,
            {"plan": plan, "error": error, "page_name": "ocop_plan"},
            "my_ocop_plans_history",
            False,
        )
        return request.render("ocop_management.portal_ocop_plan", values)

    @http.route(
        ["/my/ocop/<string:kind>/<int:record_id>/upload"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_ocop_upload(self, kind, record_id, **post):
        """Attach a document to one of the producer's own ideas or plans."""
        model = {"ideas": "ocop.product.idea", "plans": "ocop.business.plan"}.get(kind)
        if not model:
            raise NotFound()
        record = self._owned(model, record_id)
        upload = request.httprequest.files.get("file")
        if not upload or not upload.filename:
            raise UserError(_("Choose a file to upload."))
        content = upload.read(MAX_UPLOAD_BYTES + 1)
        if len(content) > MAX_UPLOAD_BYTES:
            raise UserError(_("The file is larger than 20 MB."))
        attachment = (
            request.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": upload.filename,
                    "datas": base64.b64encode(content),
                    "res_model": model,
                    "res_id": record.id,
                }
            )
        )
        if model == "ocop.business.plan":
            record.sudo().attachment_ids = [(4, attachment.id)]
        record.sudo().message_post(
            body=_("Document uploaded on the portal: %s", upload.filename),
            attachment_ids=attachment.ids,
        )
        return request.redirect(f"/my/ocop/{kind}/{record.id}")
