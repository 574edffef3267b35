#!/usr/bin/env bash
# HTTP load on the search API of a local Certa (127.0.0.1 only), bounded in time and connections.
# Usage: bench/load/search.sh [seconds]   — starts Certa on a scratch SQLite, runs wrk, stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dir=$(mktemp -d /tmp/certa-load.XXXXXX)
./certa serve --data-dir "$dir" --urls http://127.0.0.1:5181 >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:5181/health/ready >/dev/null && break; sleep 1; done
for q in '%E7%AC%94%E8%AE%B0%E6%9C%AC' 'laptop' 'GB%204943.1'; do
  echo "== GET /api/v1/search?q=$q  (${seconds}s, 2 threads, 16 connections)"
  wrk -t2 -c16 -d"${seconds}s" --latency "http://127.0.0.1:5181/api/v1/search?q=$q" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx"
done
