using System.Text.Json;
using Dapper;
using Nlc.Core.Cities;

namespace Nlc.Storage;

/// <summary>The city register: create, read, list with filters, and change with a version check; every change is audited.</summary>
public sealed class CityStore(Database database, TimeProvider clock)
{
    static CityStore() => SnakeCaseColumns.Map<Row>();

    private const string Columns = "id, name, country, region, population, tags, created_at, updated_at, row_version";

    /// <summary>Adds a city.</summary>
    public Task<City> CreateAsync(NewCity city, string actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var created = new City(Ids.New("city_"), city.Name, city.Country, city.Region, city.Population, city.Tags, now, now, 1);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO cities (id, name, country, region, population, tags, created_at, updated_at, row_version)
                VALUES (@Id, @Name, @Country, @Region, @Population, @Tags, @CreatedAt, @UpdatedAt, 1)
                """,
                ToParameters(created),
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "city.created", "city", created.Id, created.Id, null, created, cancellationToken);
            await EnqueueChangedAsync(connection, transaction, created, now, cancellationToken);
            return created;
        }, cancellationToken);
    }

    /// <summary>The city with <paramref name="id"/>, or null.</summary>
    public Task<City?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition($"SELECT {Columns} FROM cities WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToCity(),
            cancellationToken);

    /// <summary>One page of the cities matching <paramref name="filter"/>, by name.</summary>
    public Task<Page<City>> ListAsync(CityFilter filter, int limit, int offset, CancellationToken cancellationToken = default)
    {
        const string where =
            """
            WHERE (@Country IS NULL OR country = @Country)
              AND (@Region IS NULL OR region = @Region COLLATE NOCASE)
              AND (@Tag IS NULL OR EXISTS (SELECT 1 FROM json_each(cities.tags) WHERE value = @Tag))
              AND (@OnlyIds IS NULL OR id IN (SELECT value FROM json_each(@OnlyIds)))
            """;
        var parameters = new
        {
            filter.Country,
            filter.Region,
            filter.Tag,
            OnlyIds = filter.OnlyIds is null ? null : JsonSerializer.Serialize(filter.OnlyIds),
            limit,
            offset,
        };
        return database.ReadAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<int>(
                new CommandDefinition($"SELECT count(*) FROM cities {where}", parameters, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM cities {where} ORDER BY name, id LIMIT @limit OFFSET @offset", parameters, cancellationToken: cancellationToken));
            return new Page<City>(rows.Select(r => r.ToCity()).ToArray(), total, limit, offset);
        }, cancellationToken);
    }

    /// <summary>Applies <paramref name="patch"/> if the city is still at <paramref name="expectedVersion"/>.</summary>
    public Task<WriteResult<City>> UpdateAsync(string id, CityPatch patch, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition($"SELECT {Columns} FROM cities WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                return WriteResult<City>.Refused(WriteOutcome.NotFound, $"There is no city '{id}'.");
            }

            var before = row.ToCity();
            if (before.RowVersion != expectedVersion)
            {
                return WriteResult<City>.Refused(WriteOutcome.Stale, $"City '{id}' is at version {before.RowVersion}, not {expectedVersion}: reload it and apply your change again.");
            }

            var now = clock.GetUtcNow();
            var after = before with
            {
                Name = patch.Name ?? before.Name,
                Country = patch.Country ?? before.Country,
                Region = patch.Region ?? before.Region,
                Population = patch.Population ?? before.Population,
                Tags = patch.Tags ?? before.Tags,
                UpdatedAt = now,
                RowVersion = before.RowVersion + 1,
            };
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE cities SET name = @Name, country = @Country, region = @Region, population = @Population, tags = @Tags,
                    updated_at = @UpdatedAt, row_version = @RowVersion
                WHERE id = @Id
                """,
                ToParameters(after),
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "city.updated", "city", id, id, before, after, cancellationToken);
            await EnqueueChangedAsync(connection, transaction, after, now, cancellationToken);
            return WriteResult<City>.Done(after);
        }, cancellationToken);

    private static Task EnqueueChangedAsync(
        System.Data.IDbConnection connection, System.Data.IDbTransaction transaction, City city, DateTimeOffset now, CancellationToken cancellationToken) =>
        WebhookOutbox.EnqueueAsync(
            connection, transaction, now, WebhookEvents.CityChanged, city.Id, city.RowVersion, $"/api/v1/cities/{city.Id}", r => r.CanSeeCity(city.Id), cancellationToken);

    private static object ToParameters(City city) => new
    {
        city.Id,
        city.Name,
        city.Country,
        city.Region,
        city.Population,
        Tags = JsonSerializer.Serialize(city.Tags),
        CreatedAt = Timestamps.Format(city.CreatedAt),
        UpdatedAt = Timestamps.Format(city.UpdatedAt),
        city.RowVersion,
    };

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Country { get; init; } = "";
        public string? Region { get; init; }
        public long? Population { get; init; }
        public string Tags { get; init; } = "[]";
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
        public long RowVersion { get; init; }

        public City ToCity() => new(
            Id, Name, Country, Region, Population, JsonSerializer.Deserialize<string[]>(Tags) ?? [],
            Timestamps.Parse(CreatedAt), Timestamps.Parse(UpdatedAt), RowVersion);
    }
}
