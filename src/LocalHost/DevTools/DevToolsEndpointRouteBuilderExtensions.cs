namespace CoachFlow.LocalHost.DevTools;

internal static class DevToolsEndpointRouteBuilderExtensions
{
    /// <summary>Routes under <c>/dev/</c>: they exist only on the local host, never in Azure.</summary>
    public static IEndpointRouteBuilder MapDevTools(this IEndpointRouteBuilder routes)
    {
        routes.MapDevOutboxApi();
        return routes;
    }
}
