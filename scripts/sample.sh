#!/usr/bin/env bash
# The main job on the bundled sample: scan samples/retail/retail.csv with its checks, write the
# Soda results file and the QALITA artifacts to ./artifacts. Exits 2: some sample checks fail on purpose.
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/Sodalite.Cli -v q -- scan \
  --data samples/retail/retail.csv --checks samples/retail/checks.yml \
  -srf artifacts/results.json --artifacts artifacts
