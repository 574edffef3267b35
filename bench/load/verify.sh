#!/usr/bin/env bash
# Single verification under load, side by side with a bare ASP.NET Core "hello" endpoint (bench/Certa.Hello), both on
# 127.0.0.1, bounded in time: wrk on GET /api/v1/public/certificates/{number} for one number (the answer cache's case)
# and for every demo number in turn with a model never asked before (each request a new question: the answer cache never
# hits, so every request reads the database), then on the hello endpoint. Both servers are warmed first.
# Usage: bench/load/verify.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dir=$(mktemp -d /tmp/certa-verify.XXXXXX)
dotnet build -c Release bench/Certa.Hello -nologo -v quiet >/dev/null
# Limits off: the bench measures the lookup, not the limiter (which is tested on its own).
Certa__RateLimits__AnonymousPerMinute=0 Serilog__MinimumLevel__Default=Warning \
  ./certa serve --demo --data-dir "$dir" --urls http://127.0.0.1:5183 >"$dir/serve.log" 2>&1 &
certa=$!
dotnet bench/Certa.Hello/bin/Release/net10.0/Certa.Hello.dll --urls http://127.0.0.1:5184 >"$dir/hello.log" 2>&1 &
hello=$!
trap 'kill $certa $hello 2>/dev/null; wait $certa $hello 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5183/health/ready >/dev/null && curl -sf http://127.0.0.1:5184/ >/dev/null && break; sleep 1; done
numbers=$(sqlite3 "$dir/certa.db" "SELECT Number FROM Certificates ORDER BY Number")
first=$(echo "$numbers" | head -n 1)
[ -n "$first" ] || { echo "no demo certificates to verify" >&2; exit 1; }
lua="$dir/verify-many.lua"
{
  echo "local numbers = {"; for n in $numbers; do echo "  \"$n\","; done; echo "}"
  echo 'local n = 0'
  echo 'request = function() n = n + 1; return wrk.format("GET", "/api/v1/public/certificates/" .. numbers[n % #numbers + 1] .. "?model=M" .. n) end'
} >"$lua"
run() { echo "== $1 (${seconds}s, 2 threads, 32 connections)"; shift; wrk -t2 -c32 -d"${seconds}s" --latency "$@" | grep -E "Latency|50%|99%|Requests/sec|Non-2xx"; }
curl -sf "http://127.0.0.1:5183/api/v1/public/certificates/$first" >/dev/null
# Warm both (JIT tiers, pools) before anything is measured.
wrk -t2 -c32 -d5s "http://127.0.0.1:5183/api/v1/public/certificates/$first" >/dev/null
wrk -t2 -c32 -d5s -s "$lua" http://127.0.0.1:5183 >/dev/null
wrk -t2 -c32 -d5s http://127.0.0.1:5184/ >/dev/null
run "hello: GET /" http://127.0.0.1:5184/
run "verify one number: GET /api/v1/public/certificates/$first" "http://127.0.0.1:5183/api/v1/public/certificates/$first"
run "verify $(echo "$numbers" | wc -l) numbers x distinct models (each request a distinct question: no answer-cache hits)" -s "$lua" http://127.0.0.1:5183
body=$(sqlite3 "$dir/certa.db" "SELECT BodyId FROM Certificates LIMIT 1")
run "status list: GET /status/$body/revocation (the signed list, from memory)" "http://127.0.0.1:5183/status/$body/revocation"
run "hello again: GET /" http://127.0.0.1:5184/
