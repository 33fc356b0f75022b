using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Intake.Edges;

/// <summary>
/// Every intake field at its edges (left out, empty, at its limit and one past it, the wrong type,
/// malformed) as JSON and as a form post: a valid value is stored as given, anything else is a 400
/// problem+json naming that field alone, and a refused intake leaves nothing in storage.
/// </summary>
public sealed class IntakeEdgeTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    private static readonly string Email254 = new string('a', 254 - "@example.com".Length) + "@example.com";

    private static readonly IntakeEdge[] Edges =
    [
        Text(IntakeFields.Name, "left out", null, accepted: false),
        Text(IntakeFields.Name, "empty", string.Empty, accepted: false),
        Text(IntakeFields.Name, "only spaces", "   ", accepted: false),
        Text(IntakeFields.Name, "200 characters", new string('n', IntakeRules.MaxNameLength), accepted: true) with { Stored = ("Name", new string('n', 200)) },
        Text(IntakeFields.Name, "201 characters", new string('n', IntakeRules.MaxNameLength + 1), accepted: false),
        Text(IntakeFields.Name, "two lines", "Ada\nBcc: eve@example.com", accepted: false),
        Typed(IntakeFields.Name, "a number", "42"),
        Typed(IntakeFields.Name, "an array", "[\"Ada\"]"),
        Typed(IntakeFields.Name, "an object", "{\"first\":\"Ada\"}"),

        Text(IntakeFields.Email, "left out", null, accepted: false),
        Text(IntakeFields.Email, "empty", string.Empty, accepted: false),
        Text(IntakeFields.Email, "254 characters", Email254, accepted: true) with { Stored = ("Email", Email254) },
        Text(IntakeFields.Email, "255 characters", "a" + Email254, accepted: false),
        Text(IntakeFields.Email, "not an address", "ada@", accepted: false),
        Text(IntakeFields.Email, "two addresses", "ada@example.com,eve@example.com", accepted: false),
        Typed(IntakeFields.Email, "a number", "42"),

        Text(IntakeFields.TimeZone, "left out", null, accepted: true) with { Stored = ("TimeZone", "Europe/London") },
        Text(IntakeFields.TimeZone, "empty", string.Empty, accepted: true) with { Stored = ("TimeZone", "Europe/London") },
        Text(IntakeFields.TimeZone, "an IANA zone", "Asia/Tokyo", accepted: true) with { Stored = ("TimeZone", "Asia/Tokyo") },
        Text(IntakeFields.TimeZone, "not a zone", "Mars/Olympus_Mons", accepted: false),
        Typed(IntakeFields.TimeZone, "a number", "1"),

        Text(IntakeFields.Goals, "left out", null, accepted: false),
        Text(IntakeFields.Goals, "empty", string.Empty, accepted: false),
        Text(IntakeFields.Goals, "4000 characters", new string('g', IntakeRules.MaxGoalsLength), accepted: true) with { Stored = ("Goals", new string('g', 4000)) },
        Text(IntakeFields.Goals, "4001 characters", new string('g', IntakeRules.MaxGoalsLength + 1), accepted: false),
        Text(IntakeFields.Goals, "several lines", "Lead well.\nRest well.", accepted: true) with { Stored = ("Goals", "Lead well.\nRest well.") },
        Text(IntakeFields.Goals, "a control character", "Lead\u0007 well", accepted: false),
        Typed(IntakeFields.Goals, "a boolean", "true"),

        new(IntakeFields.FocusAreas, "left out", null, null, Accepted: true) { Stored = ("FocusAreas", "[]") },
        new(IntakeFields.FocusAreas, "an empty array", "[]", null, Accepted: true) { Stored = ("FocusAreas", "[]"), InForm = false },
        new(IntakeFields.FocusAreas, "one string, not an array", "\"Communication\"", ["Communication"], Accepted: true) { Stored = ("FocusAreas", "[\"Communication\"]") },
        new(IntakeFields.FocusAreas, "one string not offered", "\"Astrology\"", ["Astrology"], Accepted: false),
        new(IntakeFields.FocusAreas, "any case", "[\"adaptability\",\"COMMUNICATION\"]", ["adaptability", "COMMUNICATION"], Accepted: true) { Stored = ("FocusAreas", "[\"Adaptability\",\"Communication\"]") },
        new(IntakeFields.FocusAreas, "one not offered among offered ones", "[\"Communication\",\"Astrology\"]", ["Communication", "Astrology"], Accepted: false),
        Typed(IntakeFields.FocusAreas, "an array of numbers", "[1,2]"),
        Typed(IntakeFields.FocusAreas, "an array holding null", "[\"Communication\",null]"),
        Typed(IntakeFields.FocusAreas, "a number", "7"),
        Typed(IntakeFields.FocusAreas, "an object", "{\"Communication\":true}"),

        Text(IntakeFields.SeeingMentalHealthProfessional, "left out", null, accepted: false),
        Text(IntakeFields.SeeingMentalHealthProfessional, "empty", string.Empty, accepted: false),
        Text(IntakeFields.SeeingMentalHealthProfessional, "not one of the answers", "maybe", accepted: false),
        Text(IntakeFields.SeeingMentalHealthProfessional, "prefer not to say", "preferNotToSay", accepted: true) with { Stored = ("SeeingMentalHealthProfessional", "PreferNotToSay") },
        Typed(IntakeFields.SeeingMentalHealthProfessional, "a boolean", "true"),

        Text(IntakeFields.MentalHealthNote, "left out", null, accepted: true),
        Text(IntakeFields.MentalHealthNote, "1000 characters", new string('m', IntakeRules.MaxNoteLength), accepted: true),
        Text(IntakeFields.MentalHealthNote, "1001 characters", new string('m', IntakeRules.MaxNoteLength + 1), accepted: false),
        Text(IntakeFields.MentalHealthNote, "a control character", "Dr\u0000 Okonkwo", accepted: false),
        Typed(IntakeFields.MentalHealthNote, "a number", "3"),

        Text(IntakeFields.HeardFrom, "left out", null, accepted: true),
        Text(IntakeFields.HeardFrom, "200 characters", new string('h', IntakeRules.MaxHeardFromLength), accepted: true) with { Stored = ("HeardFrom", new string('h', 200)) },
        Text(IntakeFields.HeardFrom, "201 characters", new string('h', IntakeRules.MaxHeardFromLength + 1), accepted: false),
        Text(IntakeFields.HeardFrom, "two lines", "A colleague\nand a friend", accepted: false),
        Typed(IntakeFields.HeardFrom, "an array", "[\"A colleague\"]"),

        Text(IntakeFields.Consent, "left out", null, accepted: false),
        Text(IntakeFields.Consent, "empty", string.Empty, accepted: false),
        new(IntakeFields.Consent, "true", "true", ["true"], Accepted: true),
        new(IntakeFields.Consent, "\"true\"", "\"true\"", ["TRUE"], Accepted: true),
        new(IntakeFields.Consent, "a ticked box", "\"on\"", ["on"], Accepted: true),
        new(IntakeFields.Consent, "false", "false", ["false"], Accepted: false),
        Text(IntakeFields.Consent, "yes", "yes", accepted: false),
        Typed(IntakeFields.Consent, "the number 1", "1"),
        Typed(IntakeFields.Consent, "an object", "{\"given\":true}"),
        Typed(IntakeFields.Consent, "an array", "[true]"),

        Text(IntakeFields.IdempotencyKey, "left out", null, accepted: true),
        Text(IntakeFields.IdempotencyKey, "128 characters", new string('k', IntakeRules.MaxIdempotencyKeyLength), accepted: true),
        Text(IntakeFields.IdempotencyKey, "129 characters", new string('k', IntakeRules.MaxIdempotencyKeyLength + 1), accepted: false),
        Text(IntakeFields.IdempotencyKey, "empty", string.Empty, accepted: false) with { FormAccepted = true },
        Text(IntakeFields.IdempotencyKey, "a space inside", "retry 1", accepted: false),
        Text(IntakeFields.IdempotencyKey, "not ASCII", "clé-1", accepted: false),
        Typed(IntakeFields.IdempotencyKey, "a number", "12345"),

        Typed(IntakeFields.Website, "a number", "42"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> JsonEdges() => [.. Edges.Select(e => e.Name)];

    public static TheoryData<string> FormEdges() => [.. Edges.Where(e => e.InForm).Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(JsonEdges))]
    public async Task A_json_intake_at_the_edge_of_a_field_is_stored_as_given_or_refused_naming_the_field(string name)
    {
        var edge = Edges.Single(e => e.Name == name);
        var body = SampleIntake.Json();
        body[IntakeFields.Email] = UniqueEmail();
        body.Remove(edge.Field);
        if (edge.Json is not null)
        {
            body[edge.Field] = JsonNode.Parse(edge.Json);
        }

        await CheckAsync(edge, edge.Accepted, async () => await Client.PostAsync("/api/intake", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Ct));
    }

    [Theory]
    [MemberData(nameof(FormEdges))]
    public async Task A_form_intake_at_the_edge_of_a_field_is_stored_as_given_or_refused_naming_the_field(string name)
    {
        var edge = Edges.Single(e => e.Name == name);
        var fields = SampleIntake.Form().Where(f => f.Key != IntakeFields.Email).Append(new(IntakeFields.Email, UniqueEmail()))
            .Where(f => f.Key != edge.Field).Concat((edge.Form ?? []).Select(v => new KeyValuePair<string, string>(edge.Field, v)));

        await CheckAsync(edge, edge.FormAccepted ?? edge.Accepted, () => SampleIntake.PostFormAsync(Client, fields, asBrowser: false));
    }

    [Theory]
    [InlineData(128, HttpStatusCode.Accepted)]
    [InlineData(129, HttpStatusCode.BadRequest)]
    public async Task The_idempotency_key_header_has_the_fields_limit(int length, HttpStatusCode expected)
    {
        var before = await StoredAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake") { Content = JsonContent.Create(SampleIntake.Json()) };
        request.Headers.Add("Idempotency-Key", new string('h', length));

        var response = await Client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal([IntakeFields.IdempotencyKey], await ErrorFieldsAsync(response));
            Assert.Equal(before, await StoredAsync());
        }
    }

    [Fact]
    public async Task A_browser_form_with_a_refused_idempotency_key_comes_back_with_a_fresh_key_so_sending_again_works()
    {
        var refused = new string('k', IntakeRules.MaxIdempotencyKeyLength + 1);
        var fields = SampleIntake.Form().Append(new(IntakeFields.IdempotencyKey, refused)).ToList();

        var page = await SampleIntake.PostFormAsync(Client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(refused, html, StringComparison.Ordinal);
        var fresh = Regex.Match(html, "name=\"idempotencyKey\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        var again = await SampleIntake.PostFormAsync(Client, [.. fields.Where(f => f.Key != IntakeFields.IdempotencyKey), new(IntakeFields.IdempotencyKey, fresh)]);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
    }

    private HttpClient Client => host.Client;

    /// <summary>Each intake from its own address, so rows that send the same idempotency key stay distinct engagements.</summary>
    private static string UniqueEmail() => $"edge-{Guid.NewGuid():N}@example.com";

    private static IntakeEdge Text(string field, string @case, string? value, bool accepted) =>
        new(field, @case, value is null ? null : JsonSerializer.Serialize(value), value is null ? null : [value], accepted);

    /// <summary>A JSON value of the wrong type: forms have no types, so the case is JSON's alone.</summary>
    private static IntakeEdge Typed(string field, string @case, string json) => new(field, @case, json, null, Accepted: false) { InForm = false };

    private async Task CheckAsync(IntakeEdge edge, bool accepted, Func<Task<HttpResponseMessage>> post)
    {
        var before = await StoredAsync();

        var response = await post();

        var after = await StoredAsync();
        if (!accepted)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{edge} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal([edge.Field], await ErrorFieldsAsync(response));
            Assert.Equal(before, after);
            return;
        }

        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.SeeOther, $"{edge} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        var added = Assert.Single(after.Engagements.Except(before.Engagements));
        if (edge.Stored is var (column, value))
        {
            var row = Assert.Single(await TableRows.EngagementsAsync(host.App), r => r.PartitionKey == added);
            Assert.Equal(value, row.GetString(column));
        }
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().Select(e => e.Key)];

    /// <summary>The engagements and idempotency keys in storage (the rows a refused intake must not add).</summary>
    private async Task<StoredIntakes> StoredAsync()
    {
        // Both tables at once, each read once: a row reads them before and after its post.
        var read = await Task.WhenAll(TableRows.AllAsync(host.App, TableName.Engagements), TableRows.AllAsync(host.App, TableName.IntakeKeys));
        var (engagements, keys) = (read[0], read[1]);
        return new(
            [.. engagements.Where(r => r.RowKey == EngagementEntity.RowKeyValue).Select(r => r.PartitionKey).Order(StringComparer.Ordinal)],
            keys.Count + engagements.Count);
    }

    private sealed record StoredIntakes(IReadOnlyList<string> Engagements, int Rows)
    {
        public bool Equals(StoredIntakes? other) => other is not null && Rows == other.Rows && Engagements.SequenceEqual(other.Engagements);

        public override int GetHashCode() => Rows;
    }
}
