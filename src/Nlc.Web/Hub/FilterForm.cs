namespace Nlc.Web.Hub;

/// <summary>The filter form of a hub page: where it submits to, the filters set now, the values to offer, and whether "any period" is offered.</summary>
public sealed record FilterForm(string Action, NetworkFilter Current, NetworkView Options, bool AnyPeriod = true, IReadOnlyDictionary<string, string>? Hidden = null);
