using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachFlow.LocalHost.Engine;
using DurableTask.Core;
using Google.Protobuf;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Newtonsoft.Json.Linq;
using P = Microsoft.DurableTask.Protobuf;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// The history of one finished orchestration instance, as the Durable Task protocol carries it to a
/// worker (protobuf <c>HistoryEvent</c>s, stored as their JSON form), so it can be replayed through the
/// SDK's own replay path later. Read from the Azure Storage provider's history table.
/// </summary>
public sealed record RecordedHistory(string InstanceId, string Version, IReadOnlyList<JsonNode> Events)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<P.HistoryEvent> Parse() => [.. Events.Select(e => P.HistoryEvent.Parser.ParseJson(e.ToJsonString()))];

    public static async Task<RecordedHistory> ReadAsync(DurableTaskEngine engine, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var state = (await engine.Client.GetOrchestrationStateAsync(instanceId, allExecutions: false)).Single();
        var json = await engine.Client.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId);
        var events = JArray.Parse(json).Select(e => ProtobufUtils.ToHistoryEventProto(ToCore((JObject)e))).Select(e => JsonNode.Parse(JsonFormatter.Default.Format(e))!).ToList();
        return new RecordedHistory(instanceId, state.Version, events);
    }

    public static RecordedHistory Load(string path) => JsonSerializer.Deserialize<RecordedHistory>(File.ReadAllText(path))!;

    /// <summary>
    /// With COACHFLOW_RECORD_HISTORIES=1, saves the history of the finished instance <paramref name="id"/> of an
    /// Azure Storage host as <c>v{version}-{path}.history.json</c> among the recordings <c>WorkflowVersioningTests</c> replays.
    /// </summary>
    public static async Task SaveIfRecordingAsync(CoachFlowApp app, CoachFlow.Domain.Engagements.EngagementId id, string path)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (Environment.GetEnvironmentVariable("COACHFLOW_RECORD_HISTORIES") != "1")
        {
            return;
        }

        var history = await ReadAsync(app.Get<DurableTaskEngine>(), id.Value);
        await history.SaveAsync(Path.Combine(AzuriteFixture.RepositoryRoot, "tests", "CoachFlow.Tests", "Lifecycle", "Histories", $"v{history.Version}-{path}.history.json"));
    }

    public Task SaveAsync(string path) => File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Indented) + "\n");

    /// <summary>DurableTask.Core's event class for the JSON's <c>EventType</c> (TaskScheduled is TaskScheduledEvent, and so on).</summary>
    private static DurableTask.Core.History.HistoryEvent ToCore(JObject e)
    {
        var type = (DurableTask.Core.History.EventType)e.Value<int>("EventType");
        var clr = typeof(DurableTask.Core.History.HistoryEvent).Assembly.GetType($"DurableTask.Core.History.{type}Event")
            ?? throw new NotSupportedException($"No DurableTask.Core event class for {type}.");
        return (DurableTask.Core.History.HistoryEvent)e.ToObject(clr, Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings
        {
            ConstructorHandling = Newtonsoft.Json.ConstructorHandling.AllowNonPublicDefaultConstructor,
        }))!;
    }
}
