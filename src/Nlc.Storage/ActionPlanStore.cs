using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Nlc.Core.ActionPlans;
using Nlc.Core.PeerLearning;

namespace Nlc.Storage;

/// <summary>
/// Cities' action plans. A plan is versioned as a whole: every write names the version it was made from (412 when stale),
/// runs in one transaction, rewrites the plan's rows and appends one audit entry with the plan before and after.
/// Input rules are the caller's (<see cref="ActionRules"/>); this store keeps the states and versions.
/// </summary>
public sealed class ActionPlanStore(Database database, TimeProvider clock)
{
    static ActionPlanStore()
    {
        SnakeCaseColumns.Map<PlanRow>();
        SnakeCaseColumns.Map<ActionRow>();
        SnakeCaseColumns.Map<ScoreRow>();
    }

    /// <summary>The plan of <paramref name="cityId"/>, or an empty one at version 0 for <paramref name="defaultRubricId"/>.</summary>
    public Task<ActionPlan> GetAsync(string cityId, string defaultRubricId = "nlc", CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => ReadAsync(connection, null, cityId, defaultRubricId, cancellationToken), cancellationToken);

    /// <summary>Adds a new planned action (checked input) at the end of the plan; the result carries the plan and the new action's id.</summary>
    public async Task<WriteResult<ActionPlan>> AddActionAsync(
        string cityId, string rubricId, ActionInput input, long expectedVersion, string actor, CancellationToken cancellationToken = default)
    {
        var id = Ids.New("act_");
        return await ChangeAsync(cityId, rubricId, expectedVersion, actor, "actionPlan.actionAdded", plan => (plan.WithAction(PlanAction.New(id, input)), null), cancellationToken);
    }

    /// <summary>Replaces the written fields of an action (checked input); its status and notes stay.</summary>
    public Task<WriteResult<ActionPlan>> UpdateActionAsync(
        string cityId, string actionId, ActionInput input, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        ChangeActionAsync(cityId, actionId, expectedVersion, actor, "actionPlan.actionUpdated", action => action.With(input), cancellationToken);

    /// <summary>Sets an action's status (checked with <see cref="ActionRules.CheckStatus"/>): a dropped one keeps its reason.</summary>
    public Task<WriteResult<ActionPlan>> SetStatusAsync(
        string cityId, string actionId, ActionStatus status, string? dropReason, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        ChangeActionAsync(cityId, actionId, expectedVersion, actor, "actionPlan.statusChanged",
            action => action with { Status = status, DropReason = status == ActionStatus.Dropped ? dropReason!.Trim() : null }, cancellationToken);

    /// <summary>Adds a dated progress note (checked with <see cref="ActionRules.CheckNote"/>); notes stay in date order.</summary>
    public Task<WriteResult<ActionPlan>> AddNoteAsync(
        string cityId, string actionId, ProgressNote note, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        ChangeActionAsync(cityId, actionId, expectedVersion, actor, "actionPlan.noteAdded",
            action => action with { Notes = action.Notes.Append(note with { Text = note.Text.Trim() }).OrderBy(n => n.Date).ToArray() }, cancellationToken);

    /// <summary>Removes an action and its notes from the plan (the audit entry keeps them).</summary>
    public Task<WriteResult<ActionPlan>> RemoveActionAsync(
        string cityId, string actionId, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(cityId, null, expectedVersion, actor, "actionPlan.actionRemoved", plan => plan.Find(actionId) is null
            ? (null, WriteResult<ActionPlan>.Refused(WriteOutcome.NotFound, $"The plan has no action '{actionId}'."))
            : (plan with { Actions = plan.Actions.Where(a => a.Id != actionId).ToArray() }, null), cancellationToken);

    /// <summary>Publishes the plan to partners, or withdraws it.</summary>
    public Task<WriteResult<ActionPlan>> SetPublishedAsync(
        string cityId, bool published, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(cityId, null, expectedVersion, actor, published ? "actionPlan.published" : "actionPlan.withdrawn",
            plan => (plan with { Published = published }, null), cancellationToken);

    /// <summary>
    /// Replaces the whole list of actions with <paramref name="actions"/> (a workbook import's merged result), if the plan is
    /// still at <paramref name="expectedVersion"/>.
    /// </summary>
    public Task<WriteResult<ActionPlan>> ReplaceActionsAsync(
        string cityId, string rubricId, IReadOnlyList<PlanAction> actions, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(cityId, rubricId, expectedVersion, actor, "actionPlan.imported", plan => (plan with { Actions = actions }, null), cancellationToken);

    /// <summary>A new id for an action added outside this store (a workbook row without one).</summary>
    public static string NewActionId() => Ids.New("act_");

    /// <summary>
    /// The city's practice levels in each period with a validated assessment of <paramref name="rubricId"/>, from the scores
    /// stored at validation, on a scale up to <paramref name="maxLevel"/>: what the plan's practices are measured against.
    /// </summary>
    public Task<IReadOnlyList<PeriodLevels>> LevelSeriesAsync(string cityId, string rubricId, int maxLevel, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<PeriodLevels>>(async connection =>
        {
            var rows = await connection.QueryAsync<ScoreRow>(new CommandDefinition(
                "SELECT period, scores FROM assessment_scores WHERE city_id = @cityId AND rubric_id = @rubricId",
                new { cityId, rubricId },
                cancellationToken: cancellationToken));
            return rows.Select(r => new PeriodLevels(
                    r.Period,
                    ScoreSnapshot.FromJson(r.Scores).Practices.ToDictionary(
                        p => p.Key, p => p.Value is { } score ? Core.Scoring.MaturityLevel.OfScore(score, maxLevel) : (int?)null)))
                .OrderBy(p => p.Period, Core.Periods.Period.TextComparer)
                .ToArray();
        }, cancellationToken);

    private Task<WriteResult<ActionPlan>> ChangeActionAsync(
        string cityId, string actionId, long expectedVersion, string actor, string auditAction, Func<PlanAction, PlanAction> change, CancellationToken cancellationToken) =>
        ChangeAsync(cityId, null, expectedVersion, actor, auditAction, plan => plan.Find(actionId) is { } action
            ? (plan.WithAction(change(action)), null)
            : (null, WriteResult<ActionPlan>.Refused(WriteOutcome.NotFound, $"The plan has no action '{actionId}'.")), cancellationToken);

    private Task<WriteResult<ActionPlan>> ChangeAsync(
        string cityId, string? rubricId, long expectedVersion, string actor, string auditAction,
        Func<ActionPlan, (ActionPlan? After, WriteResult<ActionPlan>? Refusal)> change, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await ReadAsync(connection, transaction, cityId, rubricId ?? "nlc", cancellationToken);
            if (before.RowVersion != expectedVersion)
            {
                return WriteResult<ActionPlan>.Refused(
                    WriteOutcome.Stale, $"The action plan is at version {before.RowVersion}, not {expectedVersion}: reload it and apply your change again.");
            }

            var (changed, refusal) = change(before);
            if (refusal is not null)
            {
                return refusal;
            }

            var now = clock.GetUtcNow();
            var after = changed! with { UpdatedAt = now, RowVersion = before.RowVersion + 1 };
            await WriteAsync(connection, transaction, after, cancellationToken);
            await AuditLog.AppendAsync(connection, transaction, now, actor, auditAction, "actionPlan", cityId, cityId, before, after, cancellationToken);
            return WriteResult<ActionPlan>.Done(after);
        }, cancellationToken);

    private static async Task<ActionPlan> ReadAsync(IDbConnection connection, IDbTransaction? transaction, string cityId, string defaultRubricId, CancellationToken cancellationToken)
    {
        var plan = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            "SELECT city_id, rubric_id, published, updated_at, row_version FROM action_plans WHERE city_id = @cityId",
            new { cityId },
            transaction,
            cancellationToken: cancellationToken));
        if (plan is null)
        {
            return ActionPlan.Empty(cityId, defaultRubricId);
        }

        var actions = await connection.QueryAsync<ActionRow>(new CommandDefinition(
            """
            SELECT id, title, description, targets, responsible, partners, start_date, due_date, status, drop_reason, notes
            FROM plan_actions WHERE city_id = @cityId ORDER BY position
            """,
            new { cityId },
            transaction,
            cancellationToken: cancellationToken));
        return new ActionPlan(cityId, plan.RubricId, plan.Published != 0, actions.Select(a => a.ToAction()).ToArray(), Timestamps.Parse(plan.UpdatedAt), plan.RowVersion);
    }

    private static async Task WriteAsync(IDbConnection connection, IDbTransaction transaction, ActionPlan plan, CancellationToken cancellationToken)
    {
        var parameters = new { plan.CityId, plan.RubricId, Published = plan.Published ? 1 : 0, UpdatedAt = Timestamps.Format(plan.UpdatedAt!.Value), plan.RowVersion };
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE action_plans SET published = @Published, updated_at = @UpdatedAt, row_version = @RowVersion WHERE city_id = @CityId",
            parameters, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO action_plans (city_id, rubric_id, published, updated_at, row_version) VALUES (@CityId, @RubricId, @Published, @UpdatedAt, @RowVersion)",
                parameters, transaction, cancellationToken: cancellationToken));
        }

        // A plan is a few dozen actions at most: rewriting them keeps their order and is one rule for every change.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plan_actions WHERE city_id = @CityId", parameters, transaction, cancellationToken: cancellationToken));
        for (var position = 0; position < plan.Actions.Count; position++)
        {
            var action = plan.Actions[position];
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO plan_actions (id, city_id, position, title, description, targets, responsible, partners, start_date, due_date, status, drop_reason, notes)
                VALUES (@Id, @CityId, @position, @Title, @Description, @Targets, @Responsible, @Partners, @Start, @Due, @Status, @DropReason, @Notes)
                """,
                new
                {
                    action.Id,
                    plan.CityId,
                    position,
                    action.Title,
                    action.Description,
                    Targets = JsonSerializer.Serialize(action.Targets, AuditLog.Json),
                    action.Responsible,
                    Partners = JsonSerializer.Serialize(action.Partners, AuditLog.Json),
                    Start = FormatDate(action.Start),
                    Due = FormatDate(action.Due),
                    Status = StatusName(action.Status),
                    action.DropReason,
                    Notes = JsonSerializer.Serialize(action.Notes, AuditLog.Json),
                },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>The stored (and API) name of a status: planned, inProgress, done, dropped.</summary>
    public static string StatusName(ActionStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class PlanRow
    {
        public string CityId { get; init; } = "";
        public string RubricId { get; init; } = "";
        public long Published { get; init; }
        public string UpdatedAt { get; init; } = "";
        public long RowVersion { get; init; }
    }

    private sealed class ActionRow
    {
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string Targets { get; init; } = "[]";
        public string Responsible { get; init; } = "";
        public string Partners { get; init; } = "[]";
        public string? StartDate { get; init; }
        public string? DueDate { get; init; }
        public string Status { get; init; } = "";
        public string? DropReason { get; init; }
        public string Notes { get; init; } = "[]";

        public PlanAction ToAction() => new(
            Id, Title, Description,
            JsonSerializer.Deserialize<ActionTarget[]>(Targets, AuditLog.Json) ?? [],
            Responsible,
            JsonSerializer.Deserialize<string[]>(Partners, AuditLog.Json) ?? [],
            ParseDate(StartDate), ParseDate(DueDate),
            Enum.Parse<ActionStatus>(Status, ignoreCase: true),
            DropReason,
            JsonSerializer.Deserialize<ProgressNote[]>(Notes, AuditLog.Json) ?? []);
    }

    private sealed class ScoreRow
    {
        public string Period { get; init; } = "";
        public string Scores { get; init; } = "";
    }
}
