using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using CoachFlow.Domain.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CoachFlow.Infrastructure.Intake;

/// <summary>
/// Reads an intake from JSON or a url-encoded form into the same <see cref="IntakeForm"/>, refusing
/// bodies over 32 KB and other media types before any of it is parsed.
/// </summary>
public static class IntakeRequestReader
{
    public const int MaxBodyBytes = 32 * 1024;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const string InvalidText = "Must be text: it holds an escape that is not a character.";

    private static readonly Dictionary<string, string[]> NoErrors = [];

    public static async Task<IntakeRead> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = MediaKind(request.ContentType);
        if (kind is null)
        {
            return Failed(IntakeReadStatus.UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Failed(IntakeReadStatus.TooLarge);
        }

        var body = await ReadLimitedAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Failed(IntakeReadStatus.TooLarge);
        }

        // Checked once for both kinds: JSON would fail later, mid-field, and a form would quietly turn bytes into U+FFFD.
        if (!Utf8.IsValid(body))
        {
            return Malformed("The body is not valid UTF-8.");
        }

        var read = kind == Kind.Form ? FromForm(body) : FromJson(body);
        var header = request.Headers[IdempotencyKeyHeader];
        return StringValues.IsNullOrEmpty(header)
            ? read
            : read with { Form = read.Form with { IdempotencyKey = header.ToString() } };
    }

    private enum Kind
    {
        Json,
        Form,
    }

    private static Kind? MediaKind(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        var charsetOk = StringSegment.IsNullOrEmpty(media.Charset) || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        if (!charsetOk)
        {
            return null;
        }

        if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Json;
        }

        return media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? Kind.Form : null;
    }

    // Reads at most one byte past the limit: enough to know a chunked body is too large without buffering it.
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total > MaxBodyBytes ? null : buffer[..total];
    }

    private static IntakeRead FromForm(byte[] body)
    {
        Dictionary<string, StringValues> fields;
        try
        {
            fields = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        }
        catch (InvalidDataException e)
        {
            // FormReader's own limits: too many fields, or a name or value too long.
            return Malformed($"The form could not be read: {e.Message}");
        }

        string? One(string name) => fields.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        var form = new IntakeForm
        {
            Name = One(IntakeFields.Name),
            Email = One(IntakeFields.Email),
            TimeZone = One(IntakeFields.TimeZone),
            Goals = One(IntakeFields.Goals),
            FocusAreas = fields.TryGetValue(IntakeFields.FocusAreas, out var areas) ? [.. areas.OfType<string>()] : [],
            SeeingMentalHealthProfessional = One(IntakeFields.SeeingMentalHealthProfessional),
            MentalHealthNote = One(IntakeFields.MentalHealthNote),
            HeardFrom = One(IntakeFields.HeardFrom),
            Consent = One(IntakeFields.Consent),
            Website = One(IntakeFields.Website),
            IdempotencyKey = One(IntakeFields.IdempotencyKey),
        };
        return new IntakeRead(IntakeReadStatus.Read, form, FromForm: true, NoErrors);
    }

    private static IntakeRead FromJson(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Malformed("The body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Malformed("The body must be a JSON object of intake fields.");
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            string? Text(string name)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind == JsonValueKind.String && Unescaped(value) is { } text)
                {
                    return text;
                }

                errors[name] = [value.ValueKind == JsonValueKind.String ? InvalidText : "Must be a string."];
                return null;
            }

            var form = new IntakeForm
            {
                Name = Text(IntakeFields.Name),
                Email = Text(IntakeFields.Email),
                TimeZone = Text(IntakeFields.TimeZone),
                Goals = Text(IntakeFields.Goals),
                FocusAreas = JsonFocusAreas(root, errors),
                SeeingMentalHealthProfessional = Text(IntakeFields.SeeingMentalHealthProfessional),
                MentalHealthNote = Text(IntakeFields.MentalHealthNote),
                HeardFrom = Text(IntakeFields.HeardFrom),
                Consent = JsonConsent(root, errors),
                Website = Text(IntakeFields.Website),
                IdempotencyKey = Text(IntakeFields.IdempotencyKey),
            };
            return new IntakeRead(IntakeReadStatus.Read, form, FromForm: false, errors);
        }
    }

    private static string[] JsonFocusAreas(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(IntakeFields.FocusAreas, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String && Unescaped(value) is { } one)
        {
            return [one];
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Select(Unescaped).ToList() is var items && items.All(i => i is not null))
        {
            return [.. items!];
        }

        errors[IntakeFields.FocusAreas] = ["Must be an array of strings."];
        return [];
    }

    // A JSON client naturally sends a boolean; a form sends "on" or "true". Both mean the same.
    private static string? JsonConsent(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(IntakeFields.Consent, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.String when Unescaped(value) is { } text:
                return text;
            default:
                errors[IntakeFields.Consent] = ["Must be true."];
                return null;
        }
    }

    /// <summary>
    /// The string's text, or null when it is not a string or its escapes spell something that is not text (a lone
    /// surrogate such as <c>"\ud800"</c>, which no store or email can carry).
    /// </summary>
    private static string? Unescaped(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static IntakeRead Failed(IntakeReadStatus status) => new(status, new IntakeForm(), FromForm: false, NoErrors);

    private static IntakeRead Malformed(string message) =>
        new(IntakeReadStatus.Malformed, new IntakeForm(), FromForm: false, new Dictionary<string, string[]> { ["body"] = [message] });
}
