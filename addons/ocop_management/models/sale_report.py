# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.osv import expression


class SaleReport(models.Model):
    """Odoo's sales analysis, with the OCOP attribution of each line: OCOP
    product, producer, commune, province, product set, fair and channel.
    The figures stay Odoo's (``sale.order.line`` through ``sale.report``);
    nothing is copied."""

    _name = "sale.report"
    _inherit = ["sale.report", "ocop.sale.dimensions"]

    # Queries on the report flush these fields first (Odoo's sale.report has
    # no _depends: a value computed in the same transaction, e.g. a channel
    # attributed to existing orders, would not be seen yet).
    _depends = {
        "sale.order": [
            "state",
            "date_order",
            "partner_id",
            "company_id",
            "user_id",
            "team_id",
            "campaign_id",
            "ocop_event_id",
            "ocop_channel_id",
        ],
        "sale.order.line": [
            "order_id",
            "product_id",
            "product_uom_qty",
            "price_subtotal",
            "price_total",
            "margin",
            "ocop_product_id",
        ],
        "ocop.product": [
            "producer_id",
            "commune_id",
            "province_id",
            "product_group_id",
        ],
        "event.event": ["ocop_kind"],
        "ocop.distribution.channel": ["channel_type"],
    }

    def _select_additional_fields(self):
        res = super()._select_additional_fields()
        res.update(
            {
                "ocop_product_id": "l.ocop_product_id",
                "ocop_producer_id": "ocop_product.producer_id",
                "ocop_commune_id": "ocop_product.commune_id",
                "ocop_province_id": "ocop_product.province_id",
                "ocop_product_group_id": "ocop_product.product_group_id",
                "ocop_event_id": "s.ocop_event_id",
                "ocop_event_kind": "ocop_event.ocop_kind",
                "ocop_channel_id": "s.ocop_channel_id",
                "ocop_channel_type": "ocop_channel.channel_type",
            }
        )
        return res

    def _from_sale(self):
        return (
            super()._from_sale()
            + """
            LEFT JOIN ocop_product ocop_product ON ocop_product.id = l.ocop_product_id
            LEFT JOIN event_event ocop_event ON ocop_event.id = s.ocop_event_id
            LEFT JOIN ocop_distribution_channel ocop_channel
                   ON ocop_channel.id = s.ocop_channel_id
            """
        )

    def _group_by_sale(self):
        return (
            super()._group_by_sale()
            + """,
            l.ocop_product_id,
            ocop_product.producer_id,
            ocop_product.commune_id,
            ocop_product.province_id,
            ocop_product.product_group_id,
            s.ocop_event_id,
            ocop_event.ocop_kind,
            s.ocop_channel_id,
            ocop_channel.channel_type"""
        )

    # ------------------------------------------------------------------
    # Helpers for the OCOP results (fairs, channels, products)
    # ------------------------------------------------------------------
    @api.model
    def _ocop_read_done(self, domain, groupby, aggregates):
        """Grouped figures of the confirmed sales of the current companies,
        as the sales analysis shows them. Aggregates only: callers show them
        to users who may not read the orders."""
        domain = expression.AND(
            [
                domain,
                [
                    ("state", "in", self._get_done_states()),
                    ("company_id", "in", self.env.companies.ids),
                ],
            ]
        )
        return self.sudo()._read_group(domain, groupby, aggregates)

    @api.model
    def _ocop_revenue_by(self, groupby, domain):
        return dict(self._ocop_read_done(domain, [groupby], ["price_subtotal:sum"]))

    @api.model
    def _ocop_analysis_action(self, domain, groupby="ocop_product_id"):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ocop_management.ocop_sale_report_action"
        )
        action["domain"] = domain
        action["context"] = {
            "search_default_Sales": 1,
            "pivot_row_groupby": [groupby],
            "pivot_column_groupby": ["date:month"],
            "pivot_measures": ["price_subtotal", "product_uom_qty", "margin"],
            "graph_groupbys": ["date:month", groupby],
        }
        action["display_name"] = _("Sales Analysis")
        return action
