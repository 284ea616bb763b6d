using Dapper;

namespace Nlc.Storage;

/// <summary>A city's targets for one rubric: a level per indicator, to reach by a target period.</summary>
public sealed record CityTargets(string CityId, string RubricId, string? TargetPeriod, IReadOnlyDictionary<string, int> Levels);

/// <summary>Reads and replaces a city's targets; every replacement is audited.</summary>
public sealed class TargetStore(Database database, TimeProvider clock)
{
    static TargetStore() => SnakeCaseColumns.Map<Row>();

    /// <summary>The targets of <paramref name="cityId"/> for <paramref name="rubricId"/> (empty when none are set).</summary>
    public Task<CityTargets> GetAsync(string cityId, string rubricId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => ToTargets(cityId, rubricId, await connection.QueryAsync<Row>(new CommandDefinition(
                "SELECT indicator_id, target_level, target_period FROM targets WHERE city_id = @cityId AND rubric_id = @rubricId ORDER BY indicator_id",
                new { cityId, rubricId },
                cancellationToken: cancellationToken))),
            cancellationToken);

    /// <summary>Replaces every target of the city for the rubric with <paramref name="targets"/>.</summary>
    public Task<CityTargets> ReplaceAsync(CityTargets targets, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = ToTargets(targets.CityId, targets.RubricId, await connection.QueryAsync<Row>(new CommandDefinition(
                "SELECT indicator_id, target_level, target_period FROM targets WHERE city_id = @CityId AND rubric_id = @RubricId ORDER BY indicator_id",
                targets,
                transaction,
                cancellationToken: cancellationToken)));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM targets WHERE city_id = @CityId AND rubric_id = @RubricId", targets, transaction, cancellationToken: cancellationToken));
            var now = clock.GetUtcNow();
            foreach (var (indicatorId, level) in targets.Levels)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO targets (city_id, rubric_id, indicator_id, target_level, target_period, set_by, set_at)
                    VALUES (@CityId, @RubricId, @indicatorId, @level, @TargetPeriod, @actor, @At)
                    """,
                    new { targets.CityId, targets.RubricId, indicatorId, level, targets.TargetPeriod, actor, At = Timestamps.Format(now) },
                    transaction,
                    cancellationToken: cancellationToken));
            }

            await AuditLog.AppendAsync(connection, transaction, now, actor, "targets.replaced", "city", targets.CityId, targets.CityId, before, targets, cancellationToken);
            return targets;
        }, cancellationToken);

    private static CityTargets ToTargets(string cityId, string rubricId, IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        return new CityTargets(cityId, rubricId, list.FirstOrDefault()?.TargetPeriod, list.ToDictionary(r => r.IndicatorId, r => (int)r.TargetLevel));
    }

    private sealed class Row
    {
        public string IndicatorId { get; init; } = "";
        public long TargetLevel { get; init; }
        public string TargetPeriod { get; init; } = "";
    }
}
