#!/usr/bin/env python3
"""OCOP benchmark: generate a preset's data, then measure each operation
in a fresh process (the script runs itself again once the data is generated).

    python3 tests/bench/run.py -c odoo.conf -d ocop_bench --preset district \
        [--seed 42] [--skip-generate] [--skip-load] [--out docs/bench]

For each operation: the median wall time of several runs (after a warm-up),
the SQL queries of one run (the cursor's ``sql_log_count``), the Python memory
peak of one run (tracemalloc) and the process's resident memory, and the ratio
to the SQL floor (the same answer from one hand-written query, timed the same
way in the same run). Every run happens in a savepoint that is rolled back, so
the runs see the same data. Operation 7 starts Odoo with ``--workers=2`` on a
free port and loads the public verification page from a client on loopback;
operation 8 upgrades both modules on the generated data (``odoo-bin -u``).
Results: ``<out>/results-<preset>.json`` and ``.md``.
"""

import argparse
import json
import logging
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import tracemalloc
import urllib.request
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ops  # noqa: E402
import psutil  # noqa: E402
from load import load_test  # noqa: E402

import odoo  # noqa: E402
from odoo import SUPERUSER_ID, api  # noqa: E402

_logger = logging.getLogger("ocop.bench")
INFO_PARAM = "ocop.bench.info"

OPERATIONS = [
    ("session_result", ops.op_session_result),
    ("submit_sheet", ops.op_submit_sheet),
    ("progress_report", ops.op_progress_report),
    ("list_products", ops.op_list_products),
    ("list_dossiers", ops.op_list_dossiers),
    ("list_certificates", ops.op_list_certificates),
    ("certificate_cron", ops.op_certificate_cron),
    ("revenue_pivot", ops.op_revenue_pivot),
    ("revenue_pivot_sale_report", ops.op_revenue_pivot_sale_report),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--preset", default="district")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-upgrade", action="store_true")
    parser.add_argument("--only", help="comma-separated operation keys")
    parser.add_argument("--load-seconds", type=float, default=10.0)
    parser.add_argument(
        "--out", default=os.path.join(HERE, "..", "..", "docs", "bench")
    )
    return parser.parse_args()


# ----------------------------------------------------------------------
# Measuring
# ----------------------------------------------------------------------
class Rollback:
    """Run a block in a savepoint, then roll it back and forget the caches."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.env.cr.execute("SAVEPOINT bench_op")
        self.env.invalidate_all()
        return self

    def __exit__(self, *exc):
        cr = self.env.cr
        cr.execute("ROLLBACK TO SAVEPOINT bench_op")
        cr.execute("RELEASE SAVEPOINT bench_op")
        cr.precommit.clear()
        cr.postcommit.clear()
        self.env.invalidate_all(flush=False)
        self.env.transaction.clear()
        return False


def finish(env):
    """What the end of a request does before COMMIT: flush, then the
    pre-commit hooks (tracking messages...), then flush again."""
    env.flush_all()
    env.cr.precommit.run()
    env.flush_all()


def timed(env, fn, setup=None):
    cr = env.cr
    with Rollback(env):
        if setup:
            setup()
        q0 = cr.sql_log_count
        t0 = time.perf_counter()
        result = fn()
        finish(env)
        elapsed = time.perf_counter() - t0
        queries = cr.sql_log_count - q0
    return elapsed, queries, result


def memory(env, fn, setup=None):
    process = psutil.Process()
    with Rollback(env):
        if setup:
            setup()
        rss0 = process.memory_info().rss
        tracemalloc.start()
        fn()
        finish(env)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss1 = process.memory_info().rss
    return peak, rss1 - rss0, rss1


def measure(env, key, spec, runs):
    runs = min(runs, spec.get("runs", runs))
    result = {"label": spec["label"]}
    if spec.get("skip"):
        result.update(status="not measured", note=spec.get("note", ""))
        return result
    # Warm-up (registry caches, views, PostgreSQL buffers), then the runs.
    setup = spec.get("setup")
    timed(env, spec["run"], setup)
    timed(env, spec["floor"], setup)  # the floor sees the same data
    times, queries, floor_times = [], [], []
    orm_answer = floor_answer = None
    for _ in range(runs):
        elapsed, count, orm_answer = timed(env, spec["run"], setup)
        times.append(elapsed)
        queries.append(count)
        elapsed, _, floor_answer = timed(env, spec["floor"], setup)
        floor_times.append(elapsed)
    peak, rss_growth, rss = memory(env, spec["run"], setup)
    median = statistics.median(times)
    floor = statistics.median(floor_times)
    result.update(
        status="measured",
        runs=runs,
        median_ms=round(1000 * median, 1),
        min_ms=round(1000 * min(times), 1),
        max_ms=round(1000 * max(times), 1),
        queries=max(queries),
        queries_min=min(queries),
        floor_ms=round(1000 * floor, 2),
        ratio=round(median / floor, 1) if floor else None,
        py_peak_mib=round(peak / 2**20, 1),
        rss_growth_mib=round(rss_growth / 2**20, 1),
        rss_mib=round(rss / 2**20, 1),
    )
    if spec.get("check"):
        result["check"] = spec["check"](orm_answer, floor_answer)
    if spec.get("note"):
        result["note"] = spec["note"]
    _logger.info("%s: %s", key, result)
    return result


# ----------------------------------------------------------------------
# 7. Public verification page under load
# ----------------------------------------------------------------------
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_command():
    """How to start this machine's Odoo (its odoo-bin, else ``-m odoo``)."""
    odoo_bin = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin")
    if os.path.exists(odoo_bin):
        return [sys.executable, odoo_bin]
    return [sys.executable, "-m", "odoo"]


def _cpu(procs):
    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def _postgres_processes():
    """The PostgreSQL server processes (all databases of the cluster: shared
    clusters add noise)."""
    result = []
    for proc in psutil.process_iter(["name"]):
        if proc.info["name"] in ("postgres", "postmaster"):
            result.append(proc)
    return result


def verification_load(args, env, info):
    from odoo.addons.ocop_certification.controllers.verify import get_verify_values

    rng = random.Random(args.seed)
    env.cr.execute("SELECT verify_token FROM ocop_certificate ORDER BY id")
    tokens = [row[0] for row in env.cr.fetchall()]
    sample = rng.sample(tokens, min(500, len(tokens)))
    # In-process cost of the lookup behind the page.
    env.invalidate_all()
    q0 = env.cr.sql_log_count
    get_verify_values(env, sample[0])
    lookup_queries = env.cr.sql_log_count - q0

    cmd = odoo_command()
    http_port, gevent_port = free_port(), free_port()
    cmd += [
        "-c",
        args.config,
        "-d",
        args.database,
        "--db-filter",
        f"^{args.database}$",
        "--workers=2",
        "--max-cron-threads=0",
        f"--http-port={http_port}",
        f"--gevent-port={gevent_port}",
        "--http-interface=127.0.0.1",
        "--log-level=warn",
        "--no-database-list",
    ]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    result = {
        "label": "7. Public verification page under load (--workers=2, loopback)",
        "lookup_queries": lookup_queries,
        "server": " ".join(cmd[2:]),
    }
    try:
        url = f"http://127.0.0.1:{http_port}/ocop/verify/{sample[0]}"
        for _ in range(120):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("the multi-worker server did not answer")
        proc = psutil.Process(server.pid)
        paths = [f"/ocop/verify/{t}" for t in sample]
        load_test("127.0.0.1", http_port, paths, 2, 2.0)  # warm-up
        levels = []
        for concurrency in (1, 4, 16):
            procs = [proc, *proc.children(recursive=True)]
            cpu0 = _cpu(procs)
            pg0 = _cpu(_postgres_processes())
            client0 = sum(psutil.Process().cpu_times()[:2])
            psutil.cpu_percent()
            stats = load_test(
                "127.0.0.1", http_port, paths, concurrency, args.load_seconds
            )
            stats["machine_cpu_percent"] = psutil.cpu_percent()
            cpu1 = _cpu(procs)
            pg1 = _cpu(_postgres_processes())
            client1 = sum(psutil.Process().cpu_times()[:2])
            stats["odoo_cpu_per_s"] = round((cpu1 - cpu0) / stats["seconds"], 2)
            stats["postgres_cpu_per_s"] = round((pg1 - pg0) / stats["seconds"], 2)
            stats["client_cpu_per_s"] = round((client1 - client0) / stats["seconds"], 2)
            stats["odoo_cpu_ms_per_request"] = (
                round(1000 * (cpu1 - cpu0) / stats["requests"], 2)
                if stats["requests"]
                else None
            )
            levels.append(stats)
            _logger.info("verification load: %s", stats)
        json_stats = load_test(
            "127.0.0.1",
            http_port,
            [p + ".json" for p in paths],
            4,
            args.load_seconds / 2,
        )
        json_stats["path"] = "/ocop/verify/<token>.json"
        result.update(status="measured", levels=levels, json=json_stats)
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
    return result


# ----------------------------------------------------------------------
# 8. Upgrading the modules on the generated data
# ----------------------------------------------------------------------
UPGRADED = "ocop_management,ocop_certification"
LOADED = re.compile(r"(\d+) modules loaded in ([\d.]+)s, (\d+) queries")


def module_upgrade(args):
    """``odoo-bin -u`` of both modules, as a new release is installed, with
    Odoo's default memory limits: wall time, peak resident memory of the
    process, queries. A data file that rewrites what millions of rows
    depend on shows here (it once ran out of memory)."""
    cmd = [
        *odoo_command(),
        "-c",
        args.config,
        "-d",
        args.database,
        "-u",
        UPGRADED,
        "--stop-after-init",
        "--no-http",
        "--max-cron-threads=0",
        "--log-level=info",
        "--logfile=",  # on stderr, read below
    ]
    t0 = time.perf_counter()
    server = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    proc = psutil.Process(server.pid)
    peak = 0
    while server.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.Error:
            break
        time.sleep(0.1)
    log = server.stderr.read()
    seconds = time.perf_counter() - t0
    loaded = LOADED.findall(log)
    result = {
        "label": "8. Upgrade of both modules (odoo-bin -u, default memory limits)",
        "modules": UPGRADED,
        "exit_code": server.returncode,
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(peak / 2**20, 1),
        "queries": max((int(q) for __, __, q in loaded), default=None),
        "status": "measured" if server.returncode == 0 else "failed",
    }
    if server.returncode:
        # the exception's own line (e.g. MemoryError), else the last line
        lines = log.strip().splitlines() or ["?"]
        errors = [
            line for line in lines if re.match(r"^[\w.]*(Error|Exception)\b", line)
        ]
        result["error"] = (errors or lines)[-1]
    _logger.info("module upgrade: %s", result)
    return result


# ----------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------
def machine():
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": psutil.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "odoo": odoo.release.version,
        "os": platform.platform(),
    }


def markdown(results):
    info = results["data"]
    mach = results["machine"]
    lines = [
        f"# OCOP benchmark — preset `{results['preset']}`",
        "",
        f"Run {results['date']} on {mach['cpu']}, {mach['cores']} cores, "
        f"{mach['memory_gib']} GiB, PostgreSQL {results.get('postgresql', '?')}, "
        f"Odoo {mach['odoo']}; load average before the run "
        f"{results.get('load_average')}.",
        "",
        "Data: "
        + ", ".join(f"{v:,} {k}" for k, v in info.get("counts", {}).items())
        + f". Certificates by state: {info.get('certificate_states')}.",
        "",
        "| Operation | Median ms | Queries | Floor ms | Ratio "
        "| Py peak MiB | RSS MiB | Check |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for op in results["operations"].values():
        if op.get("status") != "measured":
            lines.append(
                f"| {op['label']} | not measured | | | | | | {op.get('note', '')} |"
            )
            continue
        check = ", ".join(f"{k}: {v}" for k, v in (op.get("check") or {}).items())
        lines.append(
            f"| {op['label']} | {op['median_ms']} | {op['queries']} | {op['floor_ms']} "
            f"| {op['ratio']}× | {op['py_peak_mib']} | {op['rss_mib']} | {check} |"
        )
    load = results.get("verification")
    if load and load.get("status") == "measured":
        lines += [
            "",
            f"## {load['label']}",
            "",
            f"Lookup: {load['lookup_queries']} queries per page.",
            "",
            "| Clients | Requests | req/s | p50 ms | p95 ms | p99 ms "
            "| Odoo CPU (cores) | Odoo CPU ms/req | PostgreSQL CPU (cores) "
            "| Client CPU (cores) | Machine CPU % | Errors |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for lvl in load["levels"]:
            cells = [
                lvl["concurrency"],
                lvl["requests"],
                lvl["rps"],
                lvl["p50_ms"],
                lvl["p95_ms"],
                lvl["p99_ms"],
                lvl["odoo_cpu_per_s"],
                lvl["odoo_cpu_ms_per_request"],
                lvl["postgres_cpu_per_s"],
                lvl["client_cpu_per_s"],
                lvl["machine_cpu_percent"],
                lvl["errors"],
            ]
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
        j = load["json"]
        lines += [
            "",
            f"JSON (`{j['path']}`, 4 clients): {j['rps']} req/s, p50 {j['p50_ms']} ms, "
            f"p95 {j['p95_ms']} ms, p99 {j['p99_ms']} ms.",
        ]
    elif load:
        lines += [
            "",
            f"Verification load: {load.get('status')} {load.get('error', '')}",
        ]
    upgrade = results.get("upgrade")
    if upgrade:
        lines += ["", f"## {upgrade['label']}", ""]
        if upgrade["status"] == "measured":
            lines.append(
                f"{upgrade['seconds']} s, peak resident memory "
                f"{upgrade['peak_rss_mib']} MiB, {upgrade['queries']:,} queries."
            )
        else:
            lines.append(
                f"Failed (exit code {upgrade['exit_code']}) after "
                f"{upgrade['seconds']} s, peak {upgrade['peak_rss_mib']} MiB: "
                f"{upgrade['error']}"
            )
    lines.append("")
    return "\n".join(lines)


def vacuum(database):
    """VACUUM (ANALYZE) the generated data, so that autovacuum does not wake
    up on the freshly loaded tables while the operations are being timed."""
    import psycopg2  # noqa: PLC0415

    __, info = odoo.sql_db.connection_info_for(database)
    t0 = time.perf_counter()
    connection = psycopg2.connect(**info)
    try:
        connection.autocommit = True  # VACUUM runs outside a transaction
        with connection.cursor() as cr:
            cr.execute("VACUUM (ANALYZE)")
    finally:
        connection.close()
    _logger.info("VACUUM (ANALYZE): %.1fs", time.perf_counter() - t0)


def main():
    args = parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    logging.getLogger("ocop.bench").setLevel(logging.INFO)
    registry = odoo.modules.registry.Registry(args.database)
    info = None
    if not args.skip_generate:
        from generate import Generator

        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            info = Generator(env, args.preset, args.seed).run()
            env["ir.config_parameter"].set_param(
                INFO_PARAM, json.dumps(info, default=str)
            )
            cr.commit()
        _logger.info("generated: %s", info)
        vacuum(args.database)
        if args.generate_only:
            return
        # Measure in a fresh process, as a server worker would run: the
        # generator leaves a large heap behind, and Python's garbage collector
        # walking it made the measured operations up to 1.7x slower.
        odoo.sql_db.close_all()
        sys.stdout.flush()
        sys.stderr.flush()
        argv = [sys.executable, os.path.abspath(sys.argv[0]), *sys.argv[1:]]
        os.execv(sys.executable, [*argv, "--skip-generate"])
    results = {
        "preset": args.preset,
        "seed": args.seed,
        "date": datetime.now().strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "operations": {},
    }
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        info = json.loads(env["ir.config_parameter"].get_param(INFO_PARAM))
        results["data"] = info
        cr.execute("SHOW server_version")
        results["postgresql"] = cr.fetchone()[0]
        only = set(args.only.split(",")) if args.only else None
        for key, factory in OPERATIONS:
            if only and key not in only:
                continue
            try:
                specs = factory(env, info)
                for spec in specs if isinstance(specs, list) else [specs]:
                    sub = spec.get("key", key)
                    results["operations"][sub] = measure(env, sub, spec, args.runs)
            except Exception as exc:  # noqa: BLE001 — report, go on
                _logger.exception("operation %s failed", key)
                cr.rollback()
                results["operations"][key] = {
                    "label": key,
                    "status": "failed",
                    "note": f"{type(exc).__name__}: {exc}",
                }
        if not args.skip_load and (not only or "verification" in only):
            try:
                results["verification"] = verification_load(args, env, info)
            except Exception as exc:  # noqa: BLE001
                _logger.exception("verification load failed")
                results["verification"] = {"status": "failed", "error": str(exc)}
        cr.rollback()
    # last, on its own: it commits, and waits for no open transaction
    if not args.skip_upgrade and (not only or "upgrade" in only):
        results["upgrade"] = module_upgrade(args)
    os.makedirs(args.out, exist_ok=True)
    base = os.path.join(args.out, f"results-{args.preset}")
    with open(base + ".json", "w") as f:
        json.dump(results, f, indent=2, default=str, ensure_ascii=False)
    with open(base + ".md", "w") as f:
        f.write(markdown(results))
    print(markdown(results))


if __name__ == "__main__":
    main()
