#!/usr/bin/env bash
# The mixed load of issue 10 (90 % public verification, 9 % portal reads by a signed-in body admin, 1 % drafts by a
# signed-in applicant with an Idempotency-Key; bench/Certa.Bench/MixLoad.cs) on one Certa instance, then on two behind the reverse proxy
# (src/Certa.Proxy), then on two again with one killed (kill -9) halfway. A throwaway PostgreSQL, Release builds,
# everything on 127.0.0.1 (ports 5130-5132), bounded in time, everything stopped at the end.
# Usage: [CERTA_NO_BUILD=1] bench/load/cluster.sh [seconds per run, 30] [workers, 16] [generated certificates, 20000; 0 = demo ones only]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
workers=${2:-16}
certificates=${3:-20000}
proxy_port=5130 one_port=5131 two_port=5132

dir=$(mktemp -d /tmp/certa-cluster.XXXXXX)
pids=()
pg_dir=
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$pg_dir" ] && scripts/postgres-for-tests.sh stop "$pg_dir"
  rm -rf "$dir"
}
trap cleanup EXIT

# CERTA_NO_BUILD=1 reuses the Release builds already there (a shared machine where builds queue behind others).
if [ -z "${CERTA_NO_BUILD:-}" ]; then
  echo "Building (Release)..." >&2
  dotnet build src/Certa.Cli -c Release -nologo -v quiet >/dev/null
  dotnet build bench/Certa.Bench -c Release -nologo -v quiet >/dev/null
fi
certa_dll=src/Certa.Cli/bin/Release/net10.0/certa.dll

scripts/postgres-for-tests.sh start >"$dir/pg.txt"
pg_dir=$(sed -n 's/^DIR=//p' "$dir/pg.txt")
connection=$(sed -n 's/^CONNECTION=//p' "$dir/pg.txt")
export Certa__Database__Provider=Postgres Certa__Database__ConnectionString="$connection"
# Limits off: the load measures the instances, not the limiter. Requests come through the proxy on loopback.
export Certa__RateLimits__AnonymousPerMinute=0 Certa__RateLimits__ClientPerMinute=0 Certa__Proxy__KnownProxies__0=127.0.0.1
export Serilog__MinimumLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production

if [ "$certificates" -gt 0 ]; then
  echo "Generating $certificates certificates (certa dev generate)..." >&2
  start=$(date +%s)
  dotnet "$certa_dll" dev generate --certificates "$certificates" 2>/dev/null | tail -n 1
  echo "generated in $(( $(date +%s) - start )) s" >&2
fi

ready() {
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 1; done
  echo "port $1 not ready after 300 s; its log ends:" >&2; tail -n 30 "$dir"/*-"$1".log >&2; exit 1
}
# start_instance PORT [--demo]: the first one seeds the demo world (organisations, people) and, on an empty database,
# the demo certificates.
start_instance() {
  # dotnet itself in the background (not a shell function), so that $! is the instance and kill -9 reaches it.
  dotnet "$certa_dll" serve --urls "http://127.0.0.1:$1" "${@:2}" >"$dir/certa-$1.log" 2>&1 &
  pids+=($!)
  eval "pid_$1=$!"
  ready "$1"
}
mix() { dotnet bench/Certa.Bench/bin/Release/net10.0/Certa.Bench.dll mix --provider postgres --connection-string "$connection" \
  --seconds "$seconds" --workers "$workers" "$@"; }

start_instance $one_port --demo
echo "## Mixed load, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $seconds s per run, $workers workers"
echo
mix --url "http://127.0.0.1:$one_port" --title "One instance, direct"

dotnet src/Certa.Proxy/bin/Release/net10.0/Certa.Proxy.dll --listen "http://127.0.0.1:$proxy_port" \
  --backend "http://127.0.0.1:$one_port" >"$dir/proxy-one.log" 2>&1 &
proxy=$!
pids+=($proxy)
ready $proxy_port
mix --url "http://127.0.0.1:$proxy_port" --title "One instance behind the proxy (the proxy's own cost)"
kill $proxy; wait $proxy 2>/dev/null || true

start_instance $two_port
dotnet src/Certa.Proxy/bin/Release/net10.0/Certa.Proxy.dll --listen "http://127.0.0.1:$proxy_port" \
  --backend "http://127.0.0.1:$one_port" --backend "http://127.0.0.1:$two_port" >"$dir/proxy.log" 2>&1 &
pids+=($!)
ready $proxy_port
mix --url "http://127.0.0.1:$proxy_port" --title "Two instances behind the proxy"

# The warm-up is 5 s (MixLoad); the kill comes halfway through the counted part.
mix --url "http://127.0.0.1:$proxy_port" --title "Two instances behind the proxy, the second killed (kill -9) halfway" --timeline &
run=$!
sleep $(( 5 + seconds / 2 ))
kill -9 "$pid_5132"
echo "(kill -9 of the instance on :$two_port at $(date -u +%H:%M:%S.%3N))" >&2
wait $run

echo "Restarting the killed instance..." >&2
start_instance $two_port
sleep 8
echo
echo "Proxy log (health changes):"
echo '```'
grep -iE "refused|out of rotation|unhealthy|healthy" "$dir/proxy.log" | grep -viE "probe.*(succeeded|200)" | head -n 40 || true
echo '```'
