#!/usr/bin/env bash
# make demo: create or update the demo database and serve Odoo on DEMO_HTTP_PORT.
#
# Without PGHOST a project-local PostgreSQL cluster is used: data in
# .local/pgdata, unix socket in .local/pgsock (no TCP). With PGHOST set, that
# server is used through the usual PG* variables (PGPORT, PGUSER, PGPASSWORD).
# Ctrl-C stops Odoo (and the local PostgreSQL if this script started it); the
# data stays in .local/ for the next run.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEMO_DB=${DEMO_DB:-ocop_demo}
DEMO_HTTP_PORT=${DEMO_HTTP_PORT:-8069}
DEMO_PG_PORT=${DEMO_PG_PORT:-5433}
LOCAL_DIR=$REPO_ROOT/.local
PGDATA_DIR=$LOCAL_DIR/pgdata
PGSOCK_DIR=$LOCAL_DIR/pgsock
CONF=$LOCAL_DIR/odoo.conf

cd "$REPO_ROOT"
require_odoo
if [ -z "${PGHOST:-}" ]; then
    ensure_deps with-postgres
else
    ensure_deps
fi

mkdir -p "$LOCAL_DIR"
started_pg=0
cleanup() {
    if [ "$started_pg" = 1 ]; then
        pg_stop "$PGDATA_DIR"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${PGHOST:-}" ]; then
    pg_init "$PGDATA_DIR"
    if pg_running "$PGDATA_DIR"; then
        log "PostgreSQL already running ($PGDATA_DIR)"
    else
        pg_start "$PGDATA_DIR" "$PGSOCK_DIR" "$DEMO_PG_PORT"
        started_pg=1
    fi
    write_odoo_conf "$CONF" "$DEMO_DB" "$LOCAL_DIR/odoo-data" "$DEMO_HTTP_PORT" \
        "$PGSOCK_DIR" "$DEMO_PG_PORT"
else
    log "Using the PostgreSQL server at PGHOST=$PGHOST"
    write_odoo_conf "$CONF" "$DEMO_DB" "$LOCAL_DIR/odoo-data" "$DEMO_HTTP_PORT"
fi

read -r to_install to_update < <(module_state "$CONF" "$DEMO_DB" "$MODULES")
args=(-c "$CONF" -d "$DEMO_DB" --load-language=vi_VN --stop-after-init --no-http --log-level=warn)
if [ "$to_install" != - ]; then
    log "Installing $to_install (with demo data) into database $DEMO_DB"
    args+=(-i "$to_install")
fi
if [ "$to_update" != - ]; then
    log "Updating $to_update in database $DEMO_DB"
    args+=(-u "$to_update")
fi
log "(Odoo logs warnings and errors only here; this may take a few minutes)"
run_odoo "${args[@]}" || die "installing/updating the addons failed"
read -r to_install _ < <(module_state "$CONF" "$DEMO_DB" "$MODULES")
[ "$to_install" = - ] || die "not installed after the update: $to_install (see the log above)"

log "Setting the admin user's language to vi_VN and password to 'admin'"
run_odoo shell -c "$CONF" -d "$DEMO_DB" --no-http --log-level=warn <<'EOF'
env.ref("base.user_admin").write({"lang": "vi_VN", "password": "admin"})
env.cr.commit()
EOF

cat <<EOF

==> Odoo is starting on http://localhost:$DEMO_HTTP_PORT/odoo
    Log in with user "admin", password "admin" (database $DEMO_DB).
    Press Ctrl-C to stop; the data stays in .local/ for the next run.

EOF
run_odoo -c "$CONF" -d "$DEMO_DB"
