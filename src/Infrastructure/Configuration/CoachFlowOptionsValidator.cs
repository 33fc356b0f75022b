using System.Text.RegularExpressions;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Configuration;

/// <summary>
/// Refuses a configuration the product cannot run with, naming each offending key the way it is
/// written in appsettings (<c>CoachFlow:Coach:Email</c>), so the fix is obvious from the message.
/// </summary>
public sealed partial class CoachFlowOptionsValidator : IValidateOptions<CoachFlowOptions>
{
    private const string Root = CoachFlowOptions.SectionName;
    private const int MinimumSigningKeyLength = 32;
    private const string UnresolvedReference =
        "is a Key Vault reference App Service could not resolve: check that the app's identity has the Key Vault Secrets User role and that the secret exists.";

    public ValidateOptionsResult Validate(string? name, CoachFlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool ok, string key, string problem)
        {
            if (!ok)
            {
                failures.Add($"{Root}:{key} {problem}");
            }
        }

        Check(IsAbsoluteHttpUrl(options.PublicBaseUrl), "PublicBaseUrl", "must be an absolute http(s) URL, e.g. https://coach.example.com.");
        Check(!IsKeyVaultReference(options.LinkSigningKey), "LinkSigningKey", UnresolvedReference);
        Check(options.LinkSigningKey.Length >= MinimumSigningKeyLength, "LinkSigningKey", $"must be at least {MinimumSigningKeyLength} characters of secret.");
        ValidateCoach(options.Coach, Check);
        ValidateEmail(options.Email, Check);
        ValidateDurations(options.Durations, Check);
        ValidateWorkflow(options.Workflow, Check);
        Check(options.Retention.EndedWithoutContract > TimeSpan.Zero, "Retention:EndedWithoutContract", "must be positive.");
        Check(options.Retention.SweepInterval >= TimeSpan.FromSeconds(1), "Retention:SweepInterval", "must be at least one second.");
        ValidateStorage(options.Storage, Check);
        Check(options.Intake.ThankYouRedirectUrl is null || IsAbsoluteHttpUrl(options.Intake.ThankYouRedirectUrl), "Intake:ThankYouRedirectUrl", "must be an absolute http(s) URL when set.");
        Check(options.RateLimits.IntakePerMinute > 0, "RateLimits:IntakePerMinute", "must be positive.");
        Check(options.RateLimits.LinkPostsPerMinute > 0, "RateLimits:LinkPostsPerMinute", "must be positive.");
        Check(options.RateLimits.SignInsPerMinute > 0, "RateLimits:SignInsPerMinute", "must be positive.");
        Check(options.Intake.EmbedOrigins.All(IsOrigin), "Intake:EmbedOrigins", "must be origins only, e.g. https://www.example.com (scheme, host and port; no path).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCoach(CoachProfileOptions coach, Action<bool, string, string> check)
    {
        check(CoachIdPattern().IsMatch(coach.Id), "Coach:Id", "must be 1 to 64 letters, digits, '-' or '_'.");
        check(!string.IsNullOrWhiteSpace(coach.Name), "Coach:Name", "is required.");
        check(EmailAddressFormat.IsPlausible(coach.Email), "Coach:Email", "must be an email address.");
        check(IntakeRules.IsKnownTimeZone(coach.TimeZone), "Coach:TimeZone", "must be an IANA time zone such as Europe/London.");
        check(coach.PhotoUrl is null || IsAbsoluteHttpUrl(coach.PhotoUrl), "Coach:PhotoUrl", "must be an absolute http(s) URL when set.");
        check(ColourPattern().IsMatch(coach.AccentColor), "Coach:AccentColor", "must be a hex colour such as #2f6f5e.");
        check(coach.FocusAreas.All(a => !string.IsNullOrWhiteSpace(a)), "Coach:FocusAreas", "must not contain empty entries.");
        check(coach.FocusAreas.Distinct(StringComparer.OrdinalIgnoreCase).Count() == coach.FocusAreas.Count, "Coach:FocusAreas", "must not repeat an entry.");
        check(coach.WeeklyAvailability.Count > 0, "Coach:WeeklyAvailability", "needs at least one window, e.g. { \"Day\": \"Monday\", \"Start\": \"09:00\", \"End\": \"12:00\" }.");
        for (var i = 0; i < coach.WeeklyAvailability.Count; i++)
        {
            var window = coach.WeeklyAvailability[i];
            check(window.Start < window.End, $"Coach:WeeklyAvailability:{i}", "must start before it ends.");
        }

        check(coach.ChemistryLength > TimeSpan.Zero && coach.ChemistryLength <= TimeSpan.FromHours(4), "Coach:ChemistryLength", "must be between 1 minute and 4 hours.");
        check(coach.Buffer >= TimeSpan.Zero, "Coach:Buffer", "must not be negative.");
        check(coach.MinimumNotice >= TimeSpan.Zero, "Coach:MinimumNotice", "must not be negative.");
        check(coach.Horizon > TimeSpan.Zero, "Coach:Horizon", "must be positive.");
        check(IsAbsoluteHttpUrl(coach.MeetingLink), "Coach:MeetingLink", "must be an absolute http(s) URL (the video call for chemistry sessions).");
        check(coach.Referrals.All(r => !string.IsNullOrWhiteSpace(r)), "Coach:Referrals", "must not contain empty entries.");
        foreach (var (key, heading, text) in coach.AgreementTerms.Sections)
        {
            check(!string.IsNullOrWhiteSpace(text), $"Coach:AgreementTerms:{key}", $"is required: the agreement must cover \"{heading}\".");
        }
    }

    private static void ValidateEmail(EmailOptions email, Action<bool, string, string> check)
    {
        check(Enum.IsDefined(email.Provider), "Email:Provider", "must be SendGrid or Outbox.");
        check(EmailAddressFormat.IsPlausible(email.SenderAddress), "Email:SenderAddress", "must be an email address.");
        check(email.Provider != EmailProvider.SendGrid || !string.IsNullOrWhiteSpace(email.SendGridApiKey), "Email:SendGridApiKey", "is required when Email:Provider is SendGrid.");
        check(!IsKeyVaultReference(email.SendGridApiKey), "Email:SendGridApiKey", UnresolvedReference);
        check(IsAbsoluteHttpUrl(email.SendGridBaseUrl), "Email:SendGridBaseUrl", $"must be an absolute http(s) URL, normally {EmailOptions.DefaultSendGridBaseUrl}.");
        check(email.SendGridAttemptTimeout >= TimeSpan.FromMilliseconds(100) && email.SendGridAttemptTimeout <= TimeSpan.FromMinutes(2), "Email:SendGridAttemptTimeout", "must be between 100 milliseconds and 2 minutes.");
        check(email.SendGridRetryDelay >= TimeSpan.FromMilliseconds(10) && email.SendGridRetryDelay <= SendGridHttpClient.MaxRetryDelay, "Email:SendGridRetryDelay", $"must be between 10 milliseconds and {SendGridHttpClient.MaxRetryDelay.TotalSeconds:0} seconds.");
        check(email.TemplateFolder is null || Directory.Exists(email.TemplateFolder), "Email:TemplateFolder", "must be an existing folder when set.");
    }

    private static void ValidateStorage(StorageOptions storage, Action<bool, string, string> check)
    {
        const string ManagedIdentityKeys = "CoachFlow:Storage:TableServiceUri and CoachFlow:Storage:ManagedIdentityClientId";
        var local = !string.IsNullOrWhiteSpace(storage.ConnectionString);
        var azure = !string.IsNullOrWhiteSpace(storage.TableServiceUri) || !string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId);
        check(local || azure, "Storage:ConnectionString", $"or {ManagedIdentityKeys} must be set.");
        if (!local && azure)
        {
            check(Uri.TryCreate(storage.TableServiceUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, "Storage:TableServiceUri", "must be the storage account's https table endpoint when no connection string is set.");
            check(Guid.TryParse(storage.ManagedIdentityClientId, out _), "Storage:ManagedIdentityClientId", "must be the client id (a GUID) of the app's managed identity when no connection string is set.");
        }

        check(storage.TablePrefix.Length == 0 || TablePrefixPattern().IsMatch(storage.TablePrefix), "Storage:TablePrefix", "must be a letter followed by up to 19 letters or digits.");
    }

    private static void ValidateDurations(DurationOptions d, Action<bool, string, string> check)
    {
        void Pair(TimeSpan reminder, TimeSpan timeout, string reminderKey, string timeoutKey)
        {
            check(timeout > TimeSpan.Zero, $"Durations:{timeoutKey}", "must be positive.");
            check(reminder > TimeSpan.Zero && reminder < timeout, $"Durations:{reminderKey}", $"must be positive and shorter than Durations:{timeoutKey}.");
        }

        Pair(d.TriageReminder, d.TriageTimeout, nameof(d.TriageReminder), nameof(d.TriageTimeout));
        Pair(d.BookingReminder, d.BookingTimeout, nameof(d.BookingReminder), nameof(d.BookingTimeout));
        Pair(d.DecisionReminder, d.DecisionTimeout, nameof(d.DecisionReminder), nameof(d.DecisionTimeout));
        Pair(d.AgreementReminder, d.AgreementTimeout, nameof(d.AgreementReminder), nameof(d.AgreementTimeout));
        check(d.SessionReminderBefore > TimeSpan.Zero, "Durations:SessionReminderBefore", "must be positive.");
    }

    private static void ValidateWorkflow(WorkflowOptions workflow, Action<bool, string, string> check)
    {
        check(TaskHubPattern().IsMatch(workflow.TaskHub), "Workflow:TaskHub", "must be 3 to 45 letters or digits, starting with a letter (it names storage tables and queues).");
        var retry = workflow.ActivityRetry;
        check(retry.MaxAttempts is >= 1 and <= 20, "Workflow:ActivityRetry:MaxAttempts", "must be between 1 and 20.");
        check(retry.FirstRetryInterval > TimeSpan.Zero, "Workflow:ActivityRetry:FirstRetryInterval", "must be positive.");
        check(retry.BackoffCoefficient >= 1, "Workflow:ActivityRetry:BackoffCoefficient", "must be 1 or more.");
        check(retry.MaxRetryInterval >= retry.FirstRetryInterval, "Workflow:ActivityRetry:MaxRetryInterval", "must not be shorter than Workflow:ActivityRetry:FirstRetryInterval.");
    }

    /// <summary>
    /// App Service leaves a Key Vault reference it could not resolve in place, as text: it must never pass for the
    /// secret itself (links signed with a public string, the literal sent to SendGrid as its key).
    /// </summary>
    private static bool IsKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    private static bool IsOrigin(string value) =>
        IsAbsoluteHttpUrl(value) && new Uri(value).GetLeftPart(UriPartial.Authority) == value.TrimEnd('/');

    private static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CoachIdPattern();

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex ColourPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,19}$")]
    private static partial Regex TablePrefixPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubPattern();
}
