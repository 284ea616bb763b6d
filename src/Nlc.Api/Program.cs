using Nlc.Api.Infrastructure;
using Nlc.Api.Rubrics;
using Nlc.Core.Rubrics;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(NlcOptions.Section).Get<NlcOptions>() ?? new NlcOptions();

RubricCatalog rubrics;
try
{
    rubrics = RubricLoader.LoadDirectory(options.ResolvedRubricsPath);
}
catch (RubricLoadException error)
{
    Console.Error.WriteLine($"The API cannot start: the rubrics in {options.ResolvedRubricsPath} are invalid.");
    Console.Error.WriteLine(error.Message);
    return 1;
}

builder.Services.AddSingleton(rubrics);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapHealthApi();
app.MapRubricsApi();

app.Run();
return 0;

/// <summary>The API's entry point; public so tests and the build-time OpenAPI generator can find it.</summary>
public partial class Program;
