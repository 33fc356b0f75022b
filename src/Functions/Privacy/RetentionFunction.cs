using CoachFlow.Infrastructure.Privacy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Privacy;

/// <summary>Retention by default in Azure: every hour, erase engagements that ended without a contract long enough ago.</summary>
public sealed class RetentionFunction(RetentionSweep sweep)
{
    [Function("EraseExpiredEngagements")]
    public Task Run([TimerTrigger("0 0 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        sweep.SweepAsync(durable, cancellationToken);
}
