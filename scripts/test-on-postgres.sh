#!/usr/bin/env bash
# The second half of the README's test command: after `dotnet test NlcToolkit.sln` (which builds and runs every test on
# SQLite, and the PostgreSQL-only tests), the engine-neutral store tests and the API's tests that go through storage
# (workflow, role matrix, bad input, benchmarks, concurrency, workbook uploads, action plans, peer learning, webhooks,
# partner sync) again on a throw-away PostgreSQL cluster (tests/Shared/PostgresCluster.cs installs PostgreSQL's server
# programs when missing). Left out as SQLite's own: FaultTests, StorageFaultTests and PersistenceTests (a damaged,
# locked or future SQLite file), StartupTests and RunCommandTests (the README's run command on the embedded file).
# Exits non-zero when either run fails.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
NLC_TEST_ENGINE=postgres dotnet test tests/Nlc.Storage.Tests --no-build || status=$?
NLC_TEST_ENGINE=postgres dotnet test tests/Nlc.Api.Tests --no-build --filter \
  "FullyQualifiedName~WorkflowTests|FullyQualifiedName~RoleMatrixTests|FullyQualifiedName~BadInputTests|FullyQualifiedName~BenchmarkApiTests|FullyQualifiedName~CheckOrderTests|FullyQualifiedName~WorkbookMergeTests|FullyQualifiedName~ProgressApiTests|FullyQualifiedName~InProcessApiTests|FullyQualifiedName~LoadTests|FullyQualifiedName~ActionPlanApiTests|FullyQualifiedName~PeerLearningApiTests|FullyQualifiedName~PeerPrivacyAttackTests|FullyQualifiedName~WebhookTests|FullyQualifiedName~PartnerSyncTests|FullyQualifiedName~HostileJsonTests|FullyQualifiedName~ProblemCodesTests|FullyQualifiedName~WorkbookApiTests" \
  || status=$?
exit "$status"
