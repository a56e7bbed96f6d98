#!/usr/bin/env bash
# make stop: stop the demo PostgreSQL cluster (its data stays in .local/pgdata).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ -f "$REPO_ROOT/.local/pgdata/PG_VERSION" ] && pg_running "$REPO_ROOT/.local/pgdata"; then
    pg_stop "$REPO_ROOT/.local/pgdata"
else
    log "The demo PostgreSQL cluster is not running"
fi
