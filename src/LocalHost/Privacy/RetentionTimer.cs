using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Privacy;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost.Privacy;

/// <summary>
/// Retention by default on the local host: the same sweep as the Functions app's timer trigger, every
/// <c>CoachFlow:Retention:SweepInterval</c>. A failed sweep is logged and tried again next time.
/// </summary>
internal sealed partial class RetentionTimer(RetentionSweep sweep, DurableTaskClient workflows, IOptions<CoachFlowOptions> options, ILogger<RetentionTimer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Retention.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await sweep.SweepAsync(workflows, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SweepFailed(log, e);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "The retention sweep failed; it runs again at the next interval")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
