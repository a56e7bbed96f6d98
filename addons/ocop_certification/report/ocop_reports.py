# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values of the printed OCOP documents (QWeb templates in
ocop_report_templates.xml). The wording of the forms stays in the templates;
these models only prepare the data and a few formatting helpers."""

import math
from collections import defaultdict

from odoo import api, models


class ReportEvaluationSheet(models.AbstractModel):
    """A member's scoring sheet: the whole criteria tree of the dossier's set
    with every option, the ticked one marked. The criteria, options and lines
    of all the printed sheets are read with one search per model."""

    _name = "report.ocop_certification.report_evaluation_sheet"
    _inherit = "ocop.report.mixin"
    _description = "OCOP Scoring Sheet Report"
    _ocop_docs_model = "ocop.evaluation"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        sheets = values["docs"]
        sets = sheets.dossier_id.criteria_set_id
        criteria = self.env["ocop.criterion"].search([("set_id", "in", sets.ids)])
        options = self.env["ocop.criterion.option"].search([("set_id", "in", sets.ids)])
        lines = self.env["ocop.evaluation.line"].search(
            [("evaluation_id", "in", sheets.ids)]
        )
        options_by_criterion = defaultdict(list)
        for option in options:
            options_by_criterion[option.criterion_id.id].append(option)
        children = defaultdict(list)
        for node in criteria:  # ordered by set, sequence, id
            children[node.set_id.id, node.parent_id.id].append(node)

        def walk(set_id, parent_id, depth, rows):
            for node in children[set_id, parent_id]:
                rows.append(
                    {
                        "node": node,
                        "depth": depth,
                        "options": options_by_criterion.get(node.id, []),
                    }
                )
                walk(set_id, node.id, depth + 1, rows)
            return rows

        rows_by_set = {cset.id: walk(cset.id, False, 0, []) for cset in sets}
        # The ticked line of each (sheet, criterion), and the points obtained
        # under every node (the sum of its ticked leaves).
        ticks = {}
        node_points = defaultdict(float)
        for line in lines:
            ticks[line.evaluation_id.id, line.criterion_id.id] = line
            if line.option_id:
                for node_id in line.criterion_id.parent_path.split("/")[:-1]:
                    node_points[line.evaluation_id.id, int(node_id)] += line.points
        values.update(
            rows_by_set=rows_by_set,
            ticks=ticks,
            node_points=node_points,
        )
        return values


class ReportCouncilSummary(models.AbstractModel):
    """The council's summary of a session: every member's totals per dossier,
    the average, the spread, the stars and the proposed decision."""

    _name = "report.ocop_certification.report_council_summary"
    _inherit = "ocop.report.mixin"
    _description = "OCOP Council Summary Report"
    _ocop_docs_model = "ocop.council.session"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        sessions = values["docs"]
        sheets = self.env["ocop.evaluation"].search(
            [("session_id", "in", sessions.ids)]
        )
        sheets_by_dossier = defaultdict(lambda: self.env["ocop.evaluation"])
        for sheet in sheets.sorted(lambda s: (s.member_id.sequence, s.member_id.id)):
            sheets_by_dossier[sheet.session_id.id, sheet.dossier_id.id] |= sheet
        # The agenda, and the dossiers scored in the session that have since
        # moved on to another session (forwarded to the next level).
        dossiers_by_session = {
            session.id: (
                session.dossier_ids
                | sheets.filtered(
                    lambda s, session=session: s.session_id == session
                ).dossier_id
            ).sorted("id")
            for session in sessions
        }
        values.update(
            dossiers_by_session=dossiers_by_session,
            sheets_by_dossier=sheets_by_dossier,
            quorum={session.id: self._ocop_quorum(session) for session in sessions},
        )
        return values

    @api.model
    def _ocop_quorum(self, session):
        members = session.council_id.member_ids
        chair = members.filtered(lambda m: m.role == "chair")
        return {
            "present": len(session.attendee_ids),
            "total": len(members),
            "needed": math.ceil(len(members) * session.council_id.quorum_ratio - 1e-9),
            "chair_present": not chair or chair in session.attendee_ids,
            "met": session.quorum_met,
        }


class ReportCommuneAssessment(models.AbstractModel):
    """The commune's assessment of a dossier (Mẫu 03)."""

    _name = "report.ocop_certification.report_commune_assessment"
    _inherit = "ocop.report.mixin"
    _description = "OCOP Commune Assessment Report"
    _ocop_docs_model = "ocop.dossier"


class ReportCertificate(models.AbstractModel):
    """The OCOP certificate."""

    _name = "report.ocop_certification.report_certificate"
    _inherit = "ocop.report.mixin"
    _description = "OCOP Certificate Report"
    _ocop_docs_model = "ocop.certificate"
