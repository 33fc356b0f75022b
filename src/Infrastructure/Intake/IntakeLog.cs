using Microsoft.Extensions.Logging;

namespace CoachFlow.Infrastructure.Intake;

/// <summary>Intake's log lines. They name engagements by id only: never a name, email or answer.</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Intake with a filled honeypot ignored")]
    public static partial void HoneypotIgnored(ILogger logger);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Intake accepted as engagement {EngagementId} (new: {Created})")]
    public static partial void Accepted(ILogger logger, string engagementId, bool created);
}
