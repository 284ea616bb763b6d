#!/usr/bin/env bash
# The second half of the README's test command: after `dotnet test NlcToolkit.sln` (which builds and runs every test on
# SQLite, and the PostgreSQL-only tests), the engine-neutral store tests and the API's workflow, role matrix, bad input,
# benchmark and concurrency tests again on a throw-away PostgreSQL cluster (tests/Shared/PostgresCluster.cs installs
# PostgreSQL's server programs when missing). Exits non-zero when either run fails.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
NLC_TEST_ENGINE=postgres dotnet test tests/Nlc.Storage.Tests --no-build || status=$?
NLC_TEST_ENGINE=postgres dotnet test tests/Nlc.Api.Tests --no-build --filter \
  "FullyQualifiedName~WorkflowTests|FullyQualifiedName~RoleMatrixTests|FullyQualifiedName~BadInputTests|FullyQualifiedName~BenchmarkApiTests|FullyQualifiedName~CheckOrderTests|FullyQualifiedName~WorkbookMergeTests|FullyQualifiedName~ProgressApiTests|FullyQualifiedName~InProcessApiTests|FullyQualifiedName~LoadTests" \
  || status=$?
exit "$status"
