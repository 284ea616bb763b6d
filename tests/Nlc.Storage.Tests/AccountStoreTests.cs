using Dapper;
using Nlc.Core.Access;
using Nlc.Storage;

namespace Nlc.Storage.Tests;

/// <summary>Accounts and invitations against a real SQLite file: one-time, expiring, hashed links; lockout; stamps that end sign-ins.</summary>
[TestClass]
public sealed class AccountStoreTests
{
    private Database _database = null!;
    private ManualClock _clock = null!;
    private AccountStore _accounts = null!;

    [TestInitialize]
    public async Task CreateDatabase()
    {
        _database = await TestDatabases.NewAsync("accounts");
        _clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        await Migrator.MigrateAsync(_database, _clock);
        _accounts = new AccountStore(_database, _clock);
    }

    [TestMethod]
    public async Task AnInvitation_IsStoredOnlyAsAHash_AndWorksOnce()
    {
        var invitation = (await _accounts.InviteAsync(new NewAccount("ana@city.example", "Ana", ApiRole.City, ["city_1"]), "acc_admin")).Value!;

        var stored = await _database.ReadAsync(c => c.QuerySingleAsync<string>("SELECT token_hash FROM invitations"));
        Assert.AreNotEqual(invitation.Token, stored);
        Assert.AreEqual(64, stored.Length, "a SHA-256 in hex");
        Assert.IsFalse((await _database.ReadAsync(c => c.QueryAsync<string>("SELECT coalesce(before, '') || coalesce(after, '') FROM audit_log"))).Any(row => row.Contains(invitation.Token, StringComparison.Ordinal)));
        Assert.AreEqual("Ana", (await _accounts.FindInvitedAsync(invitation.Token))?.DisplayName);

        var accepted = await _accounts.AcceptInvitationAsync(invitation.Token, "hash-1");
        var again = await _accounts.AcceptInvitationAsync(invitation.Token, "hash-2");

        Assert.AreEqual(WriteOutcome.Done, accepted.Outcome);
        Assert.AreEqual(WriteOutcome.NotFound, again.Outcome);
        Assert.IsNull(await _accounts.FindInvitedAsync(invitation.Token));
        Assert.AreEqual("hash-1", (await _accounts.FindByEmailAsync("ANA@city.example"))?.PasswordHash, "the email is matched without case, and the second use changed nothing");
    }

    [TestMethod]
    public async Task AnInvitation_StopsWorkingWhenItExpires()
    {
        var invitation = (await _accounts.InviteAsync(new NewAccount("ana@city.example", "Ana", ApiRole.Hub, []), "acc_admin")).Value!;

        _clock.Advance(AccountStore.InvitationLifetime + TimeSpan.FromSeconds(1));

        Assert.IsNull(await _accounts.FindInvitedAsync(invitation.Token));
        Assert.AreEqual(WriteOutcome.NotFound, (await _accounts.AcceptInvitationAsync(invitation.Token, "hash")).Outcome);
        Assert.IsNull((await _accounts.FindByEmailAsync("ana@city.example"))!.PasswordHash);
    }

    [TestMethod]
    public async Task InvitingAnEmailThatHasAnAccount_IsAConflict_AndAddsNothing()
    {
        await _accounts.InviteAsync(new NewAccount("ana@city.example", "Ana", ApiRole.Hub, []), "acc_admin");

        var second = await _accounts.InviteAsync(new NewAccount("Ana@City.example", "Other Ana", ApiRole.Admin, []), "acc_admin");

        Assert.AreEqual(WriteOutcome.Conflict, second.Outcome);
        Assert.AreEqual(1, await _accounts.CountAsync());
        Assert.AreEqual(1, await _database.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT count(*) FROM invitations")));
    }

    [TestMethod]
    public async Task FiveFailedSignIns_LockTheAccountForFifteenMinutes_ThenTheCountStartsAgain()
    {
        var account = await InvitedWithPasswordAsync();

        for (var i = 1; i < LockoutRule.Default.MaxFailedSignIns; i++)
        {
            var after = await _accounts.RecordFailedSignInAsync(account.Id, LockoutRule.Default);
            Assert.IsFalse(after!.IsLockedAt(_clock.GetUtcNow()), $"locked after only {i} failures");
        }

        var locked = await _accounts.RecordFailedSignInAsync(account.Id, LockoutRule.Default);
        Assert.IsTrue(locked!.IsLockedAt(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.IsTrue((await _accounts.FindAsync(account.Id))!.IsLockedAt(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var unlocked = (await _accounts.FindAsync(account.Id))!;
        Assert.IsFalse(unlocked.IsLockedAt(_clock.GetUtcNow()));
        Assert.AreEqual(0, unlocked.FailedSignIns);
    }

    [TestMethod]
    public async Task ASuccessfulSignIn_ResetsTheFailures()
    {
        var account = await InvitedWithPasswordAsync();
        await _accounts.RecordFailedSignInAsync(account.Id, LockoutRule.Default);
        await _accounts.RecordFailedSignInAsync(account.Id, LockoutRule.Default);

        await _accounts.RecordSignInAsync(account.Id);

        Assert.AreEqual(0, (await _accounts.FindAsync(account.Id))!.FailedSignIns);
    }

    [TestMethod]
    public async Task DisablingAnAccount_ChangesItsStamp_AndItsInvitationStopsWorking()
    {
        var invitation = (await _accounts.InviteAsync(new NewAccount("ana@city.example", "Ana", ApiRole.Hub, []), "acc_admin")).Value!;

        var disabled = await _accounts.SetDisabledAsync(invitation.Account.Id, true, "acc_admin");

        Assert.IsNotNull(disabled.Value!.DisabledAt);
        Assert.AreNotEqual(invitation.Account.SecurityStamp, disabled.Value.SecurityStamp);
        Assert.IsNull(await _accounts.FindInvitedAsync(invitation.Token));
        Assert.IsNull((await _accounts.SetDisabledAsync(invitation.Account.Id, false, "acc_admin")).Value!.DisabledAt);
    }

    [TestMethod]
    public async Task AReset_RemovesThePassword_EndsSignIns_AndOnlyTheNewLinkWorks()
    {
        var first = (await _accounts.InviteAsync(new NewAccount("ana@city.example", "Ana", ApiRole.Hub, []), "acc_admin")).Value!;
        var unused = (await _accounts.ReinviteAsync(first.Account.Id, "acc_admin")).Value!;
        var before = (await _accounts.FindAsync(first.Account.Id))!;

        var reset = (await _accounts.ReinviteAsync(first.Account.Id, "acc_admin")).Value!;

        Assert.IsNull(reset.Account.PasswordHash);
        Assert.AreNotEqual(before.SecurityStamp, reset.Account.SecurityStamp);
        Assert.IsNull(await _accounts.FindInvitedAsync(first.Token));
        Assert.IsNull(await _accounts.FindInvitedAsync(unused.Token));
        Assert.AreEqual(WriteOutcome.Done, (await _accounts.AcceptInvitationAsync(reset.Token, "hash")).Outcome);
        Assert.AreEqual(WriteOutcome.NotFound, (await _accounts.ReinviteAsync("acc_nobody", "acc_admin")).Outcome);
    }

    [TestMethod]
    public async Task ChangingThePassword_ChangesTheStamp_AndTheAuditLogHoldsNoHashOrStamp()
    {
        var account = await InvitedWithPasswordAsync();

        var changed = (await _accounts.ChangePasswordAsync(account.Id, "new-secret-hash")).Value!;

        Assert.AreEqual("new-secret-hash", changed.PasswordHash);
        Assert.AreNotEqual(account.SecurityStamp, changed.SecurityStamp);
        var audit = string.Join("\n", await _database.ReadAsync(c => c.QueryAsync<string>("SELECT coalesce(before, '') || coalesce(after, '') FROM audit_log WHERE entity_type = 'account'")));
        StringAssert.Contains(audit, "ana@city.example");
        Assert.IsFalse(audit.Contains("new-secret-hash", StringComparison.Ordinal) || audit.Contains(changed.SecurityStamp, StringComparison.Ordinal), audit);
    }

    [TestMethod]
    public async Task DataProtectionKeys_AreKeptByName()
    {
        var keys = new DataProtectionKeyStore(_database, _clock);

        await keys.AddAsync("key-1", "<key id=\"1\" />");
        await keys.AddAsync("key-2", "<key id=\"2\" />");
        await keys.AddAsync("key-1", "<key id=\"1\" revised=\"true\" />");

        CollectionAssert.AreEqual(new[] { "<key id=\"1\" revised=\"true\" />", "<key id=\"2\" />" }, (await keys.AllAsync()).ToArray());
    }

    private async Task<Account> InvitedWithPasswordAsync()
    {
        var invitation = (await _accounts.InviteAsync(new NewAccount("ana@city.example", "Ana", ApiRole.City, ["city_1"]), "acc_admin")).Value!;
        return (await _accounts.AcceptInvitationAsync(invitation.Token, "hash")).Value!;
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
