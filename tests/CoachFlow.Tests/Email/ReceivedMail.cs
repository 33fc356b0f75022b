using System.Text.Json.Nodes;

namespace CoachFlow.Tests.Email;

/// <summary>One mail as the fake SendGrid read it from a <c>POST /v3/mail/send</c> body.</summary>
public sealed record ReceivedMail(string From, string To, string Subject, string Text, string Html, IReadOnlyList<ReceivedAttachment> Attachments)
{
    public static ReceivedMail Parse(string body)
    {
        var json = JsonNode.Parse(body)!;
        var personalization = json["personalizations"]![0]!;
        string Content(string type) => json["content"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == type)!["value"]!.GetValue<string>();
        return new ReceivedMail(
            json["from"]!["email"]!.GetValue<string>(),
            personalization["to"]![0]!["email"]!.GetValue<string>(),
            (personalization["subject"] ?? json["subject"])!.GetValue<string>(),
            Content("text/plain"),
            Content("text/html"),
            [.. (json["attachments"]?.AsArray() ?? []).Select(a => new ReceivedAttachment(a!["filename"]!.GetValue<string>(), a["type"]!.GetValue<string>(), a["content"]!.GetValue<string>()))]);
    }
}
