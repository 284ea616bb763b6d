using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Nlc.Api.Hosting;
using Nlc.Api.Security;
using Nlc.Core.Benchmarking;

namespace Nlc.Api.Http;

/// <summary>The OpenAPI document's shape: title and policy, tags, the bearer scheme on every keyed operation, request examples.</summary>
public static partial class OpenApiSetup
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Rubrics"] = "The scoring rubrics, every version, in the caller's language.",
        ["Cities"] = "The register of cities taking part.",
        ["Assessments"] = "Assessment rounds: answers, the draft → submitted → validated workflow, scores and audit trails.",
        ["Benchmarks"] = "Peer-group statistics, positions and rankings, with privacy rules for city and partner keys.",
        ["Progress"] = "A city over time: changes between periods, targets and next steps.",
        ["Keys"] = "API keys (admin only).",
        ["Admin"] = "Operations on the server itself: hot backups (admin only).",
        ["Workbooks"] = "Fill-in workbooks (.xlsx): download, fill in offline, upload.",
        ["Reports"] = "Excel reports to read results.",
        ["Webhooks"] = "Events pushed to partner platforms, signed as Standard Webhooks say (admin only).",
        ["Exports"] = "Bulk exports of validated scores (CSV, JSON Lines).",
        ["Health"] = "Liveness.",
    };

    private static readonly Dictionary<string, string> Examples = new()
    {
        ["createCity"] = """{"name": "Danilovgrad", "country": "ME", "region": "Central", "population": 18000, "tags": ["local-safety-council"]}""",
        ["updateCity"] = """{"population": 18500, "tags": ["local-safety-council", "coastal"]}""",
        ["createAssessment"] = """{"rubricId": "nlc", "period": "2025"}""",
        ["saveAnswers"] = """
            {"answers": [
              {"indicatorId": "GP03.2", "level": 3, "note": "Protocol with the Ministry of Interior, 2024", "evidence": ["https://example.org/protocol.pdf"]},
              {"indicatorId": "GP11.1", "notApplicable": true, "reason": "Reintegration is a cantonal task here"},
              {"indicatorId": "GP04.1", "dontKnow": true, "note": "Ask the police liaison"}]}
            """,
        ["saveAnswer"] = """{"level": 2, "note": "Council met four times in 2025"}""",
        ["createKey"] = """{"name": "Danilovgrad officials", "role": "city", "cityIds": ["city_0123456789abcdef"]}""",
        ["createWebhook"] = """{"keyId": "key_0123456789abcdef", "url": "https://partner.example.org/nlc-events", "events": ["assessment.validated", "assessment.reopened"]}""",
        ["setCityTargets"] = """{"rubricId": "nlc", "targetPeriod": "2027", "practices": {"GP05": 3}, "indicators": {"GP03.2": 4}}""",
    };

    /// <summary>Declares an .xlsx response (200) or request body (raw, or the one file of a form) as binary.</summary>
    private static void DescribeXlsx(OpenApiOperation operation, bool response)
    {
        var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        if (response)
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "The workbook.",
                Content = new Dictionary<string, OpenApiMediaType> { [Nlc.Excel.XlsxFile.ContentType] = new() { Schema = binary } },
            };
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The filled-in workbook, as the raw body or as the one file of a form.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Nlc.Excel.XlsxFile.ContentType] = new() { Schema = binary },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = binary },
                    },
                },
            },
        };
    }

    /// <summary>
    /// Declares, first and in route order, the path's parameters that no handler parameter of type string declares:
    /// those a checked part reads (<see cref="Cities.VisibleCity"/>, <see cref="Assessments.VisibleAssessment"/>).
    /// </summary>
    private static void DeclarePathParameters(OpenApiOperation operation, string route)
    {
        operation.Parameters ??= [];
        var declared = operation.Parameters.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet();
        var missing = RouteParameter().Matches(route).Select(m => m.Groups[1].Value).Where(name => !declared.Contains(name)).ToArray();
        for (var i = 0; i < missing.Length; i++)
        {
            operation.Parameters.Insert(i, new OpenApiParameter
            {
                Name = missing[i],
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (operation.Parameters.Count == 0)
        {
            operation.Parameters = null;
        }
    }

    /// <summary>Registers the document with its transformers.</summary>
    public static IServiceCollection AddNlcOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // The problem schema keeps the name clients generated from earlier documents know; it only gained members.
            // So do a progress series entry (renamed so as not to echo the Excel reports' PeriodScore) and the peer
            // distributions (renamed from Summary).
            options.CreateSchemaReferenceId = type =>
                type.Type == typeof(ApiProblem) ? "ProblemDetails"
                : type.Type == typeof(Progress.ProgressSeriesEntry) ? "ProgressPoint"
                : type.Type == typeof(Distribution) ? "Summary"
                : type.Type == typeof(BandedDistribution) ? "BandedSummary"
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "NLC Self-Assessment Toolkit API",
                    Version = "v1",
                    Description =
                        "Cities assess national-local cooperation against a versioned rubric, benchmark themselves and track progress. "
                        + "Every /api/v1 operation needs an API key as `Authorization: Bearer <key>`. Errors are application/problem+json "
                        + "(RFC 9457) with an `errors` list. Within /api/v1, fields and operations may be added but none removed or changed in meaning.",
                };
                document.Servers =
                [
                    new OpenApiServer { Url = ListenAddress.Default, Description = "The API as the README's run command starts it; use your deployment's address instead." },
                ];
                document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "An API key from POST /api/v1/keys (or the bootstrap admin key), sent as `Authorization: Bearer <key>`.",
                    },
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Enums travel as their exact camelCase names (ExactEnumConverter); saying so lets generated clients convert them as strings.
                if (context.JsonTypeInfo.Type.IsEnum)
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Enum = Enum.GetNames(context.JsonTypeInfo.Type).Select(name => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(name)).ToList();
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
                operation.Security = anonymous
                    ? [new OpenApiSecurityRequirement()]
                    : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, context.Document)] = [] }];

                DeclarePathParameters(operation, context.Description.RelativePath ?? "");
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemMetadata.IfMatchHeader>().FirstOrDefault() is { } ifMatch)
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "If-Match",
                        In = ParameterLocation.Header,
                        Required = ifMatch.Required,
                        Description = "The ETag of the version this write is based on, as read: `\"<version>\"` (the resource's `version` field in quotes)."
                            + (ifMatch.Required ? "" : " Optional here: without it, the write is checked against what it was based on by other means (see the operation)."),
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }

                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<XlsxBody>().FirstOrDefault() is { } xlsx)
                {
                    DescribeXlsx(operation, xlsx.Response);
                }

                if (operation.OperationId is { } id && Examples.TryGetValue(id, out var example)
                    && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType json)
                {
                    json.Example = JsonNode.Parse(example);
                }

                return Task.CompletedTask;
            });
        });

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();
}
