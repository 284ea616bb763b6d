using Nlc.Storage;

namespace Nlc.Api.Hosting;

/// <summary>The toolkit's settings, from the "Nlc" configuration section (or NLC__* environment variables).</summary>
public sealed class NlcOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string Section = "Nlc";

    /// <summary>The folder of rubric files; empty means the "rubrics" folder shipped beside the binaries.</summary>
    public string RubricsPath { get; set; } = "";

    /// <summary>The SQLite file, relative to the working directory unless absolute; created on first start.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "nlc.db");

    /// <summary>
    /// An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>): when set, the toolkit keeps its data in
    /// that PostgreSQL database, which several server processes may share, and <see cref="DatabasePath"/> is not used.
    /// </summary>
    public string PostgresConnectionString { get; set; } = "";

    /// <summary>The folder hot backups are written to; empty means "backups" beside the database.</summary>
    public string BackupPath { get; set; } = "";

    /// <summary>How long a write waits for a database locked by another process before answering 503.</summary>
    public double BusyTimeoutSeconds { get; set; } = SqliteDatabase.DefaultBusyTimeout.TotalSeconds;

    /// <summary>The admin key to create on an empty database (also read from NLC_BOOTSTRAP_ADMIN_KEY); empty means generate one.</summary>
    public string BootstrapAdminKey { get; set; } = "";

    /// <summary>The sign-in email of the first admin account, invited on a database without accounts.</summary>
    public string FirstAdminEmail { get; set; } = "admin@localhost";

    /// <summary>Requests one API key (or one client address, without a key) may make per minute.</summary>
    public int RequestsPerMinute { get; set; } = 1200;

    /// <summary>Unknown or revoked keys one client address may send per minute before its keys are refused (429) without being looked up.</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 30;

    /// <summary>k of the privacy rule: city and partner keys see groups and metrics of at least 2k cities (see RestrictedRelease).</summary>
    public int MinimumGroupSize { get; set; } = Nlc.Core.Benchmarking.PeerDisclosure.DefaultK;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Whether webhook endpoints may be plain http on a loopback address (127.0.0.1, ::1, localhost): for tests and local
    /// development only. Otherwise only https to public addresses is accepted.
    /// </summary>
    public bool WebhooksAllowLoopback { get; set; }

    /// <summary>The wait before a failed webhook delivery is tried again the first time; it doubles with each failure.</summary>
    public double WebhookRetryBaseSeconds { get; set; } = 10;

    /// <summary>The longest wait between two attempts at one webhook delivery.</summary>
    public double WebhookRetryMaxSeconds { get; set; } = 3600;

    /// <summary>How long an endpoint may fail without a single success before it is disabled.</summary>
    public double WebhookDisableAfterHours { get; set; } = 24;

    /// <summary>How often the delivery worker looks for due deliveries.</summary>
    public double WebhookPollSeconds { get; set; } = 1;

    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    public double WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>The rubric folder to load: <see cref="RubricsPath"/> or the shipped default.</summary>
    public string ResolvedRubricsPath =>
        string.IsNullOrWhiteSpace(RubricsPath) ? Path.Combine(AppContext.BaseDirectory, "rubrics") : Path.GetFullPath(RubricsPath);
}
