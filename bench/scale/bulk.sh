#!/usr/bin/env bash
# Bulk verification against a generated registry, as a marketplace would send it: every certificate number in the database
# (at most 1 000 000, the API's limit a request) as one CSV, POSTed by curl to verify:bulk on a `certa serve` of that database.
# Usage (after bench/scale/run.sh made the registry):
#   bench/scale/bulk.sh sqlite   /tmp/certa-scale-sqlite-1000000
#   bench/scale/bulk.sh postgres /tmp/certa-scale-postgres-1000000 "Host=127.0.0.1;Port=55432;Username=postgres;Database=certa_1m"
set -euo pipefail
provider=${1:?sqlite or postgres}
data=${2:?data directory}
connection=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
cli="dotnet $root/src/Certa.Cli/bin/Release/net10.0/certa.dll --provider $provider --data-dir $data"
if [ -n "$connection" ]; then cli="$cli --connection-string $connection"; fi
csv=$data/bulk-numbers.csv
if [ ! -s "$csv" ]; then
  if [ "$provider" = postgres ]; then
    psql "$(echo "$connection" | sed 's/Host=/host=/;s/;Port=/ port=/;s/;Username=/ user=/;s/;Database=/ dbname=/')" -At \
      -c "SELECT \"Number\" FROM \"Certificates\" ORDER BY md5(\"Number\") LIMIT 1000000" > "$csv"
  else
    sqlite3 "$data/certa.db" "SELECT Number FROM Certificates ORDER BY substr(Id, 30) LIMIT 1000000" > "$csv"
  fi
fi
lines=$(wc -l < "$csv")
port=5599
# Anonymous bulk is rate-limited by the minute, so a benchmark from one address would be refused after its first request; the
# supervision round is off so that it does not share the machine with the measurement.
Certa__RateLimits__AnonymousBulkPerMinute=0 Certa__Supervision__Scheduler=false Certa__Supervision__RunAtStart=false $cli serve --urls http://127.0.0.1:$port > "$data/bulk-serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:$port/health/ready > /dev/null && break; sleep 1; done
# A warm-up of 10 000 lines, then the whole file.
head -n 10000 "$csv" | curl -sS -o /dev/null -H 'Content-Type: text/csv' -H 'Expect:' --data-binary @- http://127.0.0.1:$port/api/v1/public/verify:bulk
out=$data/bulk-results.ndjson
timing=$(curl -sS -o "$out" -w '%{http_code} %{time_starttransfer} %{time_total}' -H 'Content-Type: text/csv' -H 'Expect:' \
  --data-binary @"$csv" http://127.0.0.1:$port/api/v1/public/verify:bulk)
read -r status first total <<< "$timing"
answered=$(wc -l < "$out")
valid=$(grep -c '"valid":true' "$out" || true)
echo "bulk verify ($provider, $(basename "$data")): $lines numbers, HTTP $status, first byte ${first}s, total ${total}s, $answered lines answered, $valid valid, server RSS $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
