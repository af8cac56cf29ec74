#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need (PostgreSQL,
# MariaDB and ClickHouse server binaries, the tests starting their own throwaway servers on loopback
# ports and stopping them; Chromium for the hub's page tests), builds, tests, and prints a closing
# "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/apt-install.sh

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${SODALITE_PG_BIN:-}" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing PostgreSQL server binaries (the tests start their own clusters)..."
    apt_install postgresql
  else
    echo "PostgreSQL server binaries not found: install the 'postgresql' package or set SODALITE_PG_BIN." >&2
    exit 1
  fi
fi

if [ ! -x /usr/sbin/mariadbd ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing MariaDB server binaries (the tests start their own server)..."
    apt_install mariadb-server
    # The package may start a system server; the tests use their own, so stop it.
    (service mariadb stop || true) >/dev/null 2>&1
  else
    echo "MariaDB server binaries not found: install the 'mariadb-server' package." >&2
    exit 1
  fi
fi

if [ ! -x /usr/sbin/clickhouse-server ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing ClickHouse server binaries (the tests start their own single node and two-shard cluster)..."
    apt_install clickhouse-server
    (service clickhouse-server stop || true) >/dev/null 2>&1
  else
    echo "ClickHouse server binaries not found: install the 'clickhouse-server' package." >&2
    exit 1
  fi
fi

if [ ! -x /usr/bin/chromium ] && [ -z "${SODALITE_CHROMIUM:-}" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium (the hub's page tests drive it headless with Playwright)..."
    apt_install chromium
  else
    echo "Chromium not found: install the 'chromium' package or set SODALITE_CHROMIUM to a Chromium binary." >&2
    exit 1
  fi
fi

if ! command -v strace >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing strace (a test watches the outbox flush its entries to disk)..."
    apt_install strace
  else
    echo "strace not found: install the 'strace' package." >&2
    exit 1
  fi
fi

# design.md §5: the code stays as dotnet format writes it.
if ! dotnet format Sodalite.slnx --verify-no-changes >/dev/null 2>&1; then
  echo "dotnet format --verify-no-changes found changes to make: run 'dotnet format Sodalite.slnx'." >&2
  format_failed=1
fi

log=$(mktemp)
set +e
dotnet test Sodalite.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$passed" -eq 0 ] || [ -n "${format_failed:-}" ]; then exit 1; fi

# The benchmark at a small size, so it keeps working: it fails when a scan's values differ from the
# hand-written SQL's. (Timings at this size mean nothing; the README's figures are from 10M rows.)
bench_data=$(mktemp -d)
dotnet run -c Release --project bench/Sodalite.Bench -- --rows 50000 --runs 1 --data "$bench_data" >/dev/null
dotnet run -c Release --no-build --project bench/Sodalite.Bench -- report --rows 20000 --runs 1 --data "$bench_data" >/dev/null
rm -rf "$bench_data"
echo "bench smoke: scan values equal the hand-written SQL's at 50,000 rows"

# The hub load test at a small size (a PostgreSQL-backed hub, concurrent pushes with duplicates): fails unless every
# result is stored exactly once. The README's figures are from 1,000 scans of 50 checks from 16 clients.
dotnet run -c Release --project bench/Sodalite.Bench -- hub --scans 60 --checks 10 --clients 4 >/dev/null
# Two hub processes on one database (PostgreSQL, then a SQLite file), clients spread over both: the database alone keeps it exact.
dotnet run -c Release --no-build --project bench/Sodalite.Bench -- hub --scans 60 --checks 10 --clients 4 --instances 2 >/dev/null 2>&1
dotnet run -c Release --no-build --project bench/Sodalite.Bench -- hub --scans 60 --checks 10 --clients 4 --instances 2 --store sqlite >/dev/null 2>&1
echo "hub load smoke: every result stored exactly once (one hub; two hub processes on PostgreSQL and on SQLite)"

# The server benchmarks at a small size (ClickHouse: one node and a two-shard cluster; PostgreSQL): they fail if the scan's
# values differ from the hand-written SQL's or its aggregate checks take more queries than planned. README figures: 10M rows.
dotnet run -c Release --project bench/Sodalite.Bench -- clickhouse --rows 100000 --runs 1 >/dev/null
echo "clickhouse bench smoke: single node and two-shard cluster values equal the hand-written SQL's at 100,000 rows"
dotnet run -c Release --project bench/Sodalite.Bench -- postgres --rows 100000 --runs 1 >/dev/null
echo "postgres bench smoke: values equal the hand-written SQL's at 100,000 rows"

# The hub's pages at a small size (SQLite and PostgreSQL): fails unless every page answers 200 with every check on it. The
# README's figures are from a dataset of 500 checks × 90 scans.
dotnet run -c Release --project bench/Sodalite.Bench -- pages --checks 50 --scans 10 --runs 3 >/dev/null
echo "pages bench smoke: every page answers with every check at 50 checks × 10 scans"
