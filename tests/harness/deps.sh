#!/usr/bin/env bash
# make deps: Debian packages (only the missing ones) and pinned Python packages.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_odoo

ensure_deps with-postgres
