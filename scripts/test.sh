#!/usr/bin/env bash
# Every test: the whole solution (on SQLite, with the PostgreSQL-only tests on a throw-away cluster), then the
# engine-neutral store tests and the API's workflow, role matrix, bad input, benchmark and concurrency tests again on
# PostgreSQL. Exits non-zero when any run fails.
set -uo pipefail
cd "$(dirname "$0")/.."

# PostgreSQL's server programs, for the tests that start a throw-away cluster (installed with apt-get when missing).
scripts/install-postgresql.sh || exit 1
status=0
dotnet test NlcToolkit.sln || status=$?
NLC_TEST_ENGINE=postgres dotnet test tests/Nlc.Storage.Tests --no-build || status=$?
NLC_TEST_ENGINE=postgres dotnet test tests/Nlc.Api.Tests --no-build --filter \
  "FullyQualifiedName~WorkflowTests|FullyQualifiedName~RoleMatrixTests|FullyQualifiedName~BadInputTests|FullyQualifiedName~BenchmarkApiTests|FullyQualifiedName~CheckOrderTests|FullyQualifiedName~WorkbookMergeTests|FullyQualifiedName~ProgressApiTests|FullyQualifiedName~InProcessApiTests|FullyQualifiedName~LoadTests" \
  || status=$?
exit "$status"
