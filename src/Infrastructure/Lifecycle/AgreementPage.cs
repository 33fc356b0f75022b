using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>The coaching agreement (<see cref="AgreementFormPage"/>) and its acceptance (<see cref="AgreementAcceptedPage"/>).</summary>
public static class AgreementPage
{
    public const string AcceptField = "accept";
    public const string SignatureField = "signature";
    public const int MaxSignature = 200;

    public static RazorComponentResult Show(
        string token,
        Engagement engagement,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return PageResults.Render<AgreementFormPage>(
            new { Action = $"/agreement/{token}", Engagement = engagement, Values = values, Errors = errors },
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static RazorComponentResult Accepted(AgreementSignature signature, bool justNow) =>
        PageResults.Render<AgreementAcceptedPage>(new { Signature = signature, JustNow = justNow });
}
