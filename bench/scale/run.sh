#!/usr/bin/env bash
# Scale bench: generate a synthetic registry with `certa dev generate`, then time its read paths (bench mode `scale`)
# and save the query plans. Usage:
#   bench/scale/run.sh sqlite   1000000            # SQLite in /tmp/certa-scale-sqlite-N
#   bench/scale/run.sh postgres 10000000 "Host=127.0.0.1;Port=5432;Username=postgres;Database=certa_scale"
# PostgreSQL: a cluster of your own (scripts/postgres-for-tests.sh start), tuned for the run, e.g.
#   shared_buffers=2GB, maintenance_work_mem=1GB, max_wal_size=8GB, checkpoint_timeout=30min, wal_compression=on
# Disk: about 10 KB a certificate on SQLite and 7 KB on PostgreSQL (bench/RESULTS.md): check `df` first.
set -euo pipefail
provider=${1:?sqlite or postgres}
n=${2:?number of certificates}
connection=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
data=/tmp/certa-scale-$provider-$n
cli="dotnet $root/src/Certa.Cli/bin/Release/net10.0/certa.dll --provider $provider --data-dir $data"
if [ -n "$connection" ]; then cli="$cli --connection-string $connection"; fi
dotnet build -c Release "$root/src/Certa.Cli" -v q --nologo
dotnet build -c Release "$root/bench/Certa.Bench" -v q --nologo
mkdir -p "$data"
if [ ! -f "$data/generated" ]; then
  /usr/bin/time -v $cli dev generate --certificates "$n" 2>&1 | tr '\r' '\n' | grep -E "Generated|Elapsed|Maximum resident|certa:" | tee "$data/generated"
fi
$cli audit verify
$cli log monitor | tail -4
dotnet run -c Release --no-build --project "$root/bench/Certa.Bench" -- scale "$provider" "$data" "$connection" "${LOOKUPS:-10000}"
"$root/bench/scale/plans.sh" "$provider" "$data" "$connection"
