#!/usr/bin/env bash
# make bench: install MODULES (no demo data) into database BENCH_DB of a
# throwaway PostgreSQL cluster, generate the BENCH_PRESET data set (district,
# province or national) from BENCH_SEED, measure every operation and write
# $BENCH_OUT/results-<preset>.json and .md. The cluster is removed on exit.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_DB=${BENCH_DB:-ocop_bench}
BENCH_PRESET=${BENCH_PRESET:-district}
BENCH_SEED=${BENCH_SEED:-42}
BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_PG_PORT=${BENCH_PG_PORT:-5435}
BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-8269}
BENCH_OUT=${BENCH_OUT:-$REPO_ROOT/docs/bench}
BENCH_ARGS=${BENCH_ARGS:-}

case $BENCH_PRESET in
district | province | national) ;;
*) die "BENCH_PRESET must be district, province or national (not '$BENCH_PRESET')" ;;
esac

cd "$REPO_ROOT"
require_odoo
ensure_deps with-postgres

throwaway_cluster_dir ocop-bench

pg_init "$tmp/pgdata" fast
# A little more memory than the defaults for the national preset's millions
# of scoring lines (still modest: the machine may have 2 cores and a few GiB).
{
    echo "shared_buffers = 256MB"
    echo "work_mem = 32MB"
    echo "maintenance_work_mem = 256MB"
    echo "max_wal_size = 2GB"
} | as_pg tee -a "$tmp/pgdata/postgresql.conf" >/dev/null
pg_start "$tmp/pgdata" "$tmp/sock" "$BENCH_PG_PORT"
conf=$tmp/odoo.conf
write_odoo_conf "$conf" "$BENCH_DB" "$tmp/data" "$BENCH_HTTP_PORT" "$tmp/sock" "$BENCH_PG_PORT"

log "Installing $MODULES into a fresh database $BENCH_DB (no demo data)"
start=$SECONDS
run_odoo -c "$conf" -d "$BENCH_DB" -i "$MODULES" --without-demo=all \
    --stop-after-init --no-http --log-level=warn ||
    die "installing $MODULES failed"
read -r missing _ < <(module_state "$conf" "$BENCH_DB" "$MODULES")
[ "$missing" = - ] || die "not installed: $missing (see the log above)"
log "Installed in $((SECONDS - start))s"

log "Benchmark: preset $BENCH_PRESET, seed $BENCH_SEED, $BENCH_RUNS runs per operation"
# shellcheck disable=SC2086  # BENCH_ARGS is a word list
"$PYTHON" "$REPO_ROOT/tests/bench/run.py" -c "$conf" -d "$BENCH_DB" \
    --preset "$BENCH_PRESET" --seed "$BENCH_SEED" --runs "$BENCH_RUNS" \
    --out "$BENCH_OUT" $BENCH_ARGS ||
    die "the benchmark failed"
log "Results: $BENCH_OUT/results-$BENCH_PRESET.json and .md"
