#!/usr/bin/env bash
# The whole test suite, from a clean checkout: restores, builds (Release) and runs every test
# project, then prints one summary line "N passed, N failed". Installs what the tests need beyond
# the .NET SDK pinned in global.json: Debian's Chromium for the dashboard's browser tests, the
# npm packages (Chart.js for the dashboard, the Segment client the tracking tests send with), and
# Debian's PostgreSQL and ClickHouse, of which it starts throwaway servers on loopback ports in a
# temp directory for the backends' contract tests (one PostgreSQL, two ClickHouse shards), and
# stops them at the end. Servers already named by NORTHSTAR_TEST_POSTGRES /
# NORTHSTAR_TEST_CLICKHOUSE (+ _SHARDS) are used as they are.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (see global.json) is not installed." >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "error: Node.js and npm are needed (the dashboard's chart library and the tracking client tests)." >&2
  exit 1
fi

# Chromium for the browser tests (Playwright drives Debian's build; it never downloads one).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  sudo_=""
  if [ "$(id -u)" -ne 0 ]; then sudo_="sudo"; fi
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium >/dev/null
fi

# The Segment client the tracking tests run under node.
if [ -f tests/Northstar.Server.Tests/node/package-lock.json ]; then
  (cd tests/Northstar.Server.Tests/node && npm ci --no-audit --no-fund --loglevel=error)
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
servers=$(mktemp -d /tmp/northstar-test-servers.XXXXXX)
chmod 755 "$servers"
cleanup() {
  scripts/postgres.sh stop "$servers/postgres" >/dev/null 2>&1 || true
  scripts/clickhouse.sh stop "$servers/clickhouse" >/dev/null 2>&1 || true
  rm -rf "$log" "$servers"
}
trap cleanup EXIT

# The first port from $1 on that nothing listens on (and the next $2 - 1 ports too).
free_port() {
  local port=$1 span=${2:-1} i busy
  while :; do
    busy=0
    for ((i = 0; i < span; i++)); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$((port + i))") 2>/dev/null; then busy=1; break; fi
    done
    if [ "$busy" -eq 0 ]; then echo "$port"; return; fi
    port=$((port + 100))
  done
}

if [ -z "${NORTHSTAR_TEST_POSTGRES:-}" ]; then
  echo "Starting a throwaway PostgreSQL server..."
  # An assignment, not eval "$(...)": a server that fails to start stops the run here (set -e).
  started=$(scripts/postgres.sh start "$servers/postgres" "$(free_port 55432)")
  eval "$started"
fi
if [ -z "${NORTHSTAR_TEST_CLICKHOUSE:-}" ]; then
  echo "Starting two throwaway ClickHouse servers (two shards)..."
  started=$(scripts/clickhouse.sh start "$servers/clickhouse" "$(free_port 58123 30)" 2)
  eval "$started"
fi
export NORTHSTAR_TEST_POSTGRES NORTHSTAR_TEST_CLICKHOUSE NORTHSTAR_TEST_CLICKHOUSE_SHARDS

dotnet restore Northstar.slnx
dotnet build Northstar.slnx -c Release --no-restore -p:UseSharedCompilation=false
set +e
dotnet test Northstar.slnx -c Release --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# VSTest prints one line per test project, e.g.
#   Passed!  - Failed:     0, Passed:    41, Skipped:     0, Total:    41, Duration: 2 s - X.Tests.dll (net10.0)
# CI reads a single "N passed, N failed" line: add them up.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    line = $0; gsub(/,/, "", line); n = split(line, w, /[ \t]+/)
    for (i = 1; i < n; i++) {
      if (w[i] == "Failed:") failed += w[i + 1]
      if (w[i] == "Passed:") passed += w[i + 1]
      if (w[i] == "Skipped:") skipped += w[i + 1]
    }
    projects++
  }
  END {
    if (projects == 0) { print "0 passed, 1 failed (no test results found)"; exit }
    printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "$log"
exit "$status"
