# shellcheck shell=bash
# Shared helpers for the harness scripts (sourced, not executed).
#
# Settings (environment variables, all optional; the Makefile passes them on):
#   PYTHON      Python interpreter that can import Odoo 18.0   (python3)
#   ODOO_BIN    command that runs Odoo       (<odoo source>/odoo-bin or "python3 -m odoo")
#   MODULES     comma-separated addons to install/test         (ocop_management,ocop_certification)
#   ADDONS      comma-separated extra addons folders           (<repo>/addons)
#   PG_BIN      folder holding initdb/pg_ctl/postgres          (newest /usr/lib/postgresql/*/bin)
#   SKIP_DEPS   set to 1 to skip the pip/apt dependency step

set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PYTHON=${PYTHON:-python3}
MODULES=${MODULES:-ocop_management,ocop_certification}
ADDONS=${ADDONS:-$REPO_ROOT/addons}
# Odoo's database layer and tests assume UTC as the process time zone
# (odoo-bin sets it too).
export TZ=UTC

log() { printf '==> %s\n' "$*"; }
die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" = 0 ]; }

# Run a PostgreSQL server command: the server refuses to run as root, so use
# the "postgres" OS account when we are root.
as_pg() {
    if is_root; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# --------------------------------------------------------------------------
# Dependencies
# --------------------------------------------------------------------------

deb_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_debian_deps PKG...: apt-get install only the packages that are missing.
ensure_debian_deps() {
    local missing=() pkg sudo=
    if ! command -v dpkg-query >/dev/null; then
        log "Not a Debian system: not checking $*"
        return 0
    fi
    for pkg in "$@"; do
        deb_installed "$pkg" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "Debian packages present: $*"
        return 0
    fi
    log "Installing missing Debian packages: ${missing[*]}"
    is_root || sudo=sudo
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

ensure_python_deps() {
    if "$PYTHON" "$REPO_ROOT/tests/harness/check_requirements.py" "$REPO_ROOT/requirements.txt"; then
        log "Python requirements already satisfied"
    else
        log "Installing Python requirements"
        "$PYTHON" -m pip install --disable-pip-version-check -r "$REPO_ROOT/requirements.txt"
    fi
}

# ensure_deps [with-postgres]
ensure_deps() {
    if [ "${SKIP_DEPS:-0}" = 1 ]; then
        log "SKIP_DEPS=1: not checking dependencies"
        return 0
    fi
    local debs=(chromium wkhtmltopdf fonts-noto-core)
    [ "${1:-}" = with-postgres ] && debs+=(postgresql-15)
    ensure_debian_deps "${debs[@]}"
    ensure_python_deps
}

require_odoo() {
    "$PYTHON" -c 'import odoo.release as r, sys; sys.exit(r.version_info[:2] != (18, 0))' 2>/dev/null ||
        die "Odoo 18.0 is not importable by '$PYTHON'. Install Odoo 18.0 (e.g. pip install -e <odoo-18.0 checkout>) and retry."
}

# --------------------------------------------------------------------------
# Odoo
# --------------------------------------------------------------------------

# Print the command used to run Odoo.
odoo_cmd() {
    if [ -n "${ODOO_BIN:-}" ]; then
        echo "$ODOO_BIN"
        return
    fi
    local root
    root=$("$PYTHON" -c 'import odoo, os; print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))')
    if [ -f "$root/odoo-bin" ]; then
        echo "$PYTHON $root/odoo-bin"
    else
        echo "$PYTHON -m odoo"
    fi
}

run_odoo() {
    local cmd
    cmd=$(odoo_cmd)
    # shellcheck disable=SC2086  # the command may hold several words
    $cmd "$@"
}

# Odoo's own addons folders followed by the project's, comma-separated.
addons_path() {
    local odoo_addons
    odoo_addons=$("$PYTHON" - <<'EOF'
import os
import odoo

pkg = os.path.dirname(os.path.abspath(odoo.__file__))
dirs = [os.path.join(pkg, "addons"), os.path.join(os.path.dirname(pkg), "addons")]
print(",".join(d for d in dirs if os.path.isfile(os.path.join(d, "web", "__manifest__.py"))))
EOF
)
    [ -n "$odoo_addons" ] || die "cannot find Odoo's addons folder (the one holding 'web')"
    echo "$odoo_addons,$ADDONS"
}

# write_odoo_conf FILE DB DATA_DIR HTTP_PORT [PG_SOCKDIR PG_PORT]
# Without PG_SOCKDIR the libpq defaults / PG* environment variables apply.
write_odoo_conf() {
    local file=$1 db=$2 data_dir=$3 http_port=$4 sockdir=${5:-} port=${6:-}
    {
        echo "[options]"
        echo "addons_path = $(addons_path)"
        echo "data_dir = $data_dir"
        echo "db_name = $db"
        echo "dbfilter = ^$db\$"
        echo "http_port = $http_port"
        if [ -n "$sockdir" ]; then
            echo "db_host = $sockdir"
            echo "db_port = $port"
            echo "db_user = odoo"
            echo "db_password = False"
        fi
    } >"$file"
}

# module_state CONF DB MODULES: print "<not installed> <installed>", two
# comma-separated lists of MODULES ("-" when empty), read from database DB.
module_state() {
    "$PYTHON" - "$@" <<'EOF'
import configparser
import sys

import psycopg2

conf, db, modules = sys.argv[1:4]
parser = configparser.ConfigParser(interpolation=None)
parser.read(conf)
options = parser["options"]
kwargs = {}
for key in ("host", "port", "user", "password"):
    value = options.get("db_" + key)
    if value and value != "False":
        kwargs[key] = value
wanted = [m.strip() for m in modules.split(",") if m.strip()]
installed = set()
conn = psycopg2.connect(dbname="postgres", **kwargs)
with conn.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
    exists = bool(cr.fetchone())
conn.close()
if exists:
    conn = psycopg2.connect(dbname=db, **kwargs)
    with conn.cursor() as cr:
        cr.execute("SELECT to_regclass('ir_module_module')")
        if cr.fetchone()[0]:
            cr.execute(
                "SELECT name FROM ir_module_module"
                " WHERE state = 'installed' AND name = ANY(%s)",
                [wanted],
            )
            installed = {row[0] for row in cr.fetchall()}
    conn.close()
todo = [m for m in wanted if m not in installed]
done = [m for m in wanted if m in installed]
print(",".join(todo) or "-", ",".join(done) or "-")
EOF
}

# --------------------------------------------------------------------------
# PostgreSQL cluster listening on a unix socket only
# --------------------------------------------------------------------------

pg_bin() {
    local d
    if [ -n "${PG_BIN:-}" ]; then
        echo "$PG_BIN"
        return
    fi
    for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [ -x "$d/initdb" ]; then
            echo "$d"
            return
        fi
    done
    if command -v initdb >/dev/null; then
        dirname "$(command -v initdb)"
        return
    fi
    die "PostgreSQL server programs (initdb, pg_ctl) not found: install postgresql-15 or set PG_BIN"
}

# pg_prepare_dir DIR: create DIR (mode 0700) owned by whoever runs the server.
pg_prepare_dir() {
    mkdir -p "$1"
    chmod 700 "$1"
    if is_root; then
        chown postgres: "$1"
        as_pg test -w "$1" ||
            die "the 'postgres' OS user cannot write to $1 (are its parent folders traversable?)"
    fi
}

# pg_init DATADIR [fast]: create the cluster if DATADIR does not hold one.
# Superuser "odoo", trust authentication, no TCP. "fast" trades durability for
# speed (throwaway test clusters).
pg_init() {
    local datadir=$1 mode=${2:-} locale=C
    [ -f "$datadir/PG_VERSION" ] && return 0
    log "Creating PostgreSQL cluster in $datadir"
    pg_prepare_dir "$datadir"
    # A UTF-8 ctype keeps upper()/lower()/ilike right for Vietnamese text.
    if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then
        locale=C.UTF-8
    fi
    as_pg "$(pg_bin)/initdb" --pgdata="$datadir" --username=odoo --auth=trust \
        --encoding=UTF8 --locale="$locale" >/dev/null
    {
        echo "listen_addresses = ''"
        echo "include_if_exists = 'harness.conf'"
        if [ "$mode" = fast ]; then
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
    } | as_pg tee -a "$datadir/postgresql.conf" >/dev/null
}

pg_running() {
    as_pg "$(pg_bin)/pg_ctl" --pgdata="$1" status >/dev/null 2>&1
}

# pg_start DATADIR SOCKDIR PORT
pg_start() {
    local datadir=$1 sockdir=$2 port=$3
    pg_prepare_dir "$sockdir"
    sockdir=$(cd "$sockdir" && pwd)
    printf "unix_socket_directories = '%s'\nport = %s\n" "$sockdir" "$port" |
        as_pg tee "$datadir/harness.conf" >/dev/null
    log "Starting PostgreSQL (socket $sockdir/.s.PGSQL.$port, log $datadir/server.log)"
    as_pg "$(pg_bin)/pg_ctl" --pgdata="$datadir" --log="$datadir/server.log" \
        --wait --timeout=60 start >/dev/null ||
        die "PostgreSQL did not start, see $datadir/server.log"
}

pg_stop() {
    local datadir=$1
    if [ -f "$datadir/postmaster.pid" ]; then
        log "Stopping PostgreSQL ($datadir)"
        as_pg "$(pg_bin)/pg_ctl" --pgdata="$datadir" --mode=fast --wait stop >/dev/null || true
    fi
}

# throwaway_cluster_dir PREFIX: a fresh folder in $tmp for a throwaway
# PostgreSQL cluster ($tmp/pgdata), whose cluster is stopped and folder removed
# when the script exits, whatever the reason.
throwaway_cluster_dir() {
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    chmod 711 "$tmp" # the postgres OS user must reach its folders
    trap _throwaway_cluster_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}
_throwaway_cluster_cleanup() {
    local rc=$?
    pg_stop "$tmp/pgdata"
    rm -rf "$tmp"
    exit "$rc"
}
