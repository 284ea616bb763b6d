using System.Text.Json;
using Dapper;
using Nlc.Core.Periods;
using Nlc.Core.PeerLearning;
using Nlc.Core.Scoring;

namespace Nlc.Storage;

/// <summary>
/// Learning from peers: case notes and their workflow (versioned, audited), consent to be contacted (opt-in, audited),
/// and the peer data behind suggestions and exchange pairs. A city without consent is never read into a contact list:
/// the consent is joined in SQL, before any level leaves this store.
/// </summary>
public sealed class PeerLearningStore(Database database, TimeProvider clock)
{
    private const string NoteColumns =
        "id, city_id, rubric_id, practice_id, title, challenge, approach, impact, contact_role, status, return_reason, updated_at, published_at, row_version";

    static PeerLearningStore()
    {
        SnakeCaseColumns.Map<NoteRow>();
        SnakeCaseColumns.Map<ConsentRow>();
        SnakeCaseColumns.Map<PeerRow>();
    }

    /// <summary>Writes a new draft case note of <paramref name="cityId"/> (checked input with <see cref="CaseNoteWorkflow.Check"/>).</summary>
    public Task<CaseNote> CreateNoteAsync(string cityId, string rubricId, CaseNoteInput input, string actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var note = new CaseNote(
            Ids.New("note_"), cityId, rubricId, input.PracticeId!, input.Title!.Trim(), input.Challenge!.Trim(), input.Approach!.Trim(), input.Impact!.Trim(),
            input.ContactRole!.Trim(), CaseNoteStatus.Draft, null, now, null, 1);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO case_notes ({NoteColumns}) VALUES (@Id, @CityId, @RubricId, @PracticeId, @Title, @Challenge, @Approach, @Impact, @ContactRole, @Status, @ReturnReason, @UpdatedAt, @PublishedAt, @RowVersion)",
                ToParameters(note), transaction, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "caseNote.created", "caseNote", note.Id, cityId, null, note, cancellationToken);
            return note;
        }, cancellationToken);
    }

    /// <summary>The case note with <paramref name="id"/>, or null.</summary>
    public Task<CaseNote?> FindNoteAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<NoteRow>(new CommandDefinition(
                $"SELECT {NoteColumns} FROM case_notes WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToNote(),
            cancellationToken);

    /// <summary>
    /// Case notes, newest first: those in <paramref name="statuses"/> (every status when null), of <paramref name="cityId"/>
    /// when given, on <paramref name="practiceId"/> when given.
    /// </summary>
    public Task<IReadOnlyList<CaseNote>> ListNotesAsync(
        IReadOnlyList<CaseNoteStatus>? statuses, string? cityId, string? practiceId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<CaseNote>>(async connection =>
        {
            var rows = await connection.QueryAsync<NoteRow>(new CommandDefinition(
                $"""
                SELECT {NoteColumns} FROM case_notes
                WHERE (@cityId IS NULL OR city_id = @cityId) AND (@practiceId IS NULL OR practice_id = @practiceId)
                ORDER BY updated_at DESC, id
                """,
                new { cityId, practiceId },
                cancellationToken: cancellationToken));
            return rows.Select(r => r.ToNote()).Where(n => statuses is null || statuses.Contains(n.Status)).ToArray();
        }, cancellationToken);

    /// <summary>Replaces the text of a draft or returned note (checked input), if it is still at <paramref name="expectedVersion"/>.</summary>
    public Task<WriteResult<CaseNote>> UpdateNoteAsync(string id, CaseNoteInput input, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        ChangeNoteAsync(id, expectedVersion, actor, "caseNote.updated", (note, now) => CaseNoteWorkflow.IsEditable(note.Status)
            ? (note with
            {
                PracticeId = input.PracticeId!, Title = input.Title!.Trim(), Challenge = input.Challenge!.Trim(), Approach = input.Approach!.Trim(),
                Impact = input.Impact!.Trim(), ContactRole = input.ContactRole!.Trim(), UpdatedAt = now, RowVersion = note.RowVersion + 1,
            }, null)
            : (null, $"The case note is {JsonNamingPolicy.CamelCase.ConvertName(note.Status.ToString())}; only a draft or returned note can be edited."), cancellationToken);

    /// <summary>Takes a workflow step (<see cref="CaseNoteWorkflow.Apply"/>) if the note is still at <paramref name="expectedVersion"/>; 409 from the wrong state.</summary>
    public Task<WriteResult<CaseNote>> TransitionNoteAsync(
        string id, CaseNoteAction action, string? reason, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        ChangeNoteAsync(id, expectedVersion, actor, CaseNoteWorkflow.AuditName(action), (note, now) => CaseNoteWorkflow.Apply(note, action, reason, now), cancellationToken);

    /// <summary>The consent of <paramref name="cityId"/> (none until it opts in).</summary>
    public Task<ContactConsent> GetConsentAsync(string cityId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection => (await connection.QuerySingleOrDefaultAsync<ConsentRow>(new CommandDefinition(
            "SELECT city_id, practice_ids, languages, row_version FROM contact_consents WHERE city_id = @cityId", new { cityId }, cancellationToken: cancellationToken)))?.ToConsent()
            ?? ContactConsent.None(cityId), cancellationToken);

    /// <summary>
    /// Sets the practices the city agrees to be contacted about and its exchange languages, if the consent is still at
    /// <paramref name="expectedVersion"/> (0 for a city that never set one); an empty list withdraws every consent at once.
    /// </summary>
    public Task<WriteResult<ContactConsent>> SetConsentAsync(ContactConsent consent, long expectedVersion, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = (await connection.QuerySingleOrDefaultAsync<ConsentRow>(new CommandDefinition(
                "SELECT city_id, practice_ids, languages, row_version FROM contact_consents WHERE city_id = @CityId", consent, transaction, cancellationToken: cancellationToken)))?.ToConsent();
            var version = before?.RowVersion ?? 0;
            if (version != expectedVersion)
            {
                return WriteResult<ContactConsent>.Refused(
                    WriteOutcome.Stale, $"The contact consent is at version {version}, not {expectedVersion}: reload it and make your choice again.");
            }

            var now = clock.GetUtcNow();
            var after = consent with { RowVersion = version + 1 };
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM contact_consents WHERE city_id = @CityId", consent, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO contact_consents (city_id, practice_ids, languages, updated_at, row_version) VALUES (@CityId, @PracticeIds, @Languages, @At, @RowVersion)",
                new
                {
                    after.CityId,
                    PracticeIds = JsonSerializer.Serialize(after.PracticeIds),
                    Languages = JsonSerializer.Serialize(after.Languages),
                    At = Timestamps.Format(now),
                    after.RowVersion,
                },
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "contactConsent.set", "city", consent.CityId, consent.CityId, before, after, cancellationToken);
            return WriteResult<ContactConsent>.Done(after);
        }, cancellationToken);

    /// <summary>
    /// What the results page suggests for <paramref name="cityId"/>'s weakest practices in <paramref name="own"/>: published
    /// notes of other cities, and only those other cities whose consent covers the practice (<see cref="PeerSuggestions"/>).
    /// </summary>
    public async Task<IReadOnlyList<PracticeSuggestion>> SuggestionsAsync(
        string cityId, string rubricId, ScoreResult own, int maxLevel, int count = PeerSuggestions.DefaultCount, CancellationToken cancellationToken = default)
    {
        var notes = await ListNotesAsync([CaseNoteStatus.Published], null, null, cancellationToken);
        var consenting = await PeersAsync(rubricId, maxLevel, onlyConsenting: true, cancellationToken);
        return PeerSuggestions.For(cityId, own, notes.Where(n => n.RubricId == rubricId).ToArray(), consenting.Select(p => p.Levels).ToArray(), consenting.Select(p => p.Consent).ToArray(), count);
    }

    /// <summary>Exchange pairs among every city with a validated assessment of <paramref name="rubricId"/> (for the hub), filtered as <see cref="ExchangePairs.Find"/> does.</summary>
    public async Task<IReadOnlyList<ExchangePair>> ExchangePairsAsync(
        string rubricId, int maxLevel, string? country, string? language, CancellationToken cancellationToken = default)
    {
        var peers = await PeersAsync(rubricId, maxLevel, onlyConsenting: false, cancellationToken);
        return ExchangePairs.Find(peers.Select(p => p.Levels).ToArray(), country, language);
    }

    /// <summary>Each city's levels from its latest validated assessment of the rubric, with its consent (none when it has not opted in).</summary>
    private Task<IReadOnlyList<(PeerLevels Levels, ContactConsent Consent)>> PeersAsync(string rubricId, int maxLevel, bool onlyConsenting, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<(PeerLevels, ContactConsent)>>(async connection =>
        {
            var rows = await connection.QueryAsync<PeerRow>(new CommandDefinition(
                $"""
                SELECT c.id AS city_id, c.name AS city_name, c.country, s.period, s.scores, cc.practice_ids, cc.languages
                FROM assessment_scores s
                JOIN cities c ON c.id = s.city_id
                {(onlyConsenting ? "JOIN" : "LEFT JOIN")} contact_consents cc ON cc.city_id = s.city_id
                WHERE s.rubric_id = @rubricId
                """,
                new { rubricId },
                cancellationToken: cancellationToken));
            return rows
                .GroupBy(r => r.CityId)
                .Select(g => g.OrderBy(r => r.Period, Period.TextComparer).Last())
                .Select(r =>
                {
                    var consent = r.PracticeIds is null ? ContactConsent.None(r.CityId) : new ConsentRow { CityId = r.CityId, PracticeIds = r.PracticeIds, Languages = r.Languages ?? "[]" }.ToConsent();
                    var levels = ScoreSnapshot.FromJson(r.Scores).Practices
                        .Where(p => p.Value is not null)
                        .ToDictionary(p => p.Key, p => Core.Scoring.MaturityLevel.OfScore(p.Value!.Value, maxLevel));
                    return (new PeerLevels(r.CityId, r.CityName, r.Country, consent.Languages, levels), consent);
                })
                .ToArray();
        }, cancellationToken);

    private Task<WriteResult<CaseNote>> ChangeNoteAsync(
        string id, long expectedVersion, string actor, string auditAction, Func<CaseNote, DateTimeOffset, (CaseNote? Note, string? Refusal)> change, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = (await connection.QuerySingleOrDefaultAsync<NoteRow>(new CommandDefinition(
                $"SELECT {NoteColumns} FROM case_notes WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)))?.ToNote();
            if (before is null)
            {
                return WriteResult<CaseNote>.Refused(WriteOutcome.NotFound, $"There is no case note '{id}'.");
            }

            if (before.RowVersion != expectedVersion)
            {
                return WriteResult<CaseNote>.Refused(WriteOutcome.Stale, $"Case note '{id}' is at version {before.RowVersion}, not {expectedVersion}: reload it and apply your change again.");
            }

            var now = clock.GetUtcNow();
            var (after, refusal) = change(before, now);
            if (after is null)
            {
                return WriteResult<CaseNote>.Refused(WriteOutcome.Conflict, refusal!);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE case_notes SET practice_id = @PracticeId, title = @Title, challenge = @Challenge, approach = @Approach, impact = @Impact,
                    contact_role = @ContactRole, status = @Status, return_reason = @ReturnReason, updated_at = @UpdatedAt, published_at = @PublishedAt,
                    row_version = @RowVersion
                WHERE id = @Id
                """,
                ToParameters(after), transaction, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, auditAction, "caseNote", id, before.CityId, before, after, cancellationToken);
            return WriteResult<CaseNote>.Done(after);
        }, cancellationToken);

    private static object ToParameters(CaseNote note) => new
    {
        note.Id,
        note.CityId,
        note.RubricId,
        note.PracticeId,
        note.Title,
        note.Challenge,
        note.Approach,
        note.Impact,
        note.ContactRole,
        Status = JsonNamingPolicy.CamelCase.ConvertName(note.Status.ToString()),
        note.ReturnReason,
        UpdatedAt = Timestamps.Format(note.UpdatedAt),
        PublishedAt = note.PublishedAt is { } at ? Timestamps.Format(at) : null,
        note.RowVersion,
    };

    private sealed class NoteRow
    {
        public string Id { get; init; } = "";
        public string CityId { get; init; } = "";
        public string RubricId { get; init; } = "";
        public string PracticeId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Challenge { get; init; } = "";
        public string Approach { get; init; } = "";
        public string Impact { get; init; } = "";
        public string ContactRole { get; init; } = "";
        public string Status { get; init; } = "";
        public string? ReturnReason { get; init; }
        public string UpdatedAt { get; init; } = "";
        public string? PublishedAt { get; init; }
        public long RowVersion { get; init; }

        public CaseNote ToNote() => new(
            Id, CityId, RubricId, PracticeId, Title, Challenge, Approach, Impact, ContactRole, Enum.Parse<CaseNoteStatus>(Status, ignoreCase: true),
            ReturnReason, Timestamps.Parse(UpdatedAt), Timestamps.ParseOptional(PublishedAt), RowVersion);
    }

    private sealed class ConsentRow
    {
        public string CityId { get; init; } = "";
        public string PracticeIds { get; init; } = "[]";
        public string Languages { get; init; } = "[]";

        public long RowVersion { get; init; }

        public ContactConsent ToConsent() => new(
            CityId, JsonSerializer.Deserialize<string[]>(PracticeIds) ?? [], JsonSerializer.Deserialize<string[]>(Languages) ?? [], RowVersion);
    }

    private sealed class PeerRow
    {
        public string CityId { get; init; } = "";
        public string CityName { get; init; } = "";
        public string Country { get; init; } = "";
        public string Period { get; init; } = "";
        public string Scores { get; init; } = "";
        public string? PracticeIds { get; init; }
        public string? Languages { get; init; }
    }
}
