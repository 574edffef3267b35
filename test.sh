#!/usr/bin/env bash
# Runs every test: unit, integration (on SQLite and on a throwaway PostgreSQL cluster) and browser
# (Playwright driving Debian's Chromium). Installs what is missing, cleans up after itself, and
# ends with the line "N passed, N failed". Exit code 0 only when every test passed.
set -uo pipefail
cd "$(dirname "$0")"

need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x "${CERTA_CHROMIUM:-/usr/bin/chromium}" ] || need_apt+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need_apt+=(fonts-wqy-zenhei)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
command -v zbarimg >/dev/null || need_apt+=(zbar-tools)
command -v node >/dev/null || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} (Debian packages)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# The independent verifiable-credential implementation the interop tests run against (npm, locked versions).
if [ ! -d tools/vc-interop/node_modules ]; then
  (cd tools/vc-interop && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci in tools/vc-interop failed"; echo "0 passed, 1 failed"; exit 1; }
fi

pg=$(scripts/postgres-for-tests.sh start) || { echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
PG_DIR=$(sed -n 's/^DIR=//p' <<<"$pg")
export CERTA_TEST_POSTGRES=$(sed -n 's/^CONNECTION=//p' <<<"$pg")
results=$(mktemp -d /tmp/certa-results.XXXXXX)
cleanup() { scripts/postgres-for-tests.sh stop "$PG_DIR"; rm -rf "$results"; }
trap cleanup EXIT
echo "PostgreSQL for tests: $CERTA_TEST_POSTGRES"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Certa.slnx -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/Certa.Domain.Tests tests/Certa.Requirements.Tests tests/Certa.Integration.Tests tests/Certa.Browser.Tests; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --logger "console;verbosity=minimal" || status=1
  [ -f "$results/$name.trx" ] || { echo "$name produced no results (crashed?)"; status=1; crashed=1; }
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
[ "${crashed:-0}" = 1 ] && failed=$((failed + 1))
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
