using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Infrastructure.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary><c>GET/POST /agreement/{token}</c>: read the agreement; accept it with <c>accept=yes</c> and a typed full name.</summary>
public static class AgreementApi
{
    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new("ShowAgreement", HttpMethods.Get, "/agreement/{token}", ShowAsync),
        new("AcceptAgreement", HttpMethods.Post, "/agreement/{token}", AcceptAsync),
    ];

    internal static async Task<RazorComponentResult> ShowAsync(
        string token, SignedLinks links, EngagementRecords records, CancellationToken cancellationToken)
    {
        var engagement = await OpenAsync(token, links, cancellationToken).ConfigureAwait(false);
        if (engagement is null)
        {
            return PageResults.InvalidLink();
        }

        if (await records.GetAsync<AgreementSignature>(engagement.Id, EngagementRecords.Agreement, cancellationToken).ConfigureAwait(false) is { } signed)
        {
            return AgreementPage.Accepted(signed, justNow: false);
        }

        return engagement.Stage == Stage.AwaitingAgreement
            ? AgreementPage.Show(token, engagement, new Dictionary<string, string>(), new Dictionary<string, string>())
            : NotOpen(engagement);
    }

    internal static async Task<RazorComponentResult> AcceptAsync(
        string token,
        HttpContext http,
        SignedLinks links,
        EngagementRecords records,
        EngagementTimeline timeline,
        DurableTaskClient workflows,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var engagement = await OpenAsync(token, links, cancellationToken).ConfigureAwait(false);
        if (engagement is null)
        {
            return PageResults.InvalidLink();
        }

        if (await records.GetAsync<AgreementSignature>(engagement.Id, EngagementRecords.Agreement, cancellationToken).ConfigureAwait(false) is { } signed)
        {
            return AgreementPage.Accepted(signed, justNow: false);
        }

        if (engagement.Stage != Stage.AwaitingAgreement)
        {
            return NotOpen(engagement);
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AgreementPage.AcceptField] = form?[AgreementPage.AcceptField].ToString().Trim() ?? string.Empty,
            [AgreementPage.SignatureField] = form?[AgreementPage.SignatureField].ToString().Trim() ?? string.Empty,
        };
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values[AgreementPage.AcceptField] != "yes")
        {
            errors[AgreementPage.AcceptField] = "Please tick the box to accept the agreement.";
        }

        var signature = values[AgreementPage.SignatureField];
        if (signature.Length == 0 || signature.Length > AgreementPage.MaxSignature || signature.Any(char.IsControl))
        {
            errors[AgreementPage.SignatureField] = "Please type your full name to sign.";
        }

        if (errors.Count > 0)
        {
            return AgreementPage.Show(token, engagement, values, errors);
        }

        var now = clock.GetUtcNow();
        var record = new AgreementSignature(signature, now, http.Connection.RemoteIpAddress?.ToString());
        if (await records.TryAddAsync(engagement.Id, EngagementRecords.Agreement, record, cancellationToken).ConfigureAwait(false))
        {
            await timeline.TryAddAsync(engagement.Id, new TimelineEntry("agreement-accepted", now, Actor.Client, "Agreement", "The client accepted the agreement"), cancellationToken).ConfigureAwait(false);
            await workflows.RaiseEngagementEventAsync(engagement.Id, EngagementEvents.AgreementAccepted, new AgreementAcceptance("agreement"), cancellationToken).ConfigureAwait(false);
            return AgreementPage.Accepted(record, justNow: true);
        }

        var stored = await records.GetAsync<AgreementSignature>(engagement.Id, EngagementRecords.Agreement, cancellationToken).ConfigureAwait(false) ?? record;
        return AgreementPage.Accepted(stored, justNow: false);
    }

    private static async Task<Engagement?> OpenAsync(string token, SignedLinks links, CancellationToken cancellationToken) =>
        (await links.OpenAsync(token, [LinkAction.AcceptAgreement], cancellationToken).ConfigureAwait(false))?.Engagement;

    private static RazorComponentResult NotOpen(Engagement engagement) =>
        PageResults.Message(
            "This agreement is not open",
            $"{(engagement.Stage.IsTerminal() ? "The agreement can no longer be accepted." : "The agreement can be accepted once both sides have said yes.")} This engagement is now {engagement.Stage}.",
            StatusCodes.Status409Conflict);
}
