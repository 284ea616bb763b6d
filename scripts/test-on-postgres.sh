#!/usr/bin/env bash
# The second half of the README's test command: after `dotnet test NlcToolkit.sln` (which builds and runs every test on
# SQLite, and the PostgreSQL-only tests), the engine-neutral store tests and every API test class that reads or writes
# stored data again on a throw-away PostgreSQL cluster (tests/Shared/PostgresCluster.cs installs PostgreSQL's server
# programs when missing). Exits non-zero when either run fails.
#
# API test classes left out, and why:
#   FaultTests          SQLite's own faults: a file locked by another process (busy timeout), a client leaving while it
#                       waits for that lock, a hot backup of the SQLite file; killing a server in the middle of writes
#                       on PostgreSQL is TwoServersOnPostgresTests' (which the first run already runs).
#   StorageFaultTests   a full disk under the SQLite file (a tmpfs mount).
#   RunCommandTests     `dotnet run` and the addresses it listens on; the database is a side issue.
#   StartupTests        a broken rubric folder stops the server before the database is opened.
#   SecurityHeadersTests headers and the in-memory failed-authentication limit (it hides the SQLite keys table only to
#                       observe whether a key was looked up).
#   ContractTests, RubricLanguagesApiTests
#                       the OpenAPI document, the generated clients and rubric translations: read from files, not stored.
#   TwoServersOnPostgresTests
#                       PostgreSQL-only: the first run already runs it.
set -uo pipefail
cd "$(dirname "$0")/.."

api_classes=(
  ActionPlanApiTests BadInputTests BenchmarkApiTests CheckOrderTests GeneratedClientTests HostileJsonTests
  HostileWorkbookTests InProcessApiTests LoadTests PartnerSyncTests PeerLearningApiTests PeerPrivacyAttackTests
  PersistenceTests ProblemCodesTests ProblemLanguageTests ProgressApiTests RoleMatrixTests RubricsApiTests WebhookTests
  WorkbookApiTests WorkbookMergeTests WorkflowTests
)
filter=$(printf '|FullyQualifiedName~Nlc.Api.Tests.%s.' "${api_classes[@]}")

status=0
NLC_TEST_ENGINE=postgres dotnet test tests/Nlc.Storage.Tests --no-build || status=$?
NLC_TEST_ENGINE=postgres dotnet test tests/Nlc.Api.Tests --no-build --filter "${filter:1}" || status=$?
exit "$status"
