using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Nlc.Api.Accounts;
using Nlc.Api.ActionPlans;
using Nlc.Api.Admin;
using Nlc.Api.Assessments;
using Nlc.Api.Benchmarks;
using Nlc.Api.Cities;
using Nlc.Api.Exports;
using Nlc.Api.Health;
using Nlc.Api.Hosting;
using Nlc.Api.Http;
using Nlc.Api.Keys;
using Nlc.Api.PeerLearning;
using Nlc.Api.Progress;
using Nlc.Api.Reports;
using Nlc.Api.Rubrics;
using Nlc.Api.Security;
using Nlc.Api.Webhooks;
using Nlc.Api.Workbooks;
using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Storage.Network;
using Nlc.Web;

const string SeedDemoFlag = "--seed-demo";
var seedDemo = args.Contains(SeedDemoFlag);
var builder = WebApplication.CreateBuilder(args.Where(a => a != SeedDemoFlag).ToArray());
var options = builder.Configuration.GetSection(NlcOptions.Section).Get<NlcOptions>() ?? new NlcOptions();
var clock = TimeProvider.System;
Database database = string.IsNullOrWhiteSpace(options.PostgresConnectionString)
    ? new SqliteDatabase(options.DatabasePath, TimeSpan.FromSeconds(options.BusyTimeoutSeconds))
    : new PostgresDatabase(options.PostgresConnectionString);

// At build time the OpenAPI generator runs this program only to read its endpoints: touch no database then.
var generatingOpenApiDocument = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
var (rubrics, failure, firstAdminInvitationPath) = generatingOpenApiDocument
    ? (new RubricCatalog([]), null, null)
    : await Startup.PrepareAsync(database, options, builder.Configuration["NLC_BOOTSTRAP_ADMIN_KEY"] ?? options.BootstrapAdminKey, clock, Console.Out);
if (rubrics is null)
{
    Console.Error.WriteLine(failure);
    return 1;
}

if (seedDemo && await DemoSeeding.SeedAsync(database, rubrics, clock, Console.Out) is { } seedFailure)
{
    Console.Error.WriteLine(seedFailure);
    return 1;
}

ListenAddress.UseDefaultUnlessConfigured(builder);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
    kestrel.AddServerHeader = false;
});
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(clock);
builder.Services.AddSingleton(database);
builder.Services.AddSingleton(rubrics);
builder.Services.AddSingleton<ScoringEngines>();
builder.Services.AddSingleton<ScoreCache>();
builder.Services.AddSingleton<PeerGroups>();
builder.Services.AddSingleton<ProgressSeries>();
builder.Services.AddSingleton<CityStore>();
builder.Services.AddSingleton<AssessmentStore>();
builder.Services.AddSingleton<ApiKeyStore>();
builder.Services.AddSingleton<AuditLog>();
builder.Services.AddSingleton<BenchmarkStore>();
builder.Services.AddSingleton<CityComparisons>();
builder.Services.AddSingleton<NetworkStore>();
builder.Services.AddSingleton<TargetStore>();
builder.Services.AddSingleton<ActionPlanStore>();
builder.Services.AddSingleton<PeerLearningStore>();
builder.Services.AddSingleton<WebhookStore>();
if (!generatingOpenApiDocument)
{
    builder.Services.AddHostedService<WebhookDeliveryWorker>();
}
builder.Services.AddSingleton(new Nlc.Excel.Import.AssessmentWorkbookReader(rubrics));

builder.Services.ConfigureHttpJsonOptions(json => JsonBody.ApplyRules(json.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<StorageFailureHandler>();
builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
{
    // A query or route value that cannot be bound names itself in the exception; say so rather than a bare 400.
    if (context.Exception is BadHttpRequestException badRequest)
    {
        context.ProblemDetails.Detail = badRequest.Message;
    }

    ProblemLanguage.Apply(context);
});
// Cookies for the pages, keys for /api: the default scheme picks one by path (see WebAuthentication).
builder.Services.AddNlcAuthentication(ApiKeyAuthentication.SchemeName, keysInDatabase: !generatingOpenApiDocument)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddRoleRules();
builder.Services.AddNlcRateLimits(options.RequestsPerMinute);
builder.Services.AddSingleton<FailedAuthentications>();
builder.Services.AddNlcOpenApi();
builder.Services.AddNlcWeb();

var app = builder.Build();
if (!generatingOpenApiDocument)
{
    await Startup.PrepareKeyRingAsync(database, app.Services);
}

if (firstAdminInvitationPath is not null)
{
    app.Lifetime.ApplicationStarted.Register(() => Startup.PrintFirstAdminInvitation(firstAdminInvitationPath, options.FirstAdminEmail, app.Urls, Console.Out));
}

app.UseSecurityHeaders();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = error => error is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();

// The API reference page is static and public, like the document it reads; the key is entered on the page.
app.UseSwaggerUI(ui =>
{
    ui.RoutePrefix = "docs";
    ui.SwaggerEndpoint("/openapi/v1.json", "NLC Self-Assessment Toolkit API v1");
    ui.DocumentTitle = "NLC Self-Assessment Toolkit API";
});
app.UseNlcWeb();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapHealthApi().AllowAnonymous();

// Every keyed endpoint answers in the one order of checks (RequestChecks).
var api = app.MapGroup("").WithRequestChecks();
api.MapRubricsApi();
api.MapCitiesApi();
api.MapAssessmentsApi();
api.MapNetworkAssessmentsApi();
api.MapKeysApi();
api.MapInvitationsApi();
api.MapBenchmarksApi();
api.MapProgressApi();
api.MapAdminApi();
api.MapWorkbooksApi();
api.MapReportsApi();
api.MapActionPlansApi();
api.MapPeerLearningApi();
api.MapWebhooksApi();
api.MapExportsApi();
app.MapNlcWeb();

await app.RunAsync();
return 0;

/// <summary>The API's entry point; public so tests and the build-time OpenAPI generator can find it.</summary>
public partial class Program;
