using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// SendGrid's error body (<c>{"errors":[{"field":…,"message":…}]}</c>) as a short line for logs and
/// workflow history. Anything that looks like an email address is masked, since SendGrid may echo the
/// recipient back; a body that is not SendGrid's JSON is left out, since it could hold anything.
/// </summary>
public static partial class SendGridErrors
{
    private const int MaxLength = 300;

    /// <summary>"" or ": field: message; …".</summary>
    public static string Describe(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return string.Empty;
            }

            var line = new StringBuilder();
            foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                line.Append(line.Length == 0 ? ": " : "; ");
                if (Text(error, "field") is { } field)
                {
                    line.Append(field).Append(": ");
                }

                line.Append(Text(error, "message") ?? "no message");
            }

            var masked = Address().Replace(line.ToString(), "[address]");
            return masked.Length <= MaxLength ? masked : masked[..MaxLength];
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\S*@\S*")]
    private static partial Regex Address();
}
