# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The attacks an adversarial review of the workflow guard found: each is
refused, and nothing is written."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import OcopCertificationMixin


@tagged("post_install", "-at_install")
class TestGuardReview(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()

    def assertRefused(self, call):
        # AccessError and ValidationError are UserErrors
        with (
            mute_logger("odoo.addons.base.models.ir_rule"),
            self.assertRaises(UserError),
        ):
            call()

    def test_a_member_cannot_move_a_draft_sheet(self):
        first = self.make_dossier()
        second = self.make_dossier(product=self.product_bien_ho)
        session = self.make_session(first | second)
        member = self.members[1]
        mine = session.evaluation_ids.filtered(
            lambda e: e.user_id == member and e.dossier_id == first
        )
        theirs = session.evaluation_ids.filtered(
            lambda e: e.user_id == member and e.dossier_id == second
        )
        theirs.unlink()  # a free slot on the second dossier
        for vals in (
            {"dossier_id": second.id},
            {"session_id": self.make_session(self.make_dossier()).id},
            {"member_id": self.council.member_ids[2].id},
        ):
            self.assertRefused(lambda v=vals: mine.with_user(member).write(v))
        self.assertEqual(mine.dossier_id, first)
        self.assertEqual(mine.session_id, session)
        self.assertEqual(mine.user_id, member)

    def test_no_result_for_a_dossier_that_never_reached_the_council(self):
        dossier = self.make_dossier()
        stray = self.env["ocop.dossier"].create(
            {"product_id": self.product_ia_hrung.id}
        )
        session = self.make_session(dossier)
        officer = self.officer_ia_hrung
        # a draft dossier cannot join a session, nor a reviewed one a session
        # that is already scoring
        self.assertRefused(
            lambda: stray.with_user(officer).write({"session_id": session.id})
        )
        late = self.make_dossier()
        self.assertRefused(
            lambda: late.with_user(self.programme_gia_lai).write(
                {"session_id": session.id}
            )
        )
        self.assertFalse(stray.session_id | late.session_id)
        # even written by the server, it would not get a council result
        stray.write({"session_id": session.id})
        with self.assertRaises(UserError):
            stray._apply_council_result()
        self.assertEqual(stray.state, "draft")

    def test_a_dossier_stays_in_its_council_territory(self):
        dossier = self.make_dossier()
        session = self.env["ocop.council.session"].create(
            {"name": "Phiên Gia Lai", "council_id": self.council.id}
        )
        hanoi = self.make_dossier(product=self.product_hoan_kiem)
        with self.assertRaises(ValidationError):
            hanoi.write({"session_id": session.id})
        dossier.write({"session_id": session.id})
        self.assertEqual(dossier.session_id, session)

    def test_a_record_is_not_moved_out_of_the_writers_territory(self):
        draft = self.env["ocop.dossier"].create(
            {"product_id": self.product_ia_hrung.id}
        )
        self.assertRefused(
            lambda: draft.with_user(self.officer_ia_hrung).write(
                {"product_id": self.product_hoan_kiem.id}
            )
        )
        self.assertEqual(draft.product_id, self.product_ia_hrung)

    def test_what_a_certificate_recognised_is_frozen(self):
        product = self.product_ia_hrung
        product.write({"state": "certified"})
        officer = self.officer_ia_hrung
        for vals in (
            {"name": "Cà phê khác"},
            {"producer_id": self.producer_bien_ho.id},
            {"commune_id": self.bien_ho.id},
        ):
            self.assertRefused(lambda v=vals: product.with_user(officer).write(v))
        self.assertEqual(product.producer_id, self.producer_ia_hrung)
        certificate = self.env["ocop.certificate"].create(
            {
                "product_id": product.id,
                "stars": 4,
                "issue_date": "2026-01-05",
                "framework_id": self.fw26.id,
            }
        )
        for vals in ({"name": "GCN/GIA"}, {"issuing_authority": "Ai đó"}):
            self.assertRefused(
                lambda v=vals: certificate.with_user(self.programme_gia_lai).write(v)
            )
        self.assertNotEqual(certificate.name, "GCN/GIA")

    def test_seats_do_not_change_while_scoring(self):
        self.make_session(self.make_dossier())
        seat = self.council.member_ids.filtered(lambda m: m.role == "member")[:1]
        for vals in (
            {"user_id": self.viewer_gia_lai.id},
            {"role": "secretary"},
            {"scores": False},
        ):
            self.assertRefused(
                lambda v=vals: seat.with_user(self.programme_gia_lai).write(v)
            )
        self.assertEqual(seat.role, "member")
