using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoachFlow.Tests.TestSupport;

/// <summary>A valid intake, as JSON and as a form, for tests to vary one field at a time.</summary>
public static class SampleIntake
{
    public static JsonObject Json() => new()
    {
        ["name"] = "Ada Lovelace",
        ["email"] = "ada@example.com",
        ["timeZone"] = "America/Los_Angeles",
        ["goals"] = "I want to lead my team through a reorganisation without burning out.",
        ["focusAreas"] = new JsonArray("Communication", "Reactions under stress"),
        ["seeingMentalHealthProfessional"] = "no",
        ["heardFrom"] = "A colleague",
        ["consent"] = true,
    };

    public static List<KeyValuePair<string, string>> Form() =>
    [
        new("name", "Ada Lovelace"),
        new("email", "ada@example.com"),
        new("timeZone", "America/Los_Angeles"),
        new("goals", "I want to lead my team through a reorganisation without burning out."),
        new("focusAreas", "Communication"),
        new("focusAreas", "Reactions under stress"),
        new("seeingMentalHealthProfessional", "yes"),
        new("mentalHealthNote", "My therapist knows I am looking for a coach."),
        new("consent", "on"),
        new("website", string.Empty),
    ];

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, JsonObject body) =>
        client.PostAsJsonAsync("/api/intake", body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields, bool asBrowser = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake") { Content = new FormUrlEncodedContent(fields) };
        if (asBrowser)
        {
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
