# OCOP for Odoo: demo server, tests and lint.
# Needs Odoo 18.0 importable by $(PYTHON); everything else is installed on demand
# (pinned Python packages from requirements.txt, missing Debian packages via apt-get).
#
#   make demo   create/update the demo database and serve it on http://localhost:8069
#   make stop   stop the demo PostgreSQL cluster (data kept in .local/)
#   make test   lint, then install the addons in a throwaway database and run all tests
#   make lint   ruff + pylint-odoo
#   make bench  generate BENCH_PRESET data in a throwaway database and measure (docs/bench/)
#   make deps   only install the dependencies
#   make readme rebuild each addon's README.rst from its readme/*.md
#
# Variables (override on the command line, e.g. `make test PYTEST_ARGS="-k tour"`):
PYTHON         ?= python3
# addons to install and test
MODULES        ?= ocop_management,ocop_certification
# comma-separated folders holding them (Odoo's own addons are always added)
ADDONS         ?= $(CURDIR)/addons
# demo: database, HTTP port, port number of the local PostgreSQL socket
DEMO_DB        ?= ocop_demo
DEMO_HTTP_PORT ?= 8069
DEMO_PG_PORT   ?= 5433
# test: database, HTTP port, PostgreSQL socket port
TEST_DB        ?= ocop_test
TEST_HTTP_PORT ?= 8169
TEST_PG_PORT   ?= 5434
# test: --without-demo value used to install the addons (empty = load demo data)
WITHOUT_DEMO   ?= all
# test: what pytest collects (default: the folders of MODULES, and tests/)
TEST_PATHS     ?=
# test: extra pytest arguments, Odoo log level during the tests
PYTEST_ARGS    ?=
TEST_LOG_LEVEL ?= warn
# bench: data set (district ~100 products, province ~1,000, national 20,000),
# seed, timed runs per operation, database, PostgreSQL socket port, output folder
BENCH_PRESET   ?= district
BENCH_SEED     ?= 42
BENCH_RUNS     ?= 5
BENCH_DB       ?= ocop_bench
BENCH_PG_PORT  ?= 5435
BENCH_OUT      ?= $(CURDIR)/docs/bench
# 1 = do not check/install dependencies; 1 = `make test` without lint (not for CI)
SKIP_DEPS      ?= 0
SKIP_LINT      ?= 0
# Also honoured from the environment: ODOO_BIN (command running Odoo), PG_BIN
# (PostgreSQL server programs), PGHOST/PGPORT/PGUSER/PGPASSWORD (demo only:
# use that server instead of the project-local cluster).

export PYTHON MODULES ADDONS DEMO_DB DEMO_HTTP_PORT DEMO_PG_PORT TEST_DB \
	TEST_HTTP_PORT TEST_PG_PORT WITHOUT_DEMO TEST_PATHS PYTEST_ARGS \
	TEST_LOG_LEVEL SKIP_LINT SKIP_DEPS BENCH_PRESET BENCH_SEED BENCH_RUNS \
	BENCH_DB BENCH_PG_PORT BENCH_OUT

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
HARNESS := tests/harness

.PHONY: help demo stop test lint deps readme bench
help:
	@sed -n 's/^#   //p' $(firstword $(MAKEFILE_LIST))

demo:
	@bash $(HARNESS)/demo.sh

stop:
	@bash $(HARNESS)/stop.sh

test:
	@bash $(HARNESS)/test.sh

lint:
	@bash $(HARNESS)/lint.sh

bench:
	@bash $(HARNESS)/bench.sh

deps:
	@bash $(HARNESS)/deps.sh

readme:
	@$(PYTHON) $(HARNESS)/readme.py addons
