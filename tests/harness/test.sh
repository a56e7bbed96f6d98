#!/usr/bin/env bash
# make test: lint, then install MODULES into a fresh database of a throwaway
# PostgreSQL cluster and run every test with pytest-odoo (browser tests
# included). The cluster and its temporary folder are removed on exit.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEST_DB=${TEST_DB:-ocop_test}
TEST_HTTP_PORT=${TEST_HTTP_PORT:-8169}
TEST_PG_PORT=${TEST_PG_PORT:-5434}
WITHOUT_DEMO=${WITHOUT_DEMO-all}
TEST_PATHS=${TEST_PATHS:-} # default: the folders of MODULES, and tests/
PYTEST_ARGS=${PYTEST_ARGS:-}
TEST_LOG_LEVEL=${TEST_LOG_LEVEL:-warn}
SKIP_LINT=${SKIP_LINT:-0}

cd "$REPO_ROOT"
# Fail early, instead of letting browser tests be skipped.
require_odoo
ensure_deps with-postgres
chrome=
for candidate in google-chrome chromium chromium-browser google-chrome-stable; do
    if command -v "$candidate" >/dev/null; then
        chrome=$candidate
        break
    fi
done
[ -n "$chrome" ] || die "Chromium/Chrome not found: browser (tour) tests need it (apt-get install chromium)"
"$PYTHON" -c 'import websocket' 2>/dev/null ||
    die "Python module 'websocket' (websocket-client) is not importable: browser tests need it"
"$PYTHON" -c 'import pytest_odoo' 2>/dev/null ||
    die "pytest-odoo is not importable (pip install -r requirements.txt)"

if [ "$SKIP_LINT" = 1 ]; then
    log "SKIP_LINT=1: not linting"
else
    SKIP_DEPS=1 bash "$REPO_ROOT/tests/harness/lint.sh" ||
        die "lint failed (see above; \"make lint\" reruns it): tests not run"
fi

throwaway_cluster_dir ocop-test
sock=$tmp/sock/.s.PGSQL.$TEST_PG_PORT
if [ ${#sock} -gt 100 ]; then
    die "socket path $sock is too long for a unix socket: set TMPDIR to a shorter folder"
fi

pg_init "$tmp/pgdata" fast
pg_start "$tmp/pgdata" "$tmp/sock" "$TEST_PG_PORT"
conf=$tmp/odoo.conf
write_odoo_conf "$conf" "$TEST_DB" "$tmp/data" "$TEST_HTTP_PORT" "$tmp/sock" "$TEST_PG_PORT"

log "Installing $MODULES into a fresh database $TEST_DB (--without-demo=$WITHOUT_DEMO)"
start=$SECONDS
run_odoo -c "$conf" -d "$TEST_DB" -i "$MODULES" --without-demo="$WITHOUT_DEMO" \
    --stop-after-init --no-http --log-level=warn ||
    die "installing $MODULES failed"
read -r missing _ < <(module_state "$conf" "$TEST_DB" "$MODULES")
[ "$missing" = - ] || die "not installed: $missing (see the log above)"
log "Installed in $((SECONDS - start))s"

if [ -z "$TEST_PATHS" ]; then
    IFS=, read -ra addon_dirs <<<"$ADDONS"
    IFS=, read -ra modules <<<"$MODULES"
    for module in "${modules[@]}"; do
        for dir in "${addon_dirs[@]}"; do
            if [ -f "$dir/$module/__manifest__.py" ]; then
                TEST_PATHS+="$dir/$module "
                break
            fi
        done
    done
    TEST_PATHS+=tests
fi

log "Running tests: pytest $TEST_PATHS (browser: $chrome)"
rc=0
# "-p conftest" loads the repository's conftest.py (skips are failures) even
# for test folders outside the repository (ADDONS=...).
# shellcheck disable=SC2086  # TEST_PATHS and PYTEST_ARGS are word lists
"$PYTHON" -m pytest -p no:cacheprovider -p conftest -ra \
    --odoo-config="$conf" --odoo-database="$TEST_DB" --odoo-http \
    --odoo-log-level="$TEST_LOG_LEVEL" \
    $TEST_PATHS $PYTEST_ARGS || rc=$?
case $rc in
0) log "All tests passed" ;;
5) die "no tests were collected from: $TEST_PATHS" ;;
*) die "tests failed (pytest exit status $rc)" ;;
esac
