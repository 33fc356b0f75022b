using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Privacy;

/// <summary>
/// "Your data" (<see cref="DataView"/>) and the page after an erasure (<see cref="ErasedPage"/>). Opening the data
/// page changes nothing.
/// </summary>
public static class DataPage
{
    public const string ConfirmField = "confirm";
    public const string ConfirmValue = "erase";

    public static RazorComponentResult Show(string token, Actor who, EngagementExport data, bool confirmMissing = false) =>
        PageResults.Render<DataView>(
            new { Who = who, Data = data, ExportUrl = $"/data/{token}/export", EraseUrl = $"/data/{token}", ConfirmMissing = confirmMissing },
            confirmMissing ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    public static RazorComponentResult Erased(ErasureTombstone tombstone) =>
        PageResults.Render<ErasedPage>(new { Tombstone = tombstone });
}
