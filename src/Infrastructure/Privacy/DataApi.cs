using System.Text.Json;
using System.Text.Json.Serialization;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Privacy;

/// <summary>
/// <c>GET /data/{token}</c> shows what is held, <c>GET /data/{token}/export</c> downloads it as JSON,
/// <c>POST /data/{token}</c> (with <c>confirm=erase</c>) erases it. The client's link is in every
/// email to them, the coach's in the enquiry email. An erased engagement's links answer like any
/// unknown link.
/// </summary>
public static class DataApi
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new("ShowData", HttpMethods.Get, "/data/{token}", ShowAsync),
        new("ExportData", HttpMethods.Get, "/data/{token}/export", ExportAsync),
        new("EraseData", HttpMethods.Post, "/data/{token}", EraseAsync),
    ];

    internal static async Task<RazorComponentResult> ShowAsync(
        string token, SignedLinks links, EngagementExporter exporter, CancellationToken cancellationToken)
    {
        if (await links.OpenAsync(token, [LinkAction.ManageData], cancellationToken).ConfigureAwait(false) is not (var grant, var engagement))
        {
            return PageResults.InvalidLink();
        }

        var data = await exporter.ExportAsync(engagement, grant.Actor, cancellationToken).ConfigureAwait(false);
        return DataPage.Show(token, grant.Actor, data);
    }

    internal static async Task<IResult> ExportAsync(
        string token, SignedLinks links, EngagementExporter exporter, CancellationToken cancellationToken)
    {
        if (await links.OpenAsync(token, [LinkAction.ManageData], cancellationToken).ConfigureAwait(false) is not (var grant, var engagement))
        {
            return PageResults.InvalidLink();
        }

        var data = await exporter.ExportAsync(engagement, grant.Actor, cancellationToken).ConfigureAwait(false);
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(data, ExportJson), "application/json", $"coachflow-data-{engagement.Id.Value}.json");
    }

    internal static async Task<RazorComponentResult> EraseAsync(
        string token,
        HttpRequest request,
        SignedLinks links,
        EngagementExporter exporter,
        EngagementEraser eraser,
        DurableTaskClient workflows,
        CancellationToken cancellationToken)
    {
        if (await links.OpenAsync(token, [LinkAction.ManageData], cancellationToken).ConfigureAwait(false) is not (var grant, var engagement))
        {
            return PageResults.InvalidLink();
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        if (form?[DataPage.ConfirmField].ToString() != DataPage.ConfirmValue)
        {
            return DataPage.Show(token, grant.Actor, await exporter.ExportAsync(engagement, grant.Actor, cancellationToken).ConfigureAwait(false), confirmMissing: true);
        }

        var tombstone = await eraser.EraseAsync(engagement.Id, grant.Actor, workflows, cancellationToken).ConfigureAwait(false);
        return DataPage.Erased(tombstone);
    }
}
