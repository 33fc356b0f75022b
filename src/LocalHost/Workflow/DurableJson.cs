using System.Text.Json;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// Serializes workflow inputs, outputs, events and custom status as the isolated Durable worker
/// does by default (System.Text.Json with case-insensitive property names; null stays null), so a
/// payload that round-trips here round-trips in Azure.
/// </summary>
public static class DurableJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T Deserialize<T>(string? json) => json is null ? default! : JsonSerializer.Deserialize<T>(json, Options)!;
}
