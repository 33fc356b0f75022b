namespace CoachFlow.LocalHost.Engine;

/// <summary>Where the local Durable Task engine keeps its task hub.</summary>
public enum EngineBackend
{
    /// <summary>The Azure Storage provider Durable Functions runs on in Azure (Azurite locally): instances survive restarts.</summary>
    AzureStorage,

    /// <summary>The engine's in-memory provider: fast, and gone with the process (tests and benchmarks).</summary>
    InMemory,
}
