#!/usr/bin/env bash
# Saves the plans of the scale bench's queries: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite.
set -euo pipefail
provider=$1; data=$2; connection=${3:-}
out=$(cd "$(dirname "$0")" && pwd)/plans
mkdir -p "$out"
pg() { psql "$(echo "$connection" | sed 's/Host=/host=/;s/;Port=/ port=/;s/;Username=/ user=/;s/;Database=/ dbname=/')" "$@"; }
scalar() { if [ "$provider" = postgres ]; then pg -At -c "$1"; else sqlite3 "$data/certa.db" "$1"; fi; }
# Real values of this registry to search for: a certificate's main model less its last two characters, its holder's names.
holder=$(scalar "SELECT \"HolderId\" FROM \"Certificates\" WHERE \"StatusListIndex\" = 4242 LIMIT 1")
product=$(scalar "SELECT \"Product\" FROM \"Certificates\" WHERE \"StatusListIndex\" = 4242 LIMIT 1")
model=$(echo "$product" | python3 -c 'import json,sys; print(json.load(sys.stdin)["mainModel"].upper()[:-2])')
model_end=$(python3 -c 'import sys; m=sys.argv[1]; print(m[:-1] + chr(ord(m[-1]) + 1))' "$model")
name_en=$(scalar "SELECT lower(\"Name_En\") FROM \"Organisations\" WHERE \"Id\" = '$holder'" | cut -d' ' -f2-4)
name_zh=$(scalar "SELECT \"Name_Zh\" FROM \"Organisations\" WHERE \"Id\" = '$holder'" | python3 -c "import sys; print(sys.stdin.read().strip()[2:])")
queries=(
  "lookup-by-number|SELECT * FROM \"Certificates\" WHERE \"Number\" = (SELECT \"Number\" FROM \"Certificates\" WHERE \"StatusListIndex\" = 4242 LIMIT 1) LIMIT 1"
  "credential-of-version|SELECT * FROM \"IssuedCredentials\" WHERE \"CertificateId\" = (SELECT \"Id\" FROM \"Certificates\" WHERE \"StatusListIndex\" = 4242 LIMIT 1) AND \"Version\" = 1 LIMIT 1"
  "holder-certificates|SELECT * FROM \"Certificates\" WHERE \"HolderId\" = 'dev1-0000007' ORDER BY \"Number\" LIMIT 50"
  "by-scheme-and-state|SELECT \"SchemeId\", \"State\", count(*) FROM \"Certificates\" GROUP BY \"SchemeId\", \"State\""
  "by-body-and-state|SELECT \"BodyId\", \"State\", count(*) FROM \"Certificates\" GROUP BY \"BodyId\", \"State\""
  "issued-per-month|SELECT \"IssuedOn\", count(*) FROM \"Certificates\" WHERE \"IssuedOn\" >= '2025-01-01' GROUP BY \"IssuedOn\""
  "worklist-page|SELECT * FROM \"Certificates\" WHERE \"State\" IN ('Active','Suspended') AND \"ValidUntil\" >= '2026-11-28' AND \"Id\" > '00000000-0000-0000-0000-000000000000' ORDER BY \"Id\" LIMIT 2000"
  "search-model-keys|SELECT k.\"CertificateId\" FROM \"CertificateModels\" k WHERE k.\"Key\" >= '$model' AND k.\"Key\" < '$model_end' LIMIT 10001"
  "search-by-model-ids|SELECT c.\"Number\", c.\"HolderName_En\", c.\"Product\" FROM \"Certificates\" c WHERE c.\"Id\" IN (SELECT k.\"CertificateId\" FROM \"CertificateModels\" k WHERE k.\"Key\" >= '$model' AND k.\"Key\" < '$model_end' LIMIT 100) ORDER BY c.\"Number\" LIMIT 21"
  "search-holders-by-name|SELECT \"Id\", \"Name_En\", \"Name_Zh\" FROM \"Organisations\" WHERE \"Kind\" = 'Applicant' AND (lower(\"Name_En\") LIKE '%$name_en%' OR lower(\"Name_Zh\") LIKE '%$name_zh%') ORDER BY \"Name_En\", \"Id\" LIMIT 50"
  "search-by-holder|SELECT c.\"Number\", c.\"HolderName_En\", c.\"Product\" FROM \"Certificates\" c WHERE c.\"HolderId\" IN ('$holder') ORDER BY c.\"Number\" LIMIT 21"
  "status-list-of-body|SELECT \"StatusListIndex\", \"State\" FROM \"Certificates\" WHERE \"BodyId\" = 'cqc'"
)
for entry in "${queries[@]}"; do
  name=${entry%%|*}; sql=${entry#*|}
  if [ "$provider" = postgres ]; then
    pg -c "EXPLAIN (ANALYZE, BUFFERS) $sql" > "$out/postgres-$name.txt"
  else
    sqlite3 "$data/certa.db" "EXPLAIN QUERY PLAN $sql" > "$out/sqlite-$name.txt"
  fi
done
echo "plans in $out"
