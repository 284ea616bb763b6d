using System.Data;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Nlc.Core.Access;

namespace Nlc.Storage;

/// <summary>
/// Accounts of people who sign in to the web pages, and their one-time invitations. Passwords arrive already hashed
/// (ASP.NET Core's PasswordHasher, in the web project); invitation tokens are kept only as SHA-256 hashes. Every change
/// and its audit entry commit in one transaction; the audit entry never holds a hash or a stamp.
/// </summary>
public sealed class AccountStore(Database database, TimeProvider clock)
{
    static AccountStore() => SnakeCaseColumns.Map<Row>();

    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private const string Columns =
        "id, email, display_name, role, city_ids, password_hash, failed_sign_ins, locked_until, disabled_at, security_stamp, created_at";

    // Read, never inserted: a person chooses their language after the account exists.
    private const string ReadColumns = Columns + ", language";

    /// <summary>Creates an account without a password and an invitation to set it; refused as a conflict if the email is taken.</summary>
    public Task<WriteResult<Invitation>> InviteAsync(NewAccount person, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var taken = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*) FROM accounts WHERE email = @Email", new { person.Email }, transaction, cancellationToken: cancellationToken));
            if (taken > 0)
            {
                return WriteResult<Invitation>.Refused(WriteOutcome.Conflict, $"There is already an account for '{person.Email}'.");
            }

            var now = clock.GetUtcNow();
            var account = new Account(
                Ids.New("acc_"), person.Email.Trim(), person.DisplayName.Trim(), person.Role, person.CityIds, null, 0, null, null, NewStamp(), now);
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO accounts ({Columns}, created_by, updated_at) VALUES (@Id, @Email, @DisplayName, @Role, @CityIds, NULL, 0, NULL, NULL, @SecurityStamp, @At, @actor, @At)",
                new
                {
                    account.Id, account.Email, account.DisplayName, Role = ApiKeyStore.RoleText(account.Role),
                    CityIds = JsonSerializer.Serialize(account.CityIds), account.SecurityStamp, At = Timestamps.Format(now), actor,
                },
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "account.invited", "account", account.Id, null, null, AuditView(account), cancellationToken);
            return WriteResult<Invitation>.Done(await AddInvitationAsync(connection, transaction, account, actor, now, cancellationToken));
        }, cancellationToken);

    /// <summary>
    /// Resets account <paramref name="id"/>: its password is removed, its sign-ins end, earlier invitations stop working,
    /// and a new invitation is returned for the person to set a new password.
    /// </summary>
    public Task<WriteResult<Invitation>> ReinviteAsync(string id, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await FindAsync(connection, transaction, id, cancellationToken);
            if (before is null)
            {
                return WriteResult<Invitation>.Refused(WriteOutcome.NotFound, $"There is no account '{id}'.");
            }

            var now = clock.GetUtcNow();
            var after = before with { PasswordHash = null, FailedSignIns = 0, LockedUntil = null, SecurityStamp = NewStamp() };
            await UpdateAsync(connection, transaction, after, now, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invitations SET used_at = @At WHERE account_id = @id AND used_at IS NULL",
                new { At = Timestamps.Format(now), id },
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "account.reset", "account", id, null, AuditView(before), AuditView(after), cancellationToken);
            return WriteResult<Invitation>.Done(await AddInvitationAsync(connection, transaction, after, actor, now, cancellationToken));
        }, cancellationToken);

    /// <summary>The account a live invitation (known, unused, not expired, account not disabled) is for, or null.</summary>
    public Task<Account?> FindInvitedAsync(string token, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => FindInvitedAsync(connection, null, token, cancellationToken), cancellationToken);

    /// <summary>
    /// Uses invitation <paramref name="token"/> to set the account's password to <paramref name="passwordHash"/>; refused as
    /// not found when the invitation is unknown, used, expired or its account disabled. Ends the account's earlier sign-ins.
    /// </summary>
    public Task<WriteResult<Account>> AcceptInvitationAsync(string token, string passwordHash, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await FindInvitedAsync(connection, transaction, token, cancellationToken);
            if (before is null)
            {
                return WriteResult<Account>.Refused(WriteOutcome.NotFound, "This invitation link is unknown, used or expired.");
            }

            var now = clock.GetUtcNow();
            var after = before with { PasswordHash = passwordHash, FailedSignIns = 0, LockedUntil = null, SecurityStamp = NewStamp() };
            await UpdateAsync(connection, transaction, after, now, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invitations SET used_at = @At WHERE token_hash = @Hash",
                new { At = Timestamps.Format(now), Hash = HashToken(token) },
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, after.Id, "account.password_set", "account", after.Id, null, AuditView(before), AuditView(after), cancellationToken);
            return WriteResult<Account>.Done(after);
        }, cancellationToken);

    /// <summary>The account with <paramref name="id"/>, or null.</summary>
    public Task<Account?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => FindAsync(connection, null, id, cancellationToken), cancellationToken);

    /// <summary>The account whose email is <paramref name="email"/> (case-insensitive), or null.</summary>
    public Task<Account?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {ReadColumns} FROM accounts WHERE email = @email", new { email = email.Trim() }, cancellationToken: cancellationToken)))?.ToAccount(),
            cancellationToken);

    /// <summary>
    /// Counts a failed sign-in of account <paramref name="id"/>; the failure that reaches the rule's limit locks the
    /// account for the rule's time and starts the count again. Returns the account after.
    /// </summary>
    public Task<Account?> RecordFailedSignInAsync(string id, LockoutRule rule, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await FindAsync(connection, transaction, id, cancellationToken);
            if (before is null)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var failures = before.FailedSignIns + 1;
            var after = failures >= rule.MaxFailedSignIns
                ? before with { FailedSignIns = 0, LockedUntil = now + rule.LockFor }
                : before with { FailedSignIns = failures };
            await UpdateAsync(connection, transaction, after, now, cancellationToken);
            if (after.LockedUntil != before.LockedUntil)
            {
                await AuditLog.AppendAsync(connection, transaction, now, "system", "account.locked", "account", id, null, AuditView(before), AuditView(after), cancellationToken);
            }

            return after;
        }, cancellationToken);

    /// <summary>Records a successful sign-in of account <paramref name="id"/>: the count of failures starts again.</summary>
    public Task RecordSignInAsync(string id, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = @id AND failed_sign_ins > 0",
                new { id },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>
    /// Remembers <paramref name="language"/> (a served language tag) as the web pages' language of account <paramref name="id"/>.
    /// A preference, not a change to the account: no audit entry, and sign-ins go on.
    /// </summary>
    public Task SetLanguageAsync(string id, string language, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE accounts SET language = @language WHERE id = @id",
                new { id, language },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>Replaces the password of account <paramref name="id"/>; its other sign-ins end (the security stamp changes).</summary>
    public Task<WriteResult<Account>> ChangePasswordAsync(string id, string passwordHash, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, id, "account.password_changed", a => a with { PasswordHash = passwordHash, SecurityStamp = NewStamp() }, cancellationToken);

    /// <summary>Disables account <paramref name="id"/> (its sign-ins end at once) or enables it again.</summary>
    public Task<WriteResult<Account>> SetDisabledAsync(string id, bool disabled, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            id,
            actor,
            disabled ? "account.disabled" : "account.enabled",
            a => disabled
                ? a with { DisabledAt = a.DisabledAt ?? clock.GetUtcNow(), SecurityStamp = NewStamp() }
                : a with { DisabledAt = null },
            cancellationToken);

    /// <summary>
    /// Gives account <paramref name="id"/> <paramref name="role"/> and <paramref name="cityIds"/> (checked by the caller with
    /// <c>AccountInput</c>); its sign-ins carry the new rights from their next request, as claims are rebuilt on every request.
    /// </summary>
    public Task<WriteResult<Account>> ChangeAccessAsync(string id, ApiRole role, IReadOnlyList<string> cityIds, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, "account.access_changed", a => a with { Role = role, CityIds = cityIds.ToArray() }, cancellationToken);

    /// <summary>How many accounts exist, disabled or not.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            connection => connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM accounts", cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>One page of accounts, by email.</summary>
    public Task<Page<Account>> ListAsync(int limit, int offset, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM accounts", cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {ReadColumns} FROM accounts ORDER BY email, id LIMIT @limit OFFSET @offset", new { limit, offset }, cancellationToken: cancellationToken));
            return new Page<Account>(rows.Select(r => r.ToAccount()).ToArray(), total, limit, offset);
        }, cancellationToken);

    /// <summary>The SHA-256 of an invitation token, hex: tokens are long and random, so a fast hash is enough.</summary>
    internal static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private Task<WriteResult<Account>> ChangeAsync(
        string id, string actor, string action, Func<Account, Account> change, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await FindAsync(connection, transaction, id, cancellationToken);
            if (before is null)
            {
                return WriteResult<Account>.Refused(WriteOutcome.NotFound, $"There is no account '{id}'.");
            }

            var now = clock.GetUtcNow();
            var after = change(before);
            await UpdateAsync(connection, transaction, after, now, cancellationToken);
            await AuditLog.AppendAsync(connection, transaction, now, actor, action, "account", id, null, AuditView(before), AuditView(after), cancellationToken);
            return WriteResult<Account>.Done(after);
        }, cancellationToken);

    private async Task<Invitation> AddInvitationAsync(
        IDbConnection connection, IDbTransaction transaction, Account account, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expiresAt = now + InvitationLifetime;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO invitations (id, token_hash, account_id, created_by, created_at, expires_at) VALUES (@Id, @Hash, @AccountId, @actor, @At, @ExpiresAt)",
            new { Id = Ids.New("inv_"), Hash = HashToken(token), AccountId = account.Id, actor, At = Timestamps.Format(now), ExpiresAt = Timestamps.Format(expiresAt) },
            transaction,
            cancellationToken: cancellationToken));
        return new Invitation(account, token, expiresAt);
    }

    private async Task<Account?> FindInvitedAsync(IDbConnection connection, IDbTransaction? transaction, string token, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            SELECT {string.Join(", ", ReadColumns.Split(", ").Select(c => "a." + c))}
            FROM invitations i JOIN accounts a ON a.id = i.account_id
            WHERE i.token_hash = @Hash AND i.used_at IS NULL AND i.expires_at > @Now AND a.disabled_at IS NULL
            """,
            new { Hash = HashToken(token), Now = Timestamps.Format(clock.GetUtcNow()) },
            transaction,
            cancellationToken: cancellationToken)))?.ToAccount();

    private static async Task<Account?> FindAsync(IDbConnection connection, IDbTransaction? transaction, string id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {ReadColumns} FROM accounts WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)))?.ToAccount();

    private static Task UpdateAsync(IDbConnection connection, IDbTransaction transaction, Account account, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE accounts SET password_hash = @PasswordHash, failed_sign_ins = @FailedSignIns, locked_until = @LockedUntil,
                disabled_at = @DisabledAt, security_stamp = @SecurityStamp, role = @Role, city_ids = @CityIds, updated_at = @At
            WHERE id = @Id
            """,
            new
            {
                account.Id, account.PasswordHash, account.FailedSignIns, account.SecurityStamp, At = Timestamps.Format(now),
                Role = ApiKeyStore.RoleText(account.Role), CityIds = JsonSerializer.Serialize(account.CityIds),
                LockedUntil = account.LockedUntil is { } until ? Timestamps.Format(until) : null,
                DisabledAt = account.DisabledAt is { } disabled ? Timestamps.Format(disabled) : null,
            },
            transaction,
            cancellationToken: cancellationToken));

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>What the audit log keeps of an account: never its password hash or security stamp.</summary>
    private static object AuditView(Account account) => new
    {
        account.Id, account.Email, account.DisplayName, Role = ApiKeyStore.RoleText(account.Role), account.CityIds,
        HasPassword = account.PasswordHash is not null, account.LockedUntil, account.DisabledAt,
    };

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public string CityIds { get; init; } = "[]";
        public string? PasswordHash { get; init; }
        public long FailedSignIns { get; init; }
        public string? LockedUntil { get; init; }
        public string? DisabledAt { get; init; }
        public string SecurityStamp { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string? Language { get; init; }

        public Account ToAccount() => new(
            Id, Email, DisplayName, Enum.Parse<ApiRole>(Role, ignoreCase: true), JsonSerializer.Deserialize<string[]>(CityIds) ?? [],
            PasswordHash, (int)FailedSignIns, Timestamps.ParseOptional(LockedUntil), Timestamps.ParseOptional(DisabledAt), SecurityStamp,
            Timestamps.Parse(CreatedAt))
        {
            Language = Language,
        };
    }
}
