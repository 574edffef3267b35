#!/usr/bin/env bash
# Kill -9 loop (issue 10): starts `certa serve --demo` (Release) on a throwaway data directory, drives G-mark issuance,
# CSV bulk import and status changes through the API with Idempotency-Keys, kill -9's the server at a random moment of
# each round, restarts it, replays the round with the same keys, and at the end checks: no certificate half-issued,
# nothing issued twice, `certa audit verify`, `certa log monitor` and `certa check` pass, the log caught up.
#   scripts/faults/kill-loop.sh [--rounds 20] [--port 5141] [--seed 10] [--keep]
#   scripts/faults/kill-loop.sh --provider postgres --connection-string 'Host=…;Database=…'   (an empty database)
# Bounded: 20 rounds take a few minutes. Exit 1 when it finds something (listed under FINDINGS).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Certa.Cli -c Release -nologo -v quiet >/dev/null
exec python3 scripts/faults/kill_loop.py "$@"
