"""Benchmark data generator: an OCOP programme at district, province or
national scale, reproducible from a seed.

Generation is not what the benchmark measures, so it goes fast: the records
whose values need the ORM (users, councils, channels, fairs and one prototype
of each bulk table) are created with the ORM; the bulk (producers, products,
dossiers, scoring sheets and their millions of lines, certificates, orders,
leads) goes in with ``COPY`` and ``INSERT ... SELECT``, with every stored
computed value written as the ORM would compute it. The criteria sets are the
ones the module installs (QĐ 26/2026, 26 sets), so each sheet has the real
leaf criteria of its product's set and the ticked options are real options.
"""

import logging
import random
import time
import uuid
from datetime import date, datetime, timedelta

from bulk import clone_rows, copy_rows, reserve_ids
from dateutil.relativedelta import relativedelta

from odoo import Command

_logger = logging.getLogger("ocop.bench")

PRESETS = {
    # provinces: how many (None = all current ones); communes: per province
    # (None = all); the other figures are totals.
    "district": {
        "provinces": 1,
        "communes": 12,
        "producers": 50,
        "products": 100,
        "dossiers": 180,
        "members": 7,
        "customers": 50,
        "sold_products": 60,
        "orders": 400,
        "fairs": 4,
        "leads": 200,
    },
    "province": {
        "provinces": 1,
        "communes": None,
        "producers": 500,
        "products": 1000,
        "dossiers": 1250,
        "members": 7,
        "customers": 300,
        "sold_products": 500,
        "orders": 4000,
        "fairs": 12,
        "leads": 1500,
    },
    "national": {
        "provinces": None,
        "communes": None,
        "producers": 10000,
        "products": 20000,
        "dossiers": 25000,
        "members": 7,
        "customers": 3000,
        "sold_products": 8000,
        "orders": 60000,
        "fairs": 60,
        "leads": 20000,
    },
}

TODAY = date(2026, 11, 30)
# The certificates' states are written as the daily cron left them on this
# day: the benchmark's cron run catches up the weeks since.
STATE_DATE = TODAY - timedelta(days=45)
SESSION_SIZE = 50
ENTITY_TYPES = ["cooperative", "cooperative_group", "enterprise", "household"]
CHANNEL_TYPES = [
    "showroom",
    "supermarket",
    "agent",
    "ecommerce",
    "export",
    "tourism",
    "direct",
]
PRODUCT_WORDS = [
    "Gạo",
    "Cà phê",
    "Mật ong",
    "Trà",
    "Nước mắm",
    "Tiêu",
    "Hạt điều",
    "Rượu",
    "Bánh",
    "Miến",
    "Nấm",
    "Tỏi",
    "Chè",
    "Mứt",
    "Dầu lạc",
]
PLACE_WORDS = ["Ia Grai", "Sơn La", "Tây Nguyên", "Mộc Châu", "Phú Quốc", "Đồng Tháp"]


def _band(points):
    for stars, floor in ((5, 90), (4, 70), (3, 50), (2, 30)):
        if points >= floor:
            return stars
    return 1


class Generator:
    def __init__(self, env, preset, seed=42):
        if preset not in PRESETS:
            raise ValueError(f"unknown preset {preset!r}: {', '.join(PRESETS)}")
        self.env = env(
            context=dict(
                env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
                no_reset_password=True,
                lang="en_US",
            )
        )
        self.cr = env.cr
        self.preset = preset
        self.size = PRESETS[preset]
        self.seed = seed
        self.rng = random.Random(seed)
        self.uid = env.uid
        self.now = datetime(2026, 11, 30, 8, 0, 0)
        self.info = {"preset": preset, "seed": seed}

    # ------------------------------------------------------------------
    def run(self):
        start = time.perf_counter()
        steps = [
            self._territory,
            self._people,
            self._producers,
            self._products,
            self._dossiers,
            self._sheets,
            self._results_and_certificates,
            self._bench_session,
            self._sales,
            self._leads,
            self._cycles_and_reports,
        ]
        for step in steps:
            t0 = time.perf_counter()
            step()
            _logger.info("%s: %.1fs", step.__name__, time.perf_counter() - t0)
        self.env.flush_all()
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.cr.execute("ANALYZE")
        self.info["generation_seconds"] = round(time.perf_counter() - start, 1)
        counts = {}
        for model in (
            "ocop.admin.unit",
            "res.partner",
            "ocop.product",
            "ocop.dossier",
            "ocop.council.session",
            "ocop.evaluation",
            "ocop.evaluation.line",
            "ocop.certificate",
            "sale.order",
            "sale.order.line",
            "event.event",
            "crm.lead",
        ):
            table = self.env[model]._table
            self.cr.execute(f'SELECT count(*) FROM "{table}"')
            counts[model] = self.cr.fetchone()[0]
        self.cr.execute(
            "SELECT state, count(*) FROM ocop_certificate GROUP BY 1 ORDER BY 1"
        )
        self.info["certificate_states"] = dict(self.cr.fetchall())
        self.info["counts"] = counts
        return self.info

    # ------------------------------------------------------------------
    def _territory(self):
        Unit = self.env["ocop.admin.unit"]
        provinces = Unit.search(
            [("level", "=", "province"), ("is_historical", "=", False)], order="code"
        )
        n = self.size["provinces"]
        if n:
            # A province with many communes (Gia Lai, 52, when present) first.
            first = provinces.filtered(lambda p: p.code == "52")[:1] or provinces[:1]
            provinces = first | (provinces - first)[: n - 1]
        self.provinces = provinces
        self.communes = {}
        for province in provinces:
            communes = Unit.search(
                [
                    ("province_id", "=", province.id),
                    ("level", "=", "commune"),
                    ("is_historical", "=", False),
                ],
                order="code",
            )
            if self.size["communes"]:
                communes = communes[: self.size["communes"]]
            self.communes[province.id] = communes.ids
        self.info["provinces"] = len(provinces)
        self.info["communes"] = sum(len(c) for c in self.communes.values())
        self.framework = self.env.ref("ocop_certification.framework_qd26_2026")
        sets = self.env["ocop.criteria.set"].search(
            [("framework_id", "=", self.framework.id)]
        )
        self.set_by_group = {s.product_group_id.id: s.id for s in sets}
        self.group_sector = {}
        for group in sets.product_group_id:
            self.group_sector[group.id] = int(group.parent_path.split("/")[0])
        self.group_ids = sorted(self.set_by_group)

    def _people(self):
        """A programme officer per province, and per province a council of
        seven scoring members (chair, vice-chair, five members) and a
        secretary."""
        Users = self.env["res.users"].with_context(no_reset_password=True)
        officer_group = self.env.ref("ocop_management.group_ocop_programme_officer")
        member_group = self.env.ref("ocop_management.group_ocop_council_member")
        user_group = self.env.ref("base.group_user")
        self.officers = {}
        self.councils = {}
        self.members = {}  # province -> [(member id, user id)] scoring, in order
        for province in self.provinces:
            officer = Users.create(
                {
                    "name": f"Programme officer {province.name}",
                    "login": f"bench_officer_{province.code}",
                    "groups_id": [Command.set([officer_group.id, user_group.id])],
                    "ocop_admin_unit_ids": [Command.set([province.id])],
                }
            )
            self.officers[province.id] = officer
            members = Users.create(
                [
                    {
                        "name": f"Council {province.code} member {i + 1}",
                        "login": f"bench_member_{province.code}_{i + 1}",
                        "groups_id": [Command.set([member_group.id, user_group.id])],
                        "ocop_admin_unit_ids": [Command.set([province.id])],
                    }
                    for i in range(self.size["members"] + 1)
                ]
            )
            roles = ["chair", "vice_chair"] + ["member"] * (self.size["members"] - 2)
            roles.append("secretary")
            council = self.env["ocop.council"].create(
                {
                    "name": f"Hội đồng OCOP {province.name}",
                    "level": "province",
                    "admin_unit_id": province.id,
                    "framework_id": self.framework.id,
                    "member_ids": [
                        Command.create(
                            {"user_id": user.id, "role": role, "sequence": i}
                        )
                        for i, (user, role) in enumerate(
                            zip(members, roles, strict=False)
                        )
                    ],
                }
            )
            self.councils[province.id] = council
            self.members[province.id] = [
                (m.id, m.user_id.id) for m in council.member_ids if m.scores
            ]

    def _producers(self):
        rng = self.rng
        province_ids = self.provinces.ids
        proto = self.env["res.partner"].create(
            {
                "name": "Bench prototype producer",
                "is_company": True,
                "ocop_is_producer": True,
                "ocop_entity_type": "cooperative",
                "ocop_business_reg_no": "BENCH-PROTO",
                "ocop_admin_unit_id": self.communes[province_ids[0]][0],
            }
        )
        self.env.flush_all()
        n = self.size["producers"]
        ids = reserve_ids(self.cr, "res_partner", n)
        rows = []
        self.producers = []  # (id, province id, commune id)
        for i, pid in enumerate(ids):
            province_id = province_ids[i % len(province_ids)]
            commune_id = rng.choice(self.communes[province_id])
            etype = rng.choices(ENTITY_TYPES, weights=[45, 10, 25, 20])[0]
            name = f"HTX {rng.choice(PRODUCT_WORDS)} {rng.choice(PLACE_WORDS)} {i + 1}"
            rows.append(
                (
                    pid,
                    name,
                    name,
                    pid,
                    True,
                    etype,
                    commune_id,
                    province_id,
                    f"BENCH-{i + 1:06d}",
                    self.now,
                    self.now,
                )
            )
            self.producers.append((pid, province_id, commune_id))
        clone_rows(
            self.cr,
            "res_partner",
            proto.id,
            [
                "id",
                "name",
                "complete_name",
                "commercial_partner_id",
                "ocop_is_producer",
                "ocop_entity_type",
                "ocop_admin_unit_id",
                "ocop_province_id",
                "ocop_business_reg_no",
                "create_date",
                "write_date",
            ],
            rows,
        )

    def _products(self):
        rng = self.rng
        proto_producer = self.producers[0]
        proto = self.env["ocop.product"].create(
            {
                "name": "Bench prototype product",
                "producer_id": proto_producer[0],
                "commune_id": proto_producer[2],
                "product_group_id": self.group_ids[0],
                "code_year": 2021,
            }
        )
        self.env.flush_all()
        self.cr.execute(
            "SELECT commune_id, max(code_sequence) FROM ocop_product GROUP BY 1"
        )
        sequence = dict(self.cr.fetchall())
        self.cr.execute(
            "SELECT id, code FROM ocop_admin_unit WHERE id = ANY(%s)",
            [[c for cs in self.communes.values() for c in cs] + self.provinces.ids],
        )
        unit_code = dict(self.cr.fetchall())
        n = self.size["products"]
        ids = reserve_ids(self.cr, "ocop_product", n)
        self.products = []  # dicts
        rows = []
        # Every producer has at least one product, some several.
        owners = [self.producers[i % len(self.producers)] for i in range(n)]
        for pid, (producer_id, province_id, commune_id) in zip(
            ids, owners, strict=False
        ):
            group_id = rng.choice(self.group_ids)
            year = rng.randint(2020, 2026)
            seq = sequence.get(commune_id, 0) + 1
            sequence[commune_id] = seq
            code = f"{unit_code[province_id]}-{unit_code[commune_id]}-{seq:03d}-{year}"
            name = f"{rng.choice(PRODUCT_WORDS)} {rng.choice(PLACE_WORDS)} #{pid}"
            product = {
                "id": pid,
                "producer_id": producer_id,
                "province_id": province_id,
                "commune_id": commune_id,
                "group_id": group_id,
                "name": name,
                "year": year,
            }
            self.products.append(product)
            rows.append(
                (
                    pid,
                    name,
                    code,
                    seq,
                    year,
                    producer_id,
                    group_id,
                    self.group_sector[group_id],
                    commune_id,
                    province_id,
                    "developing",
                    0,
                    None,
                    self.now,
                    self.now,
                )
            )
        clone_rows(
            self.cr,
            "ocop_product",
            proto.id,
            [
                "id",
                "name",
                "code",
                "code_sequence",
                "code_year",
                "producer_id",
                "product_group_id",
                "sector_id",
                "commune_id",
                "province_id",
                "state",
                "stars",
                "current_certificate_id",
                "create_date",
                "write_date",
            ],
            rows,
        )

    # ------------------------------------------------------------------
    # Dossiers, sessions, sheets
    # ------------------------------------------------------------------
    def _dossiers(self):
        """Each product's first dossier, filed between 2021 and mid-2026, and
        re-rating dossiers for the certificates whose window opened, up to the
        preset's number of dossiers (50 of them are kept for the session the
        benchmark scores)."""
        rng = self.rng
        n_total = self.size["dossiers"] - SESSION_SIZE
        first = []
        for product in self.products:
            filed = date(2021, 1, 1) + timedelta(days=rng.randint(0, 2000))
            filed = min(filed, date(2026, 9, 30))
            first.append(
                {
                    "product": product,
                    "type": "first",
                    "filed": filed,
                    "quality": min(0.98, max(0.15, rng.gauss(0.66, 0.13))),
                }
            )
        # A few pipeline dossiers (still with the commune or the office).
        self.dossiers = first[:n_total]
        self.reratings_wanted = max(0, n_total - len(self.dossiers))
        self._rerating_candidates = []

    def _plan_sessions(self, dossiers):
        """Closed council sessions of SESSION_SIZE dossiers per province and
        half-year, for the dossiers filed before the cut-off; the others stay
        in the pipeline."""
        cutoff = date(2026, 8, 1)
        buckets = {}
        pipeline_states = ["submitted", "commune_checked", "received", "reviewed"]
        for dossier in dossiers:
            if dossier["filed"] >= cutoff:
                dossier["state"] = self.rng.choice(pipeline_states)
                dossier["session"] = None
                continue
            quarter = (dossier["filed"].month - 1) // 3
            key = (dossier["product"]["province_id"], dossier["filed"].year, quarter)
            buckets.setdefault(key, []).append(dossier)
        sessions = []
        for (province_id, _year, _quarter), items in sorted(buckets.items()):
            items.sort(key=lambda d: d["filed"])
            for start in range(0, len(items), SESSION_SIZE):
                chunk = items[start : start + SESSION_SIZE]
                when = datetime.combine(chunk[-1]["filed"], datetime.min.time())
                session = {
                    "province_id": province_id,
                    "date": when + timedelta(days=20, hours=1),
                    "state": "closed",
                    "dossiers": chunk,
                }
                sessions.append(session)
                for dossier in chunk:
                    dossier["session"] = session
        return sessions

    def _insert_sessions(self, sessions):
        if not sessions:
            return
        proto = self._proto_session()
        ids = reserve_ids(self.cr, "ocop_council_session", len(sessions))
        rows = []
        for sid, session in zip(ids, sessions, strict=False):
            session["id"] = sid
            council = self.councils[session["province_id"]]
            rows.append(
                (
                    sid,
                    f"Phiên {session['date']:%d/%m/%Y} #{sid}",
                    council.id,
                    "province",
                    self.framework.id,
                    session["date"],
                    session["state"],
                    self.now,
                    self.now,
                )
            )
        clone_rows(
            self.cr,
            "ocop_council_session",
            proto,
            [
                "id",
                "name",
                "council_id",
                "level",
                "framework_id",
                "date_start",
                "state",
                "create_date",
                "write_date",
            ],
            rows,
        )
        # Everybody was present.
        attendees = []
        for session in sessions:
            council = self.councils[session["province_id"]]
            attendees.extend((session["id"], m.id) for m in council.member_ids)
        copy_rows(
            self.cr,
            "ocop_council_session_attendee_rel",
            ["session_id", "member_id"],
            attendees,
        )

    def _proto_session(self):
        if not getattr(self, "_proto_session_id", None):
            council = self.councils[self.provinces.ids[0]]
            session = self.env["ocop.council.session"].create(
                {"name": "Bench prototype session", "council_id": council.id}
            )
            self.env.flush_all()
            self._proto_session_id = session.id
        return self._proto_session_id

    def _proto_dossier(self):
        if not getattr(self, "_proto_dossier_id", None):
            product = self.products[0]
            dossier = self.env["ocop.dossier"].create(
                {"product_id": product["id"], "date_filed": date(2026, 1, 5)}
            )
            self.env.flush_all()
            self._proto_dossier_id = dossier.id
        return self._proto_dossier_id

    def _insert_dossiers(self, dossiers):
        proto = self._proto_dossier()
        ids = reserve_ids(self.cr, "ocop_dossier", len(dossiers))
        calendar_days = 21  # 15 working days, weekends only
        rows = []
        for did, dossier in zip(ids, dossiers, strict=False):
            dossier["id"] = did
            product = dossier["product"]
            session = dossier.get("session")
            filed = dossier["filed"]
            dossier.setdefault("state", "council" if session else "submitted")
            rows.append(
                (
                    did,
                    f"BENCH/HS/{did:06d}",
                    product["id"],
                    product["producer_id"],
                    product["commune_id"],
                    product["province_id"],
                    product["group_id"],
                    filed.year,
                    "1" if filed.month <= 6 else "2",
                    dossier["type"],
                    None,  # set once the certificates exist (circular keys)
                    filed,
                    self.framework.id,
                    self.set_by_group[product["group_id"]],
                    5,
                    filed + timedelta(days=calendar_days),
                    session["id"] if session else None,
                    self.councils[product["province_id"]].id if session else None,
                    "province" if session else None,
                    dossier["state"],
                    self.now,
                    self.now,
                )
            )
        clone_rows(
            self.cr,
            "ocop_dossier",
            proto,
            [
                "id",
                "name",
                "product_id",
                "producer_id",
                "commune_id",
                "province_id",
                "product_group_id",
                "year",
                "round",
                "dossier_type",
                "previous_certificate_id",
                "date_filed",
                "framework_id",
                "criteria_set_id",
                "sample_count",
                "commune_deadline",
                "session_id",
                "council_id",
                "council_level",
                "state",
                "create_date",
                "write_date",
            ],
            rows,
        )

    def _insert_sheets(self, dossiers, draft=()):
        """Seven sheets per scored dossier, then their lines (one per leaf
        criterion of the dossier's set, with an option chosen from the
        dossier's quality, the member and the seed), then the sheets'
        totals, all in SQL."""
        dossiers = [d for d in dossiers if d.get("session")]
        if not dossiers:
            return
        ids = reserve_ids(
            self.cr, "ocop_evaluation", len(dossiers) * self.size["members"]
        )
        it = iter(ids)
        rows = []
        quality = []
        for dossier in dossiers:
            province_id = dossier["product"]["province_id"]
            council = self.councils[province_id]
            quality.append((dossier["id"], dossier["quality"]))
            for member_id, user_id in self.members[province_id]:
                eid = next(it)
                state = "draft" if (dossier["id"], member_id) in draft else "submitted"
                rows.append(
                    (
                        eid,
                        dossier["session"]["id"],
                        council.id,
                        dossier["id"],
                        member_id,
                        user_id,
                        state,
                        dossier["session"]["date"] if state == "submitted" else None,
                        self.uid,
                        self.now,
                        self.uid,
                        self.now,
                    )
                )
        copy_rows(
            self.cr,
            "ocop_evaluation",
            [
                "id",
                "session_id",
                "council_id",
                "dossier_id",
                "member_id",
                "user_id",
                "state",
                "submitted_on",
                "create_uid",
                "create_date",
                "write_uid",
                "write_date",
            ],
            rows,
        )
        self.cr.execute("DROP TABLE IF EXISTS _bench_quality")
        self.cr.execute(
            "CREATE TEMP TABLE _bench_quality (dossier_id int PRIMARY KEY, q float)"
        )
        copy_rows(self.cr, "_bench_quality", ["dossier_id", "q"], quality)
        if not getattr(self, "_options_ready", False):
            # The leaves of every set and their options ranked by points.
            self.cr.execute(
                """
                CREATE TEMP TABLE _bench_leaf AS
                SELECT c.set_id, c.id AS criterion_id, c.sequence, c.part_code,
                       (SELECT count(*) FROM ocop_criterion_option o
                         WHERE o.criterion_id = c.id) AS n
                  FROM ocop_criterion c WHERE c.is_leaf;
                CREATE TEMP TABLE _bench_option AS
                SELECT o.criterion_id, o.id, o.points,
                       row_number() OVER (PARTITION BY o.criterion_id
                                          ORDER BY o.points, o.id) AS rank
                  FROM ocop_criterion_option o;
                CREATE INDEX ON _bench_option (criterion_id, rank);
                ANALYZE _bench_leaf;
                ANALYZE _bench_option;
                """
            )
            self._options_ready = True
        self.cr.execute("ANALYZE _bench_quality")
        # The lines reference rows written above or loaded by the module: the
        # foreign-key triggers (five per line) are skipped for this insert.
        self.cr.execute("SET LOCAL session_replication_role = replica")
        self.cr.execute(
            """
            INSERT INTO ocop_evaluation_line
                (evaluation_id, criterion_id, sequence, part_code, option_id,
                 points, knockout, create_uid, create_date, write_uid, write_date)
            SELECT p.evaluation_id, p.criterion_id, p.sequence, p.part_code,
                   o.id, o.points, false, %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM (SELECT e.id AS evaluation_id, l.criterion_id, l.sequence,
                           l.part_code,
                           LEAST(l.n, GREATEST(1, round(1 + (l.n - 1) * LEAST(1,
                               GREATEST(0, q.q + ((hashint8(
                                   %(seed)s::bigint * 1000003
                                   + e.id::bigint * 100003 + l.criterion_id
                               )::bigint %% 5 + 5) %% 5 - 2) * 0.12))))) AS rank
                      FROM ocop_evaluation e
                      JOIN _bench_quality q ON q.dossier_id = e.dossier_id
                      JOIN ocop_dossier d ON d.id = e.dossier_id
                      JOIN _bench_leaf l ON l.set_id = d.criteria_set_id) p
              JOIN _bench_option o
                ON o.criterion_id = p.criterion_id AND o.rank = p.rank
             ORDER BY p.evaluation_id, p.sequence
            """,
            {"seed": self.seed, "uid": self.uid, "now": self.now},
        )
        self.cr.execute("SET LOCAL session_replication_role = DEFAULT")
        self.cr.execute(
            """
            UPDATE ocop_evaluation e
               SET points_a = s.a, points_b = s.b, points_c = s.c, total = s.t,
                   answered_count = s.n, line_count = s.n
              FROM (SELECT l.evaluation_id,
                           sum(l.points) FILTER (WHERE l.part_code = 'A') AS a,
                           sum(l.points) FILTER (WHERE l.part_code = 'B') AS b,
                           sum(l.points) FILTER (WHERE l.part_code = 'C') AS c,
                           sum(l.points) AS t, count(*) AS n
                      FROM ocop_evaluation_line l
                      JOIN ocop_evaluation e2 ON e2.id = l.evaluation_id
                      JOIN _bench_quality q ON q.dossier_id = e2.dossier_id
                     GROUP BY l.evaluation_id) s
             WHERE s.evaluation_id = e.id
            """
        )

    def _sheets(self):
        """Sessions, the first dossiers and their sheets; then the re-rating
        dossiers, which depend on the first certificates (see below)."""
        sessions = self._plan_sessions(self.dossiers)
        self._insert_sessions(sessions)
        self._insert_dossiers(self.dossiers)
        self._insert_sheets(self.dossiers)

    # ------------------------------------------------------------------
    # Results and certificates
    # ------------------------------------------------------------------
    def _apply_results(self, dossiers):
        """The council's figures (average, parts, spread, band) as
        ``_compute_council_result`` writes them, in one UPDATE; then the state
        each closed dossier reached."""
        scored = [d["id"] for d in dossiers if d.get("session")]
        if not scored:
            return
        self.cr.execute(
            """
            UPDATE ocop_dossier d
               SET average_total = round(s.t::numeric, 2),
                   average_a = round(s.a::numeric, 2),
                   average_b = round(s.b::numeric, 2),
                   average_c = round(s.c::numeric, 2),
                   spread = s.spread,
                   rescoring_required = false,
                   band_stars = CASE WHEN s.t >= 90 THEN 5 WHEN s.t >= 70 THEN 4
                                     WHEN s.t >= 50 THEN 3 WHEN s.t >= 30 THEN 2
                                     ELSE 1 END,
                   cap_stars = 5
              FROM (SELECT dossier_id, avg(total) AS t, avg(points_a) AS a,
                           avg(points_b) AS b, avg(points_c) AS c,
                           max(total) - min(total) AS spread
                      FROM ocop_evaluation WHERE dossier_id = ANY(%s)
                     GROUP BY dossier_id) s
             WHERE s.dossier_id = d.id
            RETURNING d.id, d.average_total, d.band_stars
            """,
            [scored],
        )
        figures = {row[0]: (float(row[1]), row[2]) for row in self.cr.fetchall()}
        updates = []
        for dossier in dossiers:
            if dossier["id"] not in figures:
                continue
            average, stars = figures[dossier["id"]]
            dossier["average"] = average
            dossier["stars"] = stars
            if dossier["session"]["state"] != "closed":
                continue
            if self.rng.random() < 0.02:
                state, stars = "rejected", 0
            elif stars >= 3:
                state = "recognised"
            else:
                state = "not_recognised"
            dossier["state"] = state
            dossier["stars"] = stars
            decided = dossier["session"]["date"].date() + timedelta(
                days=self.rng.randint(20, 80)
            )
            dossier["decision_date"] = decided if state == "recognised" else None
            updates.append(
                (
                    dossier["id"],
                    state,
                    stars,
                    f"BENCH/QĐ/{dossier['id']}" if state == "recognised" else None,
                    dossier["decision_date"],
                    "province" if state == "recognised" else None,
                )
            )
        self.cr.execute("DROP TABLE IF EXISTS _bench_result")
        self.cr.execute(
            """CREATE TEMP TABLE _bench_result (id int, state varchar,
               stars int, number varchar, decided date, level varchar)"""
        )
        copy_rows(
            self.cr,
            "_bench_result",
            ["id", "state", "stars", "number", "decided", "level"],
            updates,
        )
        self.cr.execute(
            """
            UPDATE ocop_dossier d
               SET state = r.state, result_stars = r.stars,
                   decision_number = r.number, decision_date = r.decided,
                   decision_level = r.level, decision_signer = CASE
                       WHEN r.number IS NOT NULL THEN 'Chủ tịch UBND tỉnh' END,
                   rejection_reason = CASE WHEN r.state = 'rejected'
                       THEN 'Criterion knock-out (benchmark data)' END
              FROM _bench_result r WHERE r.id = d.id
            """
        )

    def _results_and_certificates(self):
        self._apply_results(self.dossiers)
        first_certs = self._certificate_rows(self.dossiers)
        # Re-rating dossiers for certificates whose window opened.
        rng = self.rng
        candidates = [
            c
            for c in first_certs
            if c["window_start"] <= date(2026, 9, 30) and not c.get("revoked")
        ]
        rng.shuffle(candidates)
        reratings = []
        for cert in candidates[: self.reratings_wanted]:
            dossier = cert["dossier"]
            filed = cert["window_start"] + timedelta(days=rng.randint(0, 55))
            reratings.append(
                {
                    "product": dossier["product"],
                    "type": "rerating",
                    "filed": min(filed, date(2026, 10, 31)),
                    "quality": min(
                        0.98, max(0.2, dossier["quality"] + rng.gauss(0.03, 0.06))
                    ),
                    "previous_certificate_id": cert["id"],
                    "previous": cert,
                }
            )
        sessions = self._plan_sessions(reratings)
        self._insert_sessions(sessions)
        self._insert_dossiers(reratings)
        self._insert_sheets(reratings)
        self._apply_results(reratings)
        second_certs = self._certificate_rows(reratings)
        self.dossiers += reratings
        self._insert_certificates(first_certs + second_certs, reratings)

    def _certificate_rows(self, dossiers):
        certs = []
        for dossier in dossiers:
            if dossier.get("state") != "recognised":
                continue
            issue = dossier["decision_date"]
            expiry = issue + relativedelta(months=36)
            cert = {
                "dossier": dossier,
                "issue": issue,
                "expiry": expiry,
                "window_start": expiry - timedelta(days=180),
                "window_end": expiry - timedelta(days=120),
                "stars": dossier["stars"],
                "revoked": self.rng.random() < 0.01,
            }
            certs.append(cert)
        ids = reserve_ids(self.cr, "ocop_certificate", len(certs))
        for cid, cert in zip(ids, certs, strict=False):
            cert["id"] = cid
        return certs

    def _insert_certificates(self, certs, reratings):
        """States as the cron left them on STATE_DATE; a certificate whose
        product got a newer one is superseded; 1% are revoked."""
        by_id = {c["id"]: c for c in certs}
        superseded = set()
        rerating_of = {}
        for dossier in reratings:
            previous = by_id[dossier["previous_certificate_id"]]
            rerating_of[previous["id"]] = dossier
            if dossier.get("state") == "recognised":
                superseded.add(previous["id"])
        rows = []
        uuid_rng = random.Random(self.seed + 1)
        for cert in certs:
            dossier = cert["dossier"]
            product = dossier["product"]
            rerating = rerating_of.get(cert["id"])
            in_time = bool(
                rerating
                and rerating.get("state") not in ("draft",)
                and cert["window_start"] <= rerating["filed"] <= cert["window_end"]
            )
            valid_until = cert["expiry"] + timedelta(days=180 if in_time else 0)
            if cert["id"] in superseded:
                state = "superseded"
            elif cert["revoked"]:
                state = "revoked"
            elif STATE_DATE > valid_until:
                state = "expired"
            elif STATE_DATE >= cert["window_start"]:
                state = "expiring"
            else:
                state = "valid"
            cert["state"] = state
            revoked_on = (
                cert["issue"] + timedelta(days=200) if state == "revoked" else None
            )
            rows.append(
                (
                    cert["id"],
                    f"BENCH/GCN/{cert['id']:06d}",
                    dossier["id"],
                    product["id"],
                    product["producer_id"],
                    product["commune_id"],
                    product["province_id"],
                    cert["stars"],
                    dossier.get("average"),
                    self.framework.id,
                    "province",
                    "Chủ tịch Ủy ban nhân dân cấp tỉnh",
                    f"BENCH/QĐ/{dossier['id']}",
                    "Chủ tịch UBND tỉnh",
                    cert["issue"],
                    cert["expiry"],
                    state,
                    "decision",
                    True,
                    uuid.UUID(int=uuid_rng.getrandbits(128), version=4).hex,
                    cert["window_start"],
                    cert["window_end"],
                    rerating["id"] if rerating else None,
                    in_time,
                    valid_until,
                    state in ("expiring", "expired"),
                    "criteria_not_met" if revoked_on else None,
                    revoked_on,
                    f"BENCH/THU-HOI/{cert['id']}" if revoked_on else None,
                    revoked_on,
                    "Chủ tịch Ủy ban nhân dân cấp tỉnh" if revoked_on else None,
                    self.uid,
                    self.now,
                    self.uid,
                    self.now,
                )
            )
        copy_rows(
            self.cr,
            "ocop_certificate",
            [
                "id",
                "name",
                "dossier_id",
                "product_id",
                "producer_id",
                "commune_id",
                "province_id",
                "stars",
                "score",
                "framework_id",
                "issuing_level",
                "issuing_authority",
                "decision_number",
                "decision_signer",
                "issue_date",
                "expiry_date",
                "state",
                "origin",
                "active",
                "verify_token",
                "rerating_window_start",
                "rerating_window_end",
                "rerating_dossier_id",
                "rerating_filed_in_time",
                "valid_until",
                "expiry_notice_sent",
                "revocation_ground",
                "revocation_finding_date",
                "revocation_decision_number",
                "revocation_decision_date",
                "revocation_authority",
                "create_uid",
                "create_date",
                "write_uid",
                "write_date",
            ],
            rows,
        )
        links = [(d["id"], d["previous_certificate_id"]) for d in reratings]
        self.cr.execute("DROP TABLE IF EXISTS _bench_link")
        self.cr.execute("CREATE TEMP TABLE _bench_link (id int, cert int)")
        copy_rows(self.cr, "_bench_link", ["id", "cert"], links)
        self.cr.execute(
            """UPDATE ocop_dossier d SET previous_certificate_id = l.cert
                 FROM _bench_link l WHERE l.id = d.id"""
        )
        self.cr.execute(
            """
            UPDATE ocop_certificate SET revoked_on = revocation_decision_date
             WHERE state = 'revoked';
            UPDATE ocop_dossier d SET certificate_id = c.id
              FROM ocop_certificate c WHERE c.dossier_id = d.id;
            UPDATE ocop_product p
               SET current_certificate_id = c.id, stars = c.stars,
                   state = 'certified'
              FROM (SELECT DISTINCT ON (product_id) id, product_id, stars
                      FROM ocop_certificate
                     WHERE state IN ('valid', 'expiring')
                     ORDER BY product_id, issue_date DESC, id DESC) c
             WHERE c.product_id = p.id;
            UPDATE ocop_product p SET state = 'certified'
             WHERE state = 'developing'
               AND EXISTS (SELECT 1 FROM ocop_certificate c WHERE c.product_id = p.id);
            """
        )
        self.info["certificates"] = len(certs)

    # ------------------------------------------------------------------
    def _bench_session(self):
        """The session the benchmark scores: SESSION_SIZE upgrade dossiers of
        the first province, every sheet submitted except one member's sheet
        of the first dossier (ticked, still a draft: operation 2 submits it)."""
        province_id = self.provinces.ids[0]
        products = [p for p in self.products if p["province_id"] == province_id]
        chosen = self.rng.sample(products, min(SESSION_SIZE, len(products)))
        session = {
            "province_id": province_id,
            "date": datetime(2026, 11, 25, 1, 0),
            "state": "scoring",
            "dossiers": [],
        }
        dossiers = []
        for product in chosen:
            dossiers.append(
                {
                    "product": product,
                    "type": "upgrade",
                    "filed": date(2026, 10, 20),
                    "quality": min(0.98, max(0.3, self.rng.gauss(0.72, 0.1))),
                    "session": session,
                    "state": "council",
                }
            )
        session["dossiers"] = dossiers
        self._insert_sessions([session])
        self._insert_dossiers(dossiers)
        last_member = self.members[province_id][-1][0]
        self._insert_sheets(dossiers, draft={(dossiers[0]["id"], last_member)})
        self.cr.execute(
            "SELECT id FROM ocop_evaluation WHERE dossier_id = %s AND member_id = %s",
            [dossiers[0]["id"], last_member],
        )
        self.info["bench_session_id"] = session["id"]
        self.info["bench_sheet_id"] = self.cr.fetchone()[0]
        self.info["bench_province_id"] = province_id
        self.info["officer_login"] = self.officers[province_id].login
        self.dossiers += dossiers

    # ------------------------------------------------------------------
    # Trade: channels, fairs, leads, orders
    # ------------------------------------------------------------------
    def _sales(self):
        rng = self.rng
        env = self.env
        company = env.company
        # Channels: one per type and province (at most 3 provinces' worth).
        channels = env["ocop.distribution.channel"].create(
            [
                {
                    "name": f"{ctype} {province.name}",
                    "channel_type": ctype,
                    "admin_unit_id": province.id,
                    "url": f"https://shop.example.vn/{province.code}/{ctype}",
                }
                for province in self.provinces[:3]
                for ctype in CHANNEL_TYPES
            ]
        )
        fairs = env["event.event"].create(
            [
                {
                    "name": f"Hội chợ OCOP {i + 1}",
                    "ocop_kind": "fair" if i % 3 else "connection",
                    "ocop_level": "province",
                    "ocop_admin_unit_id": self.provinces.ids[i % len(self.provinces)],
                    "date_begin": datetime(2025 + i % 2, 1 + i % 12, 10, 1, 0),
                    "date_end": datetime(2025 + i % 2, 1 + i % 12, 13, 10, 0),
                }
                for i in range(self.size["fairs"])
            ]
        )
        self.fair_ids = fairs.ids
        # Product templates sold as OCOP products.
        sold = rng.sample(
            self.products, min(self.size["sold_products"], len(self.products))
        )
        proto_tmpl = env["product.template"].create(
            {"name": "Bench prototype article", "type": "consu", "list_price": 100000}
        )
        customer_proto = env["res.partner"].create(
            {"name": "Bench prototype customer", "is_company": True}
        )
        order_proto = env["sale.order"].create(
            {
                "partner_id": customer_proto.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": proto_tmpl.product_variant_id.id,
                            "product_uom_qty": 1,
                            "price_unit": 100000,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order_proto.action_confirm()
        env.flush_all()
        proto_product = proto_tmpl.product_variant_id.id
        proto_line = order_proto.order_line.id
        tmpl_ids = reserve_ids(self.cr, "product_template", len(sold))
        prod_ids = reserve_ids(self.cr, "product_product", len(sold))
        tmpl_rows, prod_rows, rel_rows = [], [], []
        articles = []  # (product.product id, ocop product, price)
        for tid, vid, product in zip(tmpl_ids, prod_ids, sold, strict=False):
            price = rng.choice([45000, 80000, 120000, 150000, 250000, 400000])
            tmpl_rows.append(
                (tid, {"en_US": product["name"]}, price, self.now, self.now)
            )
            prod_rows.append((vid, tid, f"OCOP-{product['id']}", self.now, self.now))
            rel_rows.append((product["id"], tid))
            articles.append((vid, product, price))
        clone_rows(
            self.cr,
            "product_template",
            proto_tmpl.id,
            ["id", "name", "list_price", "create_date", "write_date"],
            tmpl_rows,
        )
        clone_rows(
            self.cr,
            "product_product",
            proto_product,
            ["id", "product_tmpl_id", "default_code", "create_date", "write_date"],
            prod_rows,
        )
        copy_rows(
            self.cr,
            "ocop_product_product_template_rel",
            ["ocop_product_id", "product_tmpl_id"],
            rel_rows,
        )
        # Customers.
        cust_ids = reserve_ids(self.cr, "res_partner", self.size["customers"])
        clone_rows(
            self.cr,
            "res_partner",
            customer_proto.id,
            ["id", "name", "complete_name", "commercial_partner_id"],
            [(c, f"Khách hàng {c}", f"Khách hàng {c}", c) for c in cust_ids],
        )
        # Orders: 1 to 3 lines, some through a channel, some from a fair.
        n = self.size["orders"]
        order_ids = reserve_ids(self.cr, "sale_order", n)
        order_rows, line_rows = [], []
        lines_per_order = [rng.randint(1, 3) for _ in range(n)]
        line_ids = iter(reserve_ids(self.cr, "sale_order_line", sum(lines_per_order)))
        for oid, count in zip(order_ids, lines_per_order, strict=False):
            customer = rng.choice(cust_ids)
            when = datetime(2024, 1, 1) + timedelta(
                minutes=rng.randint(0, 60 * 24 * 1050)
            )
            channel = rng.choice(channels.ids) if rng.random() < 0.7 else None
            fair = rng.choice(self.fair_ids) if rng.random() < 0.15 else None
            state = "sale" if rng.random() < 0.9 else rng.choice(["draft", "cancel"])
            total = 0
            for _ in range(count):
                vid, product, price = rng.choice(articles)
                qty = rng.randint(1, 40)
                subtotal = qty * price
                total += subtotal
                line_rows.append(
                    (
                        next(line_ids),
                        oid,
                        vid,
                        product["name"],
                        qty,
                        price,
                        subtotal,
                        subtotal,
                        price,
                        price,
                        0,
                        round(subtotal * 0.3),
                        round(price * 0.7),
                        product["id"],
                        customer,
                        state,
                        when,
                        when,
                    )
                )
            order_rows.append(
                (
                    oid,
                    f"BENCH/S{oid:07d}",
                    customer,
                    customer,
                    customer,
                    when,
                    state,
                    total,
                    total,
                    0,
                    channel,
                    fair,
                    when,
                    when,
                )
            )
        clone_rows(
            self.cr,
            "sale_order",
            order_proto.id,
            [
                "id",
                "name",
                "partner_id",
                "partner_invoice_id",
                "partner_shipping_id",
                "date_order",
                "state",
                "amount_untaxed",
                "amount_total",
                "amount_tax",
                "ocop_channel_id",
                "ocop_event_id",
                "create_date",
                "write_date",
            ],
            order_rows,
        )
        clone_rows(
            self.cr,
            "sale_order_line",
            proto_line,
            [
                "id",
                "order_id",
                "product_id",
                "name",
                "product_uom_qty",
                "price_unit",
                "price_subtotal",
                "price_total",
                "price_reduce_taxexcl",
                "price_reduce_taxinc",
                "price_tax",
                "margin",
                "purchase_price",
                "ocop_product_id",
                "order_partner_id",
                "state",
                "create_date",
                "write_date",
            ],
            line_rows,
        )
        del company

    def _leads(self):
        rng = self.rng
        proto = self.env["crm.lead"].create(
            {"name": "Bench prototype lead", "event_id": self.fair_ids[0]}
        )
        self.env.flush_all()
        n = self.size["leads"]
        ids = reserve_ids(self.cr, "crm_lead", n)
        rows = []
        for lid in ids:
            producer = rng.choice(self.producers)
            rows.append(
                (
                    lid,
                    f"Khách quan tâm #{lid}",
                    rng.choice(self.fair_ids),
                    producer[0],
                    rng.choice(["lead", "opportunity"]),
                    self.now,
                    self.now,
                )
            )
        clone_rows(
            self.cr,
            "crm_lead",
            proto.id,
            [
                "id",
                "name",
                "event_id",
                "ocop_producer_id",
                "type",
                "create_date",
                "write_date",
            ],
            rows,
        )

    # ------------------------------------------------------------------
    # Cycles and progress reports (operation 3)
    # ------------------------------------------------------------------
    def _territory_budget_and_duties(self, cycles):
        """Per cycle: a provincial budget line and duties placed on the
        province itself (a consolidated report adds them to its communes'
        figures), and a commune budget line in five communes."""
        rng = self.rng
        context = {"tracking_disable": True, "mail_create_nolog": True}
        lines, duties = [], []
        for cycle in cycles:
            province_id = cycle.admin_unit_id.id
            units = [province_id, *rng.sample(self.communes[province_id], 5)]
            for unit_id in units:
                lines.append(
                    {
                        "name": "Hỗ trợ OCOP 2026",
                        "cycle_id": cycle.id,
                        "admin_unit_id": unit_id,
                        "source": "provincial" if unit_id == province_id else "commune",
                        "allocated_amount": rng.randrange(2, 40) * 50_000_000,
                        "state": "allocated",
                    }
                )
            for month in range(1, 12):
                duties.append(
                    {
                        "name": f"Báo cáo tiến độ tháng {month}",
                        "cycle_id": cycle.id,
                        "admin_unit_id": province_id,
                        "deadline": date(2026, month, 10),
                        "state": "done" if rng.random() < 0.8 else "todo",
                    }
                )
        self.env["ocop.budget.line"].with_context(**context).create(lines)
        self.env["ocop.cycle.duty"].with_context(**context).create(duties)
        self.env.flush_all()
        self.info["budget_lines"] = len(lines)
        self.info["territory_duties"] = len(duties)

    def _cycles_and_reports(self):
        """A running 2026 cycle per province (the 2026 dossiers belong to
        it) and, when ``ocop.progress.report`` exists, the reports of the
        current month: every commune's report prepared from the live data and
        submitted, every province's consolidated report consolidated and
        submitted, and the nation's report consolidating them."""
        Cycle = self.env["ocop.cycle"]
        cycles = Cycle.create(
            [
                {
                    "name": f"OCOP 2026 {province.name}",
                    "year": 2026,
                    "admin_unit_id": province.id,
                    "user_id": self.officers[province.id].id,
                }
                for province in self.provinces
            ]
        )
        cycles.write({"state": "running"})
        self.env.flush_all()
        self.cr.execute(
            """UPDATE ocop_dossier d SET cycle_id = c.id
                 FROM ocop_cycle c
                WHERE c.admin_unit_id = d.province_id AND c.year = d.year"""
        )
        if "ocop.progress.report" not in self.env:
            self.info["progress_reports"] = "model ocop.progress.report not installed"
            return
        self._territory_budget_and_duties(cycles)
        Report = self.env["ocop.progress.report"].sudo()
        self.env.invalidate_all()
        created = Report.browse()
        for cycle in cycles:
            created |= Report._prepare_cycle_period(cycle, TODAY)
        self.env.flush_all()
        units = created.filtered(lambda r: r.kind == "unit")
        consolidated = created - units
        self.cr.execute(
            "UPDATE ocop_progress_report SET state = 'submitted' WHERE id = ANY(%s)",
            [units.ids],
        )
        self.env.invalidate_all()
        consolidated._prepare_figures()
        self.env.flush_all()
        self.cr.execute(
            "UPDATE ocop_progress_report SET state = 'submitted' WHERE id = ANY(%s)",
            [consolidated.ids],
        )
        self.env.invalidate_all()
        first = consolidated.filtered(
            lambda r: r.admin_unit_id.id == self.provinces.ids[0]
        )
        # the central office's report of the month, prepared once already
        # (the daily runs refresh it, as operation 3b does)
        national = Report._prepare_national_report(TODAY)
        self.env.flush_all()
        self.info["progress_reports"] = len(created) + 1
        self.info["province_report_id"] = first.id
        self.info["national_report_id"] = national.id
