#!/usr/bin/env bash
# make lint: ruff (lint + format check) and pylint with pylint-odoo.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$REPO_ROOT"
[ "${SKIP_DEPS:-0}" = 1 ] || ensure_python_deps

paths=(addons tests data conftest.py)
addons=()
for manifest in addons/*/__manifest__.py; do
    [ -f "$manifest" ] && addons+=("$(dirname "$manifest")")
done

failed=()
log "ruff check ${paths[*]}"
"$PYTHON" -m ruff check --no-fix "${paths[@]}" || failed+=("ruff check")
log "ruff format --check ${paths[*]}"
"$PYTHON" -m ruff format --check "${paths[@]}" || failed+=("ruff format (run: ruff format ${paths[*]})")
if [ ${#addons[@]} -gt 0 ]; then
    log "pylint (pylint-odoo) ${addons[*]}"
    "$PYTHON" -m pylint --rcfile=.pylintrc "${addons[@]}" || failed+=("pylint")
fi

if [ ${#failed[@]} -gt 0 ]; then
    printf 'LINT FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
log "Lint passed"
