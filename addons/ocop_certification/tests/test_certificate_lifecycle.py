# Copyright 2026 OCOP for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import OcopCertificationMixin

TODAY = date(2026, 12, 15)


@tagged("post_install", "-at_install")
class TestCertificateLifecycle(OcopCertificationMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification_data()

    def _certificates(self, offsets):
        """One certificate per offset, each of its own product, expiring on
        TODAY + offset (so TODAY is D - offset)."""
        products = self.env["ocop.product"].create(
            [
                {
                    "name": f"Sản phẩm {offset}",
                    "producer_id": self.producer_ia_hrung.id,
                    "product_group_id": self.product_set_coffee.id,
                    "commune_id": self.ia_hrung.id,
                }
                for offset in offsets
            ]
        )
        certificates = self.env["ocop.certificate"]
        for product, offset in zip(products, offsets, strict=True):
            expiry = TODAY + timedelta(days=offset)
            certificate = self.env["ocop.certificate"].create(
                {
                    "product_id": product.id,
                    "stars": 4,
                    "framework_id": self.fw26.id,
                    "issuing_level": "province",
                    "issue_date": expiry - relativedelta(months=36),
                }
            )
            self.assertEqual(certificate.expiry_date, expiry)
            certificates |= certificate
        return certificates

    def _file_rerating(self, certificate, days_before_expiry):
        action = certificate.action_new_rerating_dossier()
        dossier = self.env["ocop.dossier"].browse(action["res_id"])
        dossier.write(
            {
                "state": "submitted",
                "date_filed": certificate.expiry_date
                - timedelta(days=days_before_expiry),
            }
        )
        return dossier

    def _notices(self, certificate):
        return certificate.message_ids.filtered(
            lambda m: "re-rating dossier" in (m.body or "")
        )

    def test_cron_around_each_boundary(self):
        # TODAY = D-181, D-180, D-120, D-1, D, D+1, D+180, D+181
        offsets = [181, 180, 120, 1, 0, -1, -180, -181]
        certs = dict(zip(offsets, self._certificates(offsets), strict=True))
        pending_180 = self._certificates([-180])
        pending_181 = self._certificates([-181])
        # Re-ratings filed in time (D-150) for the last two; one filed too late.
        self._file_rerating(pending_180, 150)
        self._file_rerating(pending_181, 150)
        late = self._certificates([-10])
        self._file_rerating(late, 100)  # after D-120: not in time
        self.assertTrue(pending_180.rerating_filed_in_time)
        self.assertFalse(late.rerating_filed_in_time)
        self.assertEqual(
            pending_180.valid_until, pending_180.expiry_date + timedelta(days=180)
        )

        Certificate = self.env["ocop.certificate"]
        Certificate._cron_update_states(batch_size=3, today=TODAY)
        expected = {
            181: "valid",
            180: "expiring",
            120: "expiring",
            1: "expiring",
            0: "expiring",
            -1: "expired",
            -180: "expired",
            -181: "expired",
        }
        self.assertEqual({k: c.state for k, c in certs.items()}, expected)
        self.assertEqual(pending_180.state, "expiring")  # still in force until D+180
        self.assertEqual(pending_181.state, "expired")
        self.assertEqual(late.state, "expired")

        # One notice per certificate that entered the window, to the producer
        # and the programme officers of the commune, each officer with an
        # activity (no certificate here has a dossier: the product's commune).
        officers = self.ia_hrung._programme_officers()
        self.assertTrue(officers)
        for offset in (180, 120, 1, 0):
            self.assertEqual(len(self._notices(certs[offset])), 1, offset)
            self.assertIn(
                self.producer_ia_hrung, self._notices(certs[offset]).partner_ids
            )
            activity = certs[offset].activity_ids.filtered(
                lambda a: a.activity_type_id.name == "File the re-rating dossier"
            )
            self.assertEqual(activity.user_id, officers)
            # the officers are told by the notice itself
            self.assertLessEqual(
                officers.partner_id, self._notices(certs[offset]).partner_ids
            )
        self.assertFalse(self._notices(certs[181]))

        # Twice: nothing new.
        messages = self.env["mail.message"].search_count(
            [("model", "=", "ocop.certificate")]
        )
        activities = self.env["mail.activity"].search_count(
            [("res_model", "=", "ocop.certificate")]
        )
        self.assertFalse(Certificate._cron_update_states(today=TODAY))
        self.assertEqual(
            self.env["mail.message"].search_count([("model", "=", "ocop.certificate")]),
            messages,
        )
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [("res_model", "=", "ocop.certificate")]
            ),
            activities,
        )

        # A missed day is caught up: two days later, D-181 is now D-179.
        Certificate._cron_update_states(today=TODAY + timedelta(days=2))
        self.assertEqual(certs[181].state, "expiring")
        self.assertEqual(len(self._notices(certs[181])), 1)
        # The grace of the pending re-rating ended on TODAY (D+180).
        self.assertEqual(pending_180.valid_until, TODAY)
        self.assertEqual(pending_180.state, "expired")
        self.assertEqual(certs[1].state, "expired")

    def test_new_certificate_from_rerating_supersedes(self):
        old = self._certificates([100])
        self.env["ocop.certificate"]._cron_update_states(today=TODAY)
        action = old.action_new_rerating_dossier()
        dossier = self.env["ocop.dossier"].browse(action["res_id"])
        self.assertEqual(dossier.dossier_type, "rerating")
        self.assertEqual(dossier.previous_certificate_id, old)
        self.assertEqual(dossier.previous_stars, 4)
        self.assertEqual(old.rerating_dossier_id, dossier)
        new = self.env["ocop.certificate"].create(
            {
                "product_id": old.product_id.id,
                "dossier_id": dossier.id,
                "stars": 5,
                "framework_id": self.fw26.id,
                "issuing_level": "central",
                "issue_date": TODAY,
            }
        )
        self.assertEqual(old.state, "superseded")
        self.assertEqual(old.product_id.stars, 5)
        self.assertEqual(old.product_id.current_certificate_id, new)

    def test_upgrade_dossier_shows_what_changed(self):
        certificate = self._certificates([500])
        dossier = self.env["ocop.dossier"].browse(
            certificate.action_new_upgrade_dossier()["res_id"]
        )
        self.assertEqual(dossier.dossier_type, "upgrade")
        with self.assertRaises(UserError) as caught:
            dossier.action_submit()
        self.assertIn("What Changed", str(caught.exception))

    def test_mark_usage_closed_by_expiry(self):
        certificate = self._certificates([-1])
        usage = self.env["ocop.mark.usage"].create(
            {
                "certificate_id": certificate.id,
                "medium": "packaging",
                "date_start": TODAY - timedelta(days=300),
            }
        )
        self.assertEqual(usage.date_end, certificate.expiry_date)
        with self.assertRaises(ValidationError):
            usage.date_end = certificate.expiry_date + timedelta(days=5)
        self.env["ocop.certificate"]._cron_update_states(today=TODAY)
        self.assertEqual(certificate.state, "expired")
        self.assertEqual(usage.state, "ended")
        self.assertIn("expired", usage.end_reason)
        with self.assertRaises(ValidationError):
            self.env["ocop.mark.usage"].create(
                {"certificate_id": certificate.id, "medium": "advertising"}
            )
        with self.assertRaises(ValidationError):
            usage.state = "active"

    def test_mark_usage_suspend_restore(self):
        certificate = self._certificates([400])
        usage = self.env["ocop.mark.usage"].create(
            {"certificate_id": certificate.id, "medium": "premises"}
        )
        with self.assertRaises(UserError):
            usage.action_suspend("")
        usage.action_suspend("Sử dụng sai mẫu nhãn")
        self.assertEqual(usage.state, "suspended")
        usage.action_restore()
        self.assertEqual(usage.state, "active")
        usage.action_end()
        self.assertEqual(usage.state, "ended")

    def test_revocation(self):
        certificate = self._certificates([400])
        usage = self.env["ocop.mark.usage"].create(
            {"certificate_id": certificate.id, "medium": "vehicles"}
        )
        product = certificate.product_id
        self.assertEqual(product.stars, 4)
        with self.assertRaises(UserError) as caught:
            certificate.action_revoke(None, "5/QĐ", TODAY, "Chủ tịch UBND tỉnh")
        self.assertIn("ground", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            certificate.action_revoke("mark_misuse", None, None, None)
        self.assertIn("decision", str(caught.exception))
        self.assertEqual(certificate.state, "valid")
        certificate._propose_revocation(
            "mark_misuse", TODAY, "Dùng nhãn cho sản phẩm khác"
        )
        self.assertTrue(certificate.revocation_proposed)
        self.assertEqual(certificate.revocation_deadline, TODAY + timedelta(days=15))
        self.assertTrue(certificate.activity_ids)
        wizard = (
            self.env["ocop.certificate.revoke"]
            .with_context(default_certificate_id=certificate.id)
            .create(
                {
                    "decision_number": "5/QĐ-UBND",
                    "decision_date": TODAY + timedelta(days=3),
                    "authority": "Chủ tịch UBND tỉnh Gia Lai",
                }
            )
        )
        self.assertEqual(wizard.ground, "mark_misuse")
        wizard.action_confirm()
        self.assertEqual(certificate.state, "revoked")
        self.assertEqual(certificate.revoked_on, TODAY + timedelta(days=3))
        self.assertFalse(certificate.revocation_proposed)
        self.assertEqual(usage.state, "ended")
        self.assertIn("revoked", usage.end_reason)
        self.assertEqual(product.stars, 0)
        self.assertFalse(product.current_certificate_id)
        with self.assertRaises(UserError):
            certificate.unlink()
        with self.assertRaises(UserError):
            certificate.action_revoke("other", "6/QĐ", TODAY, "X")
