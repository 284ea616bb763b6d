namespace Nlc.Api.Http;

/// <summary>Endpoint metadata: the request (or response) body is an .xlsx file, so the OpenAPI document describes it as binary.</summary>
/// <param name="Response">True for a response body, false for a request body.</param>
public sealed record XlsxBody(bool Response);
