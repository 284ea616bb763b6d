using Dapper;

namespace Nlc.Storage;

/// <summary>
/// The XML elements of ASP.NET Core's data-protection key ring (the keys that protect sign-in cookies), kept in the
/// database so a restart, or a copy of the database on another machine, keeps people signed in.
/// </summary>
public sealed class DataProtectionKeyStore(Database database, TimeProvider clock)
{
    /// <summary>Every stored element, oldest first.</summary>
    public Task<IReadOnlyList<string>> AllAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (IReadOnlyList<string>)(await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT xml FROM data_protection_keys ORDER BY created_at, name", cancellationToken: cancellationToken))).ToArray(),
            cancellationToken);

    /// <summary>Stores element <paramref name="xml"/> under <paramref name="name"/>, replacing one of the same name.</summary>
    public Task AddAsync(string name, string xml, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @At)
                ON CONFLICT (name) DO UPDATE SET xml = excluded.xml, created_at = excluded.created_at
                """,
                new { name, xml, At = Timestamps.Format(clock.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
}
