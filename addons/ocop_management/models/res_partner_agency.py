# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# The roles the seed letter (Ia Grai district, 21/6/2021) gives duties to. A
# duty template names a role; the duty plan of a cycle goes to the agencies of
# the cycle's territory that hold that role.
AGENCY_ROLES = [
    ("people_committee", "People's Committee (district or province)"),
    ("agriculture", "Agriculture Office (OCOP programme office)"),
    ("economy_infrastructure", "Economy and Infrastructure Office"),
    ("council_committee_office", "Office of the People's Council and Committee"),
    ("culture_information", "Culture and Information Office"),
    ("media_centre", "Culture, Information and Sports Centre"),
    ("market_surveillance", "Market Surveillance Team"),
    ("fatherland_front", "Fatherland Front Committee"),
    ("mass_organisation", "Political and Social Organisation"),
    ("related_agency", "Other Related Agency"),
    ("commune_committee", "Commune People's Committee"),
]


# Kept apart from res_partner.py: the agencies' duties are their own feature.
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    ocop_agency_role = fields.Selection(
        AGENCY_ROLES,
        string="OCOP Agency Role",
        index=True,
        tracking=True,
        help="The part this agency plays in the OCOP programme. Generating a "
        "cycle's duty plan gives each duty to the agencies of the cycle's "
        "territory that hold the duty's role.",
    )
