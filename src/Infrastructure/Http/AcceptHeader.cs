using Microsoft.AspNetCore.Http;

namespace CoachFlow.Infrastructure.Http;

public static class AcceptHeader
{
    /// <summary>True when the request's Accept header names <paramref name="mediaType"/>: how pages tell browsers from API clients.</summary>
    public static bool AcceptsMediaType(this HttpRequest request, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(a => a?.Contains(mediaType, StringComparison.OrdinalIgnoreCase) == true);
    }
}
