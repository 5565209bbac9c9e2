#!/usr/bin/env bash
# Runs every test: unit, functional (WebApplicationFactory), browser acceptance and scale-out (real
# PostgreSQL and worker processes) tests, then the functional tests again on PostgreSQL.
# Does all set-up first (models, test photos, Chromium, the TorchSharp runtime, the build); re-running it is fast.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$repo"
scripts/setup.sh --for-tests
dotnet=$(cat .cache/dotnet-path)

"$dotnet" build FacePortal.sln -c Release -nologo -v quiet -clp:NoSummary
# The GPU build leg (build only): the web app with ONNX Runtime's CUDA package, into artifacts/gpu/ so the
# build above is left alone. Hosting.GpuBuildTests starts it here, without a GPU, and checks the CPU fallback.
"$dotnet" build src/FacePortal.Web -c Release -nologo -v quiet -clp:NoSummary -p:FacePortalGpu=true

results="$repo/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
"$dotnet" test --solution FacePortal.sln -c Release --no-build --results-directory "$results" \
  --report-xunit-trx 2>&1 | tee "$results/output.log" || status=$?

# The PostgreSQL leg: the functional tests once more, each app on its own database of a private
# PostgreSQL server (started and removed by the tests, tests/TestSupport/Engines). Its TRX reports
# are counted below with the first run's. Tests about the embedded SQLite file in the data directory
# (a full or read-only disk stopping database writes, the file backup) are marked Database=Sqlite
# and left out: on PostgreSQL the database does not live there.
FACEPORTAL_TEST_DATABASE=Postgres "$dotnet" test --project tests/FacePortal.Web.Tests -c Release --no-build \
  --results-directory "$results/postgres" --report-xunit-trx --filter-not-trait "Database=Sqlite" 2>&1 | tee "$results/output-postgres.log" || status=$?

# One plain closing line, counted from the TRX reports: skipped tests are not passes.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx "$results"/postgres/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
# Name what failed last, with the first lines of each message, so it is the tail of the log a reader
# (or CI) sees.
if [ "$failed" -ne 0 ]; then
  echo "Failed tests:"
  python3 scripts/failed-tests.py "$results"/*.trx "$results"/postgres/*.trx || true
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && { [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ] || [ "$skipped" -ne 0 ]; }; then
  status=1
fi
exit "$status"
