namespace Nlc.Web;

/// <summary>Names the resource file (Resources/SharedResource.resx) that holds every interface string of the pages.</summary>
public sealed class SharedResource;
