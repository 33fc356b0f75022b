using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost.Engine;

/// <summary>Refuses engine settings the Azure Storage provider cannot run with, naming the key.</summary>
internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool ok, string key, string problem)
        {
            if (!ok)
            {
                failures.Add($"{EngineOptions.SectionName}:{key} {problem}");
            }
        }

        Check(Enum.IsDefined(options.Backend), "Backend", "must be AzureStorage or InMemory.");
        Check(options.PartitionCount is >= 1 and <= 16, "PartitionCount", "must be between 1 and 16.");
        Check(options.MaxQueuePollingInterval >= TimeSpan.FromMilliseconds(100) && options.MaxQueuePollingInterval <= TimeSpan.FromMinutes(5), "MaxQueuePollingInterval", "must be between 100 ms and 5 minutes.");
        Check(!string.IsNullOrWhiteSpace(options.WorkerId), "WorkerId", "is required (it names this host in partition leases).");
        Check(options.MessageVisibilityTimeout >= TimeSpan.FromSeconds(10), "MessageVisibilityTimeout", "must be at least 10 seconds.");
        Check(options.MaxConcurrentOrchestrations is >= 1 and <= 1000, "MaxConcurrentOrchestrations", "must be between 1 and 1000.");
        Check(options.MaxConcurrentActivities is >= 1 and <= 1000, "MaxConcurrentActivities", "must be between 1 and 1000.");
        Check(!string.IsNullOrWhiteSpace(options.DefaultVersion), "DefaultVersion", "is required.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
