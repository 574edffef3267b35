#!/usr/bin/env bash
# The batch API end to end: N profiles (default 100 000) as NDJSON posted to a local Certa
# (127.0.0.1, SQLite, Release), answers streamed back; prints the wall time and the line counts.
# Usage: bench/load/advisor-batch.sh [count]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}
dir=$(mktemp -d /tmp/certa-batch.XXXXXX)
dotnet build -c Release bench/Certa.Bench -nologo -v quiet >/dev/null
dotnet run -c Release --no-build --project bench/Certa.Bench -- ndjson "$count" "$dir/profiles.ndjson"
./certa serve --data-dir "$dir" --urls http://127.0.0.1:5182 >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 90); do curl -sf http://127.0.0.1:5182/health/ready >/dev/null && break; sleep 1; done
# One warm-up line so that the advisor is built before timing.
head -n 1 "$dir/profiles.ndjson" | curl -sf -H 'Content-Type: application/x-ndjson' --data-binary @- http://127.0.0.1:5182/api/v1/requirements/batch >/dev/null
echo "profiles: $count ($(du -h "$dir/profiles.ndjson" | cut -f1) of NDJSON)"
start=$(date +%s.%N)
curl -sf -H 'Content-Type: application/x-ndjson' --data-binary @"$dir/profiles.ndjson" \
  http://127.0.0.1:5182/api/v1/requirements/batch -o "$dir/answers.ndjson"
end=$(date +%s.%N)
echo "answers: $(wc -l <"$dir/answers.ndjson") lines, $(du -h "$dir/answers.ndjson" | cut -f1); with errors: $(grep -c '"errors":\[' "$dir/answers.ndjson" || true)"
echo "wall time: $(echo "$end - $start" | bc) s"
