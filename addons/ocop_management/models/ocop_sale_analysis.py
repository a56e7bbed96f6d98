# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools


class OcopSaleAnalysis(models.Model):
    """Sales analysis of the OCOP products: one row per confirmed sales order
    line of an OCOP product, with its OCOP attribution (product, producer,
    commune, province, product set, fair, channel).

    A lean SQL view on ``sale_order_line``: Odoo's ``sale.report`` groups
    some 25 columns for every line (a table query rebuilt at each read) before
    the pivot groups again; here the rows are the lines themselves and every
    dimension is a LEFT JOIN on a primary key, which PostgreSQL drops when
    the pivot does not read it. The figures are the same as ``sale.report``'s
    for the confirmed sales of OCOP products (``sale.report``'s OCOP fields
    stay for the drill-downs of the fairs, channels and products).

    Amounts are in the currency of the order's company: ``price_subtotal /
    currency_rate`` as ``sale.report`` does (the order's rate, fixed at
    confirmation). ``sale.report`` then converts to the current company's
    currency with today's rate (a table built at query time, which a view
    cannot do); both agree whenever the companies read share one currency."""

    _name = "ocop.sale.analysis"
    _description = "OCOP Sales Analysis"
    _inherit = ["ocop.sale.dimensions"]
    _auto = False
    _rec_name = "order_id"
    _order = "date desc"

    # Queries on the view flush these fields first.
    _depends = {
        "sale.order": [
            "state",
            "date_order",
            "partner_id",
            "company_id",
            "currency_rate",
            "user_id",
            "team_id",
            "ocop_event_id",
            "ocop_channel_id",
        ],
        "sale.order.line": [
            "order_id",
            "display_type",
            "product_id",
            "product_uom_qty",
            "price_subtotal",
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
        "res.company": ["currency_id"],
    }

    date = fields.Datetime(string="Order Date", readonly=True)
    order_id = fields.Many2one("sale.order", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_uom_qty = fields.Float(string="Qty Ordered", readonly=True)
    price_subtotal = fields.Monetary(string="Untaxed Total", readonly=True)
    margin = fields.Monetary(readonly=True)

    # ------------------------------------------------------------------
    # SQL (overridden by ocop_certification for the stars)
    # ------------------------------------------------------------------
    def _rate(self):
        return (
            "CASE COALESCE(s.currency_rate, 0) WHEN 0 THEN 1.0 ELSE s.currency_rate END"
        )

    def _select_fields(self):
        """{column: SQL expression}; ``l`` is the order line, ``s`` the order,
        ``ocop_product``, ``ocop_event``, ``ocop_channel`` and ``company`` the
        LEFT JOINs of ``_from()``."""
        rate = self._rate()
        return {
            "date": "s.date_order",
            "order_id": "l.order_id",
            "company_id": "s.company_id",
            "currency_id": "company.currency_id",
            "partner_id": "s.partner_id",
            "ocop_product_id": "l.ocop_product_id",
            "ocop_producer_id": "ocop_product.producer_id",
            "ocop_commune_id": "ocop_product.commune_id",
            "ocop_province_id": "ocop_product.province_id",
            "ocop_product_group_id": "ocop_product.product_group_id",
            "ocop_event_id": "s.ocop_event_id",
            "ocop_event_kind": "ocop_event.ocop_kind",
            "ocop_channel_id": "s.ocop_channel_id",
            "ocop_channel_type": "ocop_channel.channel_type",
            "team_id": "s.team_id",
            "user_id": "s.user_id",
            "product_id": "l.product_id",
            "product_uom_qty": "l.product_uom_qty",
            "price_subtotal": f"l.price_subtotal / {rate}",
            "margin": f"l.margin / {rate}",
        }

    def _from(self):
        return """
            sale_order_line l
            JOIN sale_order s ON s.id = l.order_id
            LEFT JOIN res_company company ON company.id = s.company_id
            LEFT JOIN ocop_product ocop_product ON ocop_product.id = l.ocop_product_id
            LEFT JOIN event_event ocop_event ON ocop_event.id = s.ocop_event_id
            LEFT JOIN ocop_distribution_channel ocop_channel
                   ON ocop_channel.id = s.ocop_channel_id"""

    def _where(self):
        return """
            l.ocop_product_id IS NOT NULL
            AND l.display_type IS NULL
            AND s.state = 'sale'"""

    def _query(self):
        select = ",\n            ".join(
            f"{expr} AS {name}" for name, expr in self._select_fields().items()
        )
        return f"""
        SELECT
            l.id AS id,
            {select}
        FROM {self._from()}
        WHERE {self._where()}
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE OR REPLACE VIEW {self._table} AS ({self._query()})"
        )
