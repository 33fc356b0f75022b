using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoachFlow.Benchmarks.Load;

/// <summary>Valid intakes as the embedded form's script sends them: JSON, an idempotency key each, and a made-up address no other intake shares.</summary>
internal static class Intakes
{
    /// <summary>Posts intake number <paramref name="n"/>; the engagement id when it was accepted (202), otherwise null.</summary>
    public static async Task<string?> PostAsync(HttpClient http, long n, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake") { Content = JsonContent.Create(Body(n)) };
        // The form's hidden field, sent as the header a script would use: the idempotent path every real intake takes.
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return null;
        }

        var accepted = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        return accepted?["engagementId"]?.GetValue<string>();
    }

    /// <summary>The name the agreement is signed with.</summary>
    public static string Name(long n) => string.Create(CultureInfo.InvariantCulture, $"Load Client {n}");

    public static string Email(long n) => string.Create(CultureInfo.InvariantCulture, $"client{n}@load.example");

    // The sample intake of the tests, with no honeypot field at all: a filled one would be "accepted" and dropped.
    private static JsonObject Body(long n) => new()
    {
        ["name"] = Name(n),
        ["email"] = Email(n),
        ["timeZone"] = "America/Los_Angeles",
        ["goals"] = "I want to lead my team through a reorganisation without burning out.",
        ["focusAreas"] = new JsonArray("Communication", "Reactions under stress"),
        ["seeingMentalHealthProfessional"] = "no",
        ["heardFrom"] = "A colleague",
        ["consent"] = true,
    };
}
