using System.Data;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Storage;

/// <summary>
/// Assessments and their answers. Every write names the version it was based on and is refused as stale if someone
/// wrote in between; answers change only on drafts; each write and its audit entry commit in one transaction.
/// </summary>
public sealed class AssessmentStore(Database database, TimeProvider clock)
{
    static AssessmentStore()
    {
        SnakeCaseColumns.Map<Row>();
        SnakeCaseColumns.Map<WorkflowRow>();
        SnakeCaseColumns.Map<ChangeRow>();
        SnakeCaseColumns.Map<ExportRow>();
        SnakeCaseColumns.Map<AnswerRow>();
    }

    private const string Columns =
        "id, city_id, rubric_id, rubric_version, period, status, created_at, updated_at, submitted_at, validated_at, row_version";

    // Taken inside the write transaction, whose writer holds the only lock (SQLite's one writer; PostgresDatabase's writer
    // lock across servers): numbers are unique and commit in order.
    private const string NextChangeSeq = "(SELECT coalesce(max(change_seq), 0) + 1 FROM assessments)";

    /// <summary>Starts a draft assessment of <paramref name="cityId"/> against <paramref name="rubric"/> for <paramref name="period"/>.</summary>
    public Task<WriteResult<Assessment>> CreateAsync(string cityId, Rubric rubric, Period period, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var cityExists = await connection.ExecuteScalarAsync<int>(
                new CommandDefinition("SELECT count(*) FROM cities WHERE id = @cityId", new { cityId }, transaction, cancellationToken: cancellationToken));
            if (cityExists == 0)
            {
                return WriteResult<Assessment>.Refused(WriteOutcome.NotFound, $"There is no city '{cityId}'.");
            }

            var existing = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT id FROM assessments WHERE city_id = @cityId AND rubric_id = @Id AND period = @period",
                new { cityId, rubric.Id, period = period.ToString() },
                transaction,
                cancellationToken: cancellationToken));
            if (existing is not null)
            {
                return WriteResult<Assessment>.Refused(
                    WriteOutcome.Conflict, $"City '{cityId}' already has an assessment of rubric '{rubric.Id}' for period '{period}': {existing}.");
            }

            var now = clock.GetUtcNow();
            var assessment = new Assessment(Ids.New("asm_"), cityId, rubric.Id, rubric.Version, period.ToString(), AssessmentStatus.Draft, now, now, null, null, 1);
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO assessments ({Columns}, change_seq) VALUES (@Id, @CityId, @RubricId, @RubricVersion, @Period, @Status, @CreatedAt, @UpdatedAt, NULL, NULL, 1, {NextChangeSeq})",
                ToParameters(assessment),
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "assessment.created", "assessment", assessment.Id, cityId, null, assessment, cancellationToken);
            return WriteResult<Assessment>.Done(assessment);
        }, cancellationToken);

    /// <summary>The assessment with <paramref name="id"/>, or null.</summary>
    public Task<Assessment?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => FindAsync(connection, null, id, cancellationToken), cancellationToken);

    /// <summary>The answers of assessment <paramref name="id"/>, by indicator id.</summary>
    public Task<IReadOnlyList<StoredAnswer>> AnswersAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => AnswersAsync(connection, null, id, cancellationToken), cancellationToken);

    /// <summary>One page of a city's assessments matching <paramref name="filter"/>, latest period first (see <see cref="Period"/>), then newest first.</summary>
    public async Task<Page<Assessment>> ListAsync(string cityId, AssessmentFilter filter, int limit, int offset, CancellationToken cancellationToken = default)
    {
        var all = await ListAllAsync(cityId, filter, cancellationToken);
        return new Page<Assessment>(all.Skip(offset).Take(limit).ToArray(), all.Count, limit, offset);
    }

    /// <summary>Every one of a city's assessments matching <paramref name="filter"/>, latest period first (see <see cref="Period"/>), then newest first.</summary>
    public Task<IReadOnlyList<Assessment>> ListAllAsync(string cityId, AssessmentFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new { cityId, Period = filter.Period?.ToString(), Status = filter.Status is { } status ? StatusText(status) : null };
        return database.ReadAsync(async connection =>
        {
            // Sorted in code: period texts do not sort chronologically ("2025-H2" < "2025-Q1"), and a city has few assessments.
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM assessments WHERE city_id = @cityId AND (@Period IS NULL OR period = @Period) AND (@Status IS NULL OR status = @Status)",
                parameters,
                cancellationToken: cancellationToken));
            IReadOnlyList<Assessment> sorted = rows.Select(r => r.ToAssessment())
                .OrderByDescending(a => a.Period, Period.TextComparer)
                .ThenByDescending(a => a.CreatedAt)
                .ToArray();
            return sorted;
        }, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> assessments across the network matching <paramref name="filter"/> that changed after
    /// change number <paramref name="after"/>, in the order they last changed. A page and its cursor come from one
    /// snapshot of the database, so resuming from the cursor lists every later change, including those made meanwhile.
    /// When <paramref name="listWithdrawn"/> and a status is asked for, assessments that left that status are listed as
    /// withdrawn (for "validated", only those that once were).
    /// </summary>
    public Task<AssessmentChangePage> ListChangesAsync(
        NetworkAssessmentFilter filter, long after, bool listWithdrawn, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var status = filter.Status is { } wanted ? StatusText(wanted) : null;
        var parameters = new
        {
            after,
            Status = status,
            OnlyOnceValidated = status == "validated" ? 1 : 0,
            Period = filter.Period?.ToString(),
            filter.RubricId,
            filter.Country,
            filter.Region,
            filter.Tag,
            UpdatedSince = filter.UpdatedSince is { } since ? Timestamps.Format(since) : null,
            OnlyIds = filter.OnlyCityIds is null ? null : JsonSerializer.Serialize(filter.OnlyCityIds),
            Fetch = limit + 1,
        };
        // Only the filters asked for go into the query, so the planner walks the change-sequence index in order.
        var conditions = string.Concat(
            status is null ? "" : listWithdrawn ? " AND (a.status = @Status OR (@OnlyOnceValidated = 0 OR a.ever_validated = 1))" : " AND a.status = @Status",
            filter.Period is null ? "" : " AND a.period = @Period",
            filter.RubricId is null ? "" : " AND a.rubric_id = @RubricId",
            filter.Country is null ? "" : " AND c.country = @Country",
            filter.Region is null ? "" : " AND c.region = @Region COLLATE NOCASE",
            filter.Tag is null ? "" : " AND EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = @Tag)",
            filter.OnlyCityIds is null ? "" : " AND a.city_id IN (SELECT value FROM json_each(@OnlyIds))",
            filter.UpdatedSince is null ? "" : " AND a.updated_at >= @UpdatedSince");
        return database.ReadAsync(async connection =>
        {
            // One read transaction: the page and the newest change number come from the same snapshot.
            // Deferred: a read takes no write lock; its snapshot starts with the first SELECT.
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var rows = (await connection.QueryAsync<ChangeRow>(new CommandDefinition(
                $"""
                SELECT {string.Join(", ", Columns.Split(", ").Select(c => "a." + c))}, a.change_seq
                FROM assessments a JOIN cities c ON c.id = a.city_id
                WHERE a.change_seq > @after {conditions}
                ORDER BY a.change_seq
                LIMIT @Fetch
                """,
                parameters,
                transaction,
                cancellationToken: cancellationToken))).ToList();
            var hasMore = rows.Count > limit;
            var items = rows.Take(limit)
                .Select(r => new AssessmentChange(r.ToAssessment(), r.ChangeSeq, status is not null && r.Status != status))
                .ToArray();
            var newest = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT coalesce(max(change_seq), 0) FROM assessments", transaction: transaction, cancellationToken: cancellationToken));
            var cursor = hasMore ? items[^1].ChangeSequence : Math.Max(after, newest);
            return new AssessmentChangePage(items, cursor, hasMore);
        }, cancellationToken);
    }

    /// <summary>
    /// Every validated assessment of rubric <paramref name="rubricId"/> in <paramref name="period"/>, with its city, by city
    /// name; only of <paramref name="onlyCityIds"/> when given.
    /// </summary>
    public Task<IReadOnlyList<ExportedAssessment>> ValidatedInPeriodAsync(
        string rubricId, Period period, IReadOnlyList<string>? onlyCityIds, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ExportedAssessment>>(async connection =>
        {
            var rows = await connection.QueryAsync<ExportRow>(new CommandDefinition(
                $"""
                SELECT {string.Join(", ", Columns.Split(", ").Select(c => "a." + c))}, c.name AS city_name, c.country, c.region
                FROM assessments a JOIN cities c ON c.id = a.city_id
                WHERE a.rubric_id = @rubricId AND a.period = @Period AND a.status = 'validated'
                  AND (@OnlyIds IS NULL OR a.city_id IN (SELECT value FROM json_each(@OnlyIds)))
                ORDER BY c.name, c.id
                """,
                new { rubricId, Period = period.ToString(), OnlyIds = onlyCityIds is null ? null : JsonSerializer.Serialize(onlyCityIds) },
                cancellationToken: cancellationToken));
            return rows.Select(r => new ExportedAssessment(r.ToAssessment(), r.CityName, r.Country, r.Region)).ToArray();
        }, cancellationToken);

    /// <summary>
    /// Sets the given answers (replacing earlier answers to the same indicators) on a draft at <paramref name="expectedVersion"/>,
    /// all or none. The answers must already be valid for the assessment's rubric.
    /// </summary>
    public Task<WriteResult<Assessment>> SaveAnswersAsync(
        string id, long expectedVersion, IReadOnlyList<AnswerInput> answers, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var (assessment, refusal) = await GuardAsync(connection, transaction, id, expectedVersion, [AssessmentStatus.Draft], "changed", cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var saved = await AnswersAsync(connection, transaction, id, cancellationToken);
            return WriteResult<Assessment>.Done(await WriteAnswersAsync(connection, transaction, assessment!, saved, answers, actor, cancellationToken));
        }, cancellationToken);

    /// <summary>
    /// Merges answers edited offline into a draft (see <see cref="AnswerMerge"/>), all or none, in one transaction so no
    /// one writes between the comparison and the write. Writes and bumps the version only if something changed; refuses
    /// with <see cref="WriteOutcome.Conflict"/> (and the plan naming the conflicts) if another change to the same
    /// indicators came first. <paramref name="expectedVersion"/>, when given, must also be the current version.
    /// </summary>
    public Task<WriteResult<AnswerMergeResult>> MergeAnswersAsync(
        string id, long? expectedVersion, IReadOnlyList<BasedAnswer> edited, Func<AnswerInput, string> fingerprint, string actor,
        CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var (assessment, refusal) = await GuardAsync(connection, transaction, id, expectedVersion, [AssessmentStatus.Draft], "changed", cancellationToken);
            if (refusal is not null)
            {
                return WriteResult<AnswerMergeResult>.Refused(refusal.Outcome, refusal.Reason!);
            }

            var saved = await AnswersAsync(connection, transaction, id, cancellationToken);
            var plan = AnswerMerge.Plan(edited, saved.ToDictionary(a => a.Answer.IndicatorId, StringComparer.Ordinal), fingerprint);
            if (plan.Conflicts.Count > 0)
            {
                return new WriteResult<AnswerMergeResult>(
                    WriteOutcome.Conflict,
                    new AnswerMergeResult(assessment!, plan, saved),
                    $"{plan.Conflicts.Count} of your changes conflict with changes saved since you started; nothing was written.");
            }

            var after = plan.Changes.Count == 0 ? assessment! : await WriteAnswersAsync(connection, transaction, assessment!, saved, plan.Changes, actor, cancellationToken);
            return WriteResult<AnswerMergeResult>.Done(new AnswerMergeResult(after, plan, saved));
        }, cancellationToken);

    /// <summary>
    /// Takes workflow step <paramref name="action"/> on the assessment at <paramref name="expectedVersion"/>, enforcing
    /// <see cref="AssessmentWorkflow"/> inside the transaction: the state it starts from and, to submit, an answer to every
    /// indicator of <paramref name="engine"/>'s rubric, which must be the assessment's own rubric version. Validation
    /// stores its scores in the same transaction; leaving validated removes them. Audited under the step's name, with
    /// <paramref name="reason"/> (why it was reopened, which the city is shown) in the entry when given.
    /// </summary>
    public Task<TransitionResult> TransitionAsync(
        string id, long expectedVersion, AssessmentAction action, string actor, ScoringEngine engine, CancellationToken cancellationToken = default,
        string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var to = AssessmentWorkflow.To(action);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var (assessment, refusal) = await GuardAsync(connection, transaction, id, expectedVersion, AssessmentWorkflow.From(action), $"moved to {StatusText(to)}", cancellationToken);
            if (refusal is not null)
            {
                return new TransitionResult(refusal, []);
            }

            var rubric = engine.Rubric;
            if (rubric.Id != assessment!.RubricId || rubric.Version != assessment.RubricVersion)
            {
                throw new ArgumentException(
                    $"Assessment '{id}' is of rubric {assessment.RubricId}@{assessment.RubricVersion}, not {rubric.Id}@{rubric.Version}.", nameof(engine));
            }

            var answers = await AnswersAsync(connection, transaction, id, cancellationToken);
            var unanswered = AssessmentWorkflow.Unanswered(action, rubric, answers.Select(a => a.Answer.IndicatorId));
            if (unanswered.Count > 0)
            {
                return new TransitionResult(
                    WriteResult<Assessment>.Refused(WriteOutcome.Conflict, AssessmentWorkflow.IncompleteReason(unanswered.Count, rubric.Indicators.Count)),
                    unanswered);
            }

            var now = clock.GetUtcNow();
            var updated = await BumpAsync(connection, transaction, assessment, now, to, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM assessment_scores WHERE assessment_id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            if (to == AssessmentStatus.Validated)
            {
                await InsertSnapshotAsync(connection, transaction, id, engine.Score(answers.Select(a => a.Answer).ToArray()), now, cancellationToken);
            }

            object after = string.IsNullOrWhiteSpace(reason) ? updated : WithReason(updated, reason.Trim());
            await AuditLog.AppendAsync(
                connection, transaction, now, actor, AssessmentWorkflow.AuditName(action), "assessment", id, assessment.CityId, assessment, after, cancellationToken);
            await EnqueueWebhooksAsync(connection, transaction, assessment, updated, now, cancellationToken);
            return new TransitionResult(WriteResult<Assessment>.Done(updated), []);
        }, cancellationToken);
    }

    /// <summary>
    /// The latest reopening of assessment <paramref name="id"/> that gave a reason, when the assessment has not been
    /// submitted since; null otherwise. What the city is shown about why its assessment came back.
    /// </summary>
    public Task<Reopening?> OpenReopeningAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var last = await connection.QuerySingleOrDefaultAsync<WorkflowRow>(new CommandDefinition(
                """
                SELECT action, actor, at, after FROM audit_log
                WHERE entity_type = 'assessment' AND entity_id = @id AND action IN (@Reopened, @Submitted)
                ORDER BY id DESC LIMIT 1
                """,
                new { id, Reopened = AssessmentWorkflow.AuditName(AssessmentAction.Reopen), Submitted = AssessmentWorkflow.AuditName(AssessmentAction.Submit) },
                cancellationToken: cancellationToken));
            if (last is null || last.Action != AssessmentWorkflow.AuditName(AssessmentAction.Reopen) || last.After is null)
            {
                return null;
            }

            using var after = JsonDocument.Parse(last.After);
            return after.RootElement.TryGetProperty(ReasonProperty, out var reason) && reason.GetString() is { Length: > 0 } text
                ? new Reopening(text, last.Actor, Timestamps.Parse(last.At))
                : null;
        }, cancellationToken);

    /// <summary>Stores the scores of validated assessments that have none yet (validated before scores were stored); returns how many.</summary>
    public async Task<int> BackfillSnapshotsAsync(Func<Assessment, ScoringEngine?> engineFor, CancellationToken cancellationToken = default)
    {
        var missing = await database.ReadAsync(
            async connection => (await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM assessments WHERE status = 'validated' AND id NOT IN (SELECT assessment_id FROM assessment_scores)",
                cancellationToken: cancellationToken))).ToList(),
            cancellationToken);
        foreach (var assessment in missing.Select(r => r.ToAssessment()))
        {
            var engine = engineFor(assessment) ?? throw new InvalidOperationException($"Rubric {assessment.RubricId}@{assessment.RubricVersion} is not loaded.");
            await database.InTransactionAsync(async (connection, transaction) =>
            {
                var answers = await AnswersAsync(connection, transaction, assessment.Id, cancellationToken);
                await InsertSnapshotAsync(
                    connection, transaction, assessment.Id, engine.Score(answers.Select(a => a.Answer).ToArray()), clock.GetUtcNow(), cancellationToken);
                return true;
            }, cancellationToken);
        }

        return missing.Count;
    }

    /// <summary>
    /// Writes the score record (<see cref="ScoreSnapshot.ToRecord"/>) of stored scores that have none yet, from their JSON:
    /// rows stored before migration 0008, or by a server of an older version sharing the database. Returns how many.
    /// </summary>
    public async Task<int> BackfillScoreRecordsAsync(CancellationToken cancellationToken = default)
    {
        var filled = 0;
        while (true)
        {
            var batch = await database.ReadAsync(
                async connection => (await connection.QueryAsync<(string AssessmentId, string Scores)>(new CommandDefinition(
                    "SELECT assessment_id, scores FROM assessment_scores WHERE score_record IS NULL LIMIT 500",
                    cancellationToken: cancellationToken))).ToList(),
                cancellationToken);
            if (batch.Count == 0)
            {
                return filled;
            }

            await database.InTransactionAsync(async (connection, transaction) =>
            {
                foreach (var (assessmentId, scores) in batch)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE assessment_scores SET score_record = @Record WHERE assessment_id = @assessmentId AND score_record IS NULL",
                        new { assessmentId, Record = ScoreSnapshot.FromJson(scores).ToRecord() },
                        transaction,
                        cancellationToken: cancellationToken));
                }

                return true;
            }, cancellationToken);
            filled += batch.Count;
        }
    }

    /// <summary>The text stored for a status: "draft", "submitted", "validated".</summary>
    public static string StatusText(AssessmentStatus status) => status.ToString().ToLowerInvariant();

    private const string ReasonProperty = "reason";

    /// <summary>The assessment as the audit log records it, with the reason for the step beside its fields.</summary>
    private static System.Text.Json.Nodes.JsonObject WithReason(Assessment assessment, string reason)
    {
        var node = JsonSerializer.SerializeToNode(assessment, AuditLog.Json)!.AsObject();
        node[ReasonProperty] = reason;
        return node;
    }

    private static async Task<(Assessment? Assessment, WriteResult<Assessment>? Refusal)> GuardAsync(
        IDbConnection connection, IDbTransaction transaction, string id, long? expectedVersion, IReadOnlyList<AssessmentStatus> allowed, string verb,
        CancellationToken cancellationToken)
    {
        var assessment = await FindAsync(connection, transaction, id, cancellationToken);
        if (assessment is null)
        {
            return (null, WriteResult<Assessment>.Refused(WriteOutcome.NotFound, $"There is no assessment '{id}'."));
        }

        if (expectedVersion is { } expected && assessment.RowVersion != expected)
        {
            return (null, WriteResult<Assessment>.Refused(
                WriteOutcome.Stale,
                $"Assessment '{id}' is at version {assessment.RowVersion}, not {expected}: someone changed it meanwhile; reload it and apply your change again."));
        }

        if (!allowed.Contains(assessment.Status))
        {
            return (null, WriteResult<Assessment>.Refused(
                WriteOutcome.Conflict,
                $"Assessment '{id}' is {StatusText(assessment.Status)}; it can be {verb} only when {string.Join(" or ", allowed.Select(StatusText))}."));
        }

        return (assessment, null);
    }

    /// <summary>Upserts <paramref name="answers"/>, bumps the version and audits the change against <paramref name="saved"/>, the answers read in this transaction.</summary>
    private async Task<Assessment> WriteAnswersAsync(
        IDbConnection connection, IDbTransaction transaction, Assessment assessment, IReadOnlyList<StoredAnswer> saved, IReadOnlyList<AnswerInput> answers,
        string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = answers.Select(a => a.Answer.IndicatorId).ToHashSet(StringComparer.Ordinal);
        var before = saved.Where(a => ids.Contains(a.Answer.IndicatorId)).ToArray();
        foreach (var input in answers)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO answers (assessment_id, indicator_id, kind, level, reason, note, evidence, answered_by, answered_at)
                VALUES (@Id, @IndicatorId, @Kind, @Level, @Reason, @Note, @Evidence, @actor, @At)
                ON CONFLICT (assessment_id, indicator_id) DO UPDATE SET
                    kind = excluded.kind, level = excluded.level, reason = excluded.reason, note = excluded.note,
                    evidence = excluded.evidence, answered_by = excluded.answered_by, answered_at = excluded.answered_at
                """,
                new
                {
                    assessment.Id,
                    input.Answer.IndicatorId,
                    Kind = KindText(input.Answer.Kind),
                    input.Answer.Level,
                    input.Answer.Reason,
                    input.Answer.Note,
                    Evidence = JsonSerializer.Serialize(input.Evidence),
                    actor,
                    At = Timestamps.Format(now),
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        var updated = await BumpAsync(connection, transaction, assessment, now, assessment.Status, cancellationToken);
        var after = (await AnswersAsync(connection, transaction, assessment.Id, cancellationToken)).Where(a => ids.Contains(a.Answer.IndicatorId)).ToArray();
        await AuditLog.AppendAsync(
            connection, transaction, now, actor, "answers.saved", "assessment", assessment.Id, assessment.CityId, before, after, cancellationToken);
        return updated;
    }

    private static async Task<Assessment> BumpAsync(IDbConnection connection, IDbTransaction transaction, Assessment assessment, DateTimeOffset now, AssessmentStatus status,
        CancellationToken cancellationToken)
    {
        var updated = assessment with
        {
            Status = status,
            UpdatedAt = now,
            SubmittedAt = status == AssessmentStatus.Submitted ? now : status == AssessmentStatus.Draft ? null : assessment.SubmittedAt,
            ValidatedAt = status == AssessmentStatus.Validated ? now : status == AssessmentStatus.Draft ? null : assessment.ValidatedAt,
            RowVersion = assessment.RowVersion + 1,
        };
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE assessments SET status = @Status, updated_at = @UpdatedAt, submitted_at = @SubmittedAt, validated_at = @ValidatedAt,
                row_version = @RowVersion, change_seq = {NextChangeSeq},
                ever_validated = CASE WHEN @Status = 'validated' THEN 1 ELSE ever_validated END
            WHERE id = @Id
            """,
            ToParameters(updated),
            transaction,
            cancellationToken: cancellationToken));
        return updated;
    }

    /// <summary>Webhook deliveries for a validation or a reopening, to the keys that may read the assessment (before a reopening: that could read it).</summary>
    private static Task EnqueueWebhooksAsync(
        IDbConnection connection, IDbTransaction transaction, Assessment before, Assessment after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = $"/api/v1/assessments/{after.Id}";
        return after.Status switch
        {
            AssessmentStatus.Validated => WebhookOutbox.EnqueueAsync(
                connection, transaction, now, WebhookEvents.AssessmentValidated, after.Id, after.RowVersion, link, r => r.CanSeeAssessment(after), cancellationToken),
            AssessmentStatus.Draft => WebhookOutbox.EnqueueAsync(
                connection, transaction, now, WebhookEvents.AssessmentReopened, after.Id, after.RowVersion, link, r => r.CanSeeAssessment(before), cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private static Task InsertSnapshotAsync(IDbConnection connection, IDbTransaction transaction, string id, ScoreResult result, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var snapshot = ScoreSnapshot.Of(result);
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO assessment_scores (assessment_id, city_id, rubric_id, rubric_version, period, scores, score_record, computed_at)
            SELECT id, city_id, rubric_id, rubric_version, period, @Scores, @Record, @At FROM assessments WHERE id = @id
            """,
            new { id, Scores = snapshot.ToJson(), Record = snapshot.ToRecord(), At = Timestamps.Format(now) },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static async Task<Assessment?> FindAsync(IDbConnection connection, IDbTransaction? transaction, string id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition($"SELECT {Columns} FROM assessments WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)))?.ToAssessment();

    private static async Task<IReadOnlyList<StoredAnswer>> AnswersAsync(
        IDbConnection connection, IDbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            """
            SELECT indicator_id, kind, level, reason, note, evidence, answered_by, answered_at
            FROM answers WHERE assessment_id = @id ORDER BY indicator_id
            """,
            new { id },
            transaction,
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredAnswer()).ToArray();
    }

    private static object ToParameters(Assessment assessment) => new
    {
        assessment.Id,
        assessment.CityId,
        assessment.RubricId,
        RubricVersion = assessment.RubricVersion.ToString(),
        assessment.Period,
        Status = StatusText(assessment.Status),
        CreatedAt = Timestamps.Format(assessment.CreatedAt),
        UpdatedAt = Timestamps.Format(assessment.UpdatedAt),
        SubmittedAt = assessment.SubmittedAt is { } submitted ? Timestamps.Format(submitted) : null,
        ValidatedAt = assessment.ValidatedAt is { } validated ? Timestamps.Format(validated) : null,
        assessment.RowVersion,
    };

    private static string KindText(AnswerKind kind) => kind switch
    {
        AnswerKind.Level => "level",
        AnswerKind.NotApplicable => "notApplicable",
        AnswerKind.DontKnow => "dontKnow",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "only given answers are stored"),
    };

    private class Row
    {
        public string Id { get; init; } = "";
        public string CityId { get; init; } = "";
        public string RubricId { get; init; } = "";
        public string RubricVersion { get; init; } = "";
        public string Period { get; init; } = "";
        public string Status { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
        public string? SubmittedAt { get; init; }
        public string? ValidatedAt { get; init; }
        public long RowVersion { get; init; }

        public Assessment ToAssessment() => new(
            Id, CityId, RubricId, Nlc.Core.Rubrics.RubricVersion.Parse(RubricVersion), Period, Enum.Parse<AssessmentStatus>(Status, ignoreCase: true),
            Timestamps.Parse(CreatedAt), Timestamps.Parse(UpdatedAt), Timestamps.ParseOptional(SubmittedAt), Timestamps.ParseOptional(ValidatedAt),
            RowVersion);
    }

    private sealed class ChangeRow : Row
    {
        public long ChangeSeq { get; init; }
    }

    private sealed class ExportRow : Row
    {
        public string CityName { get; init; } = "";
        public string Country { get; init; } = "";
        public string? Region { get; init; }
    }

    private sealed class AnswerRow
    {
        public string IndicatorId { get; init; } = "";
        public string Kind { get; init; } = "";
        public long? Level { get; init; }
        public string? Reason { get; init; }
        public string? Note { get; init; }
        public string Evidence { get; init; } = "[]";
        public string AnsweredBy { get; init; } = "";
        public string AnsweredAt { get; init; } = "";

        public StoredAnswer ToStoredAnswer()
        {
            var kind = Kind switch
            {
                "level" => AnswerKind.Level,
                "notApplicable" => AnswerKind.NotApplicable,
                "dontKnow" => AnswerKind.DontKnow,
                _ => throw new InvalidDataException($"Unknown answer kind '{Kind}' in the database."),
            };
            return new StoredAnswer(
                new Answer(IndicatorId, kind, (int?)Level, Reason, Note),
                Evidence == "[]" ? [] : JsonSerializer.Deserialize<string[]>(Evidence) ?? [],
                AnsweredBy,
                Timestamps.Parse(AnsweredAt));
        }
    }

    private sealed class WorkflowRow
    {
        public string Action { get; init; } = "";
        public string Actor { get; init; } = "";
        public string At { get; init; } = "";
        public string? After { get; init; }
    }
}
