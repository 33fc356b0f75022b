using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using CsCheck;

namespace CoachFlow.Tests.HostileInput;

/// <summary>
/// Hostile and broken requests, generated rather than hand-picked (CsCheck): bodies that are not UTF-8, JSON nested
/// too deep or with the wrong types, forms with thousands of fields, broken multipart, odd media types and charsets,
/// and tokens that are garbage, on every endpoint that takes a body — with real tokens where a link needs one, so
/// the body is really read. None may get a 5xx, and a refused intake stores nothing.
/// </summary>
public sealed class HostileInputTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    private static readonly string[] MediaTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "application/merge-patch+json",
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-16", "multipart/form-data; boundary=x",
        "multipart/form-data", "text/plain", "application/xml", "", "not a media type",
    ];

    private static readonly string[] JsonValues =
    [
        "null", "true", "false", "0", "-1e309", "123456789012345678901234567890", "\"\"", "\"x\"", "[]", "{}", "[\"a\", 1]",
        "\"\\ud800\"", "\"\\u0000\"", "\"" + new string('a', 5000) + "\"", "{\"$ref\": \"#\"}",
    ];

    private static readonly string[] Fields =
    [
        "name", "email", "timeZone", "goals", "focusAreas", "seeingMentalHealthProfessional", "mentalHealthNote", "heardFrom",
        "consent", "website", "idempotencyKey", "decision", "note", "referral", "slot", "accept", "signature", "confirm", "__proto__",
    ];

    private static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 600];

    private static readonly byte[][] BadSequences = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82]];

    private static readonly Gen<byte[]> InvalidUtf8 = Gen.Select<int, byte[], byte[]>(Gen.Int[0, 200], Gen.OneOf(BadSequences), (int at, byte[] bad) =>
    {
        var json = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('a', at) + "\",\"email\":\"a@example.com\"}");
        var cut = Math.Min(at + 9, json.Length - 2);
        return [.. json[..cut], .. bad, .. json[cut..]];
    });

    private static readonly Gen<byte[]> DeepJson = Gen.Int[1, 5000].Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)));

    private static readonly Gen<byte[]> OddlyTypedJson = Gen.Select(Gen.OneOf(Fields).Array[1, 8], Gen.OneOf(JsonValues).Array[8], (names, values) =>
        Encoding.UTF8.GetBytes("{" + string.Join(",", names.Select((n, i) => $"\"{n}\":{values[i]}")) + "}"));

    private static readonly Gen<byte[]> ManyFields = Gen.Int[1, 9000].Select(count =>
        Encoding.UTF8.GetBytes(string.Join("&", Enumerable.Range(0, count).Select(i => $"f{i % 50}=%{(i % 3 == 0 ? "zz" : "41")}"))));

    private static readonly Gen<byte[]> BrokenMultipart = Gen.Int[0, 3].Select(kind => Encoding.UTF8.GetBytes(kind switch
    {
        0 => "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue",
        1 => "--x\r\n\r\n--x--",
        2 => "--y\r\nContent-Disposition: form-data\r\n\r\nv\r\n--y--",
        _ => "--x\r\nContent-Disposition: form-data; name=\"" + new string('n', 3000) + "\"\r\n\r\nv\r\n--x--",
    }));

    private static readonly Gen<byte[]> Bodies = Gen.OneOf(RandomBytes, InvalidUtf8, DeepJson, OddlyTypedJson, ManyFields, BrokenMultipart);

    // No "%00": the in-memory test server refuses to decode it before the app sees it (Kestrel answers 400 itself).
    private static readonly Gen<string> GarbageTokens = Gen.OneOf(
        "x", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "%ZZ", "..%2F..%2Fetc%2Fpasswd", new string('A', 3000), "%F0%9F%98%80", "e30.e30.e30");

    [Fact]
    public async Task No_generated_request_gets_a_server_error_and_a_refused_intake_stores_nothing()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        var data = (await drive.EmailAsync(LifecycleDriver.ClientEmail, "Thank you for getting in touch")).Links.Single(l => l.Label == EngagementMailer.YourDataLabel).Url.AbsolutePath;
        var act = await drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Decline");
        var engagements = (await TableRows.EngagementsAsync(App)).Count;
        var garbagePaths = GarbageTokens.SelectMany(token => Gen.OneOf($"/act/{token}", $"/book/{token}", $"/reflect/{token}", $"/agreement/{token}", $"/data/{token}"));
        var paths = Gen.OneOf(Gen.Const("/api/intake"), Gen.OneOf(data, act), garbagePaths);

        await Gen.Select(paths, Gen.OneOf(MediaTypes), Bodies, Gen.Bool).SampleAsync(
            async (path, mediaType, body, wantsPage) =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(wantsPage ? "text/html" : "application/json"));
                using var response = await Client.SendAsync(request, Ct);

                Assert.True((int)response.StatusCode < 500, $"POST {path} as '{mediaType}' answered {(int)response.StatusCode}");
                if (path == "/api/intake")
                {
                    // A 202 may be the honeypot's silent decoy, which stores nothing either.
                    var now = (await TableRows.EngagementsAsync(App)).Count;
                    Assert.True(response.StatusCode == HttpStatusCode.Accepted ? now <= engagements + 1 : now == engagements, $"{engagements} engagements before, {now} after a {(int)response.StatusCode}");
                    engagements = now;
                }
            },
            iter: 400,
            threads: 1,
            print: x => $"POST {x.Item1} '{x.Item2}' ({x.Item3.Length} bytes: {Convert.ToHexString(x.Item3.AsSpan(0, Math.Min(64, x.Item3.Length)))})");
    }
}
