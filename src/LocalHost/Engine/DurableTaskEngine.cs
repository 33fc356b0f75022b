using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost.Engine;

/// <summary>
/// The orchestration service under the sidecar, as <see cref="EngineOptions.Backend"/> chooses: Durable
/// Functions' Azure Storage provider (the same tables, queues, blobs and partition leases as in Azure),
/// or the engine's in-memory provider. <see cref="Client"/> is the provider's own management side.
/// </summary>
public sealed class DurableTaskEngine
{
    /// <summary>Wide enough that a thousand instances start without the in-memory provider's throttle.</summary>
    private const int InMemoryConcurrency = 100;

    internal DurableTaskEngine(IOrchestrationService provider, IOrchestrationServiceClient client, int? concurrency)
    {
        Provider = provider;
        Client = client;
        ForSidecar = SidecarView.Over(provider, concurrency);
    }

    /// <summary>The provider itself: the host creates, starts and stops it.</summary>
    public IOrchestrationService Provider { get; }

    public IOrchestrationServiceClient Client { get; }

    /// <summary>What the sidecar is given (see <see cref="SidecarView"/>).</summary>
    public IOrchestrationService ForSidecar { get; }

    /// <param name="storagePolicy">Sees every storage call the provider makes (the benchmark counts them); none in the host.</param>
    public static DurableTaskEngine Create(EngineOptions engine, string taskHub, string? storageConnectionString, ILoggerFactory loggers, HttpPipelinePolicy? storagePolicy = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine.Backend == EngineBackend.InMemory)
        {
            var memory = new InMemoryOrchestrationService(loggers);
            return new DurableTaskEngine(memory, memory, InMemoryConcurrency);
        }

        if (string.IsNullOrWhiteSpace(storageConnectionString))
        {
            throw new OptionsValidationException(nameof(EngineOptions), typeof(EngineOptions), ["CoachFlow:Storage:ConnectionString is required for the local engine's Azure Storage backend (UseDevelopmentStorage=true for Azurite)."]);
        }

        var storage = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(storageConnectionString, With(new BlobClientOptions(), storagePolicy)),
                StorageServiceClientProvider.ForQueue(storageConnectionString, With(new QueueClientOptions(), storagePolicy)),
                StorageServiceClientProvider.ForTable(storageConnectionString, With(new TableClientOptions(), storagePolicy))),
            PartitionCount = engine.PartitionCount,
            MaxQueuePollingInterval = engine.MaxQueuePollingInterval,
            WorkerId = engine.WorkerId,
            ControlQueueVisibilityTimeout = engine.MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = engine.MessageVisibilityTimeout,
            MaxConcurrentTaskOrchestrationWorkItems = engine.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentActivities,
            LoggerFactory = loggers,
        });
        return new DurableTaskEngine(storage, storage, concurrency: null);
    }

    private static T With<T>(T options, HttpPipelinePolicy? policy)
        where T : ClientOptions
    {
        if (policy is not null)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }
}
