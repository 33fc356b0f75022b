using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// Reads the diagnostics Bicep prints with <c>--diagnostics-format sarif</c>: structured, so a
/// warning cannot hide behind a change in the wording of the plain-text format.
/// </summary>
public static class BicepDiagnostics
{
    /// <summary>Every error and warning, one readable line each (notes are left out).</summary>
    public static IReadOnlyList<string> ErrorsAndWarnings(string sarif)
    {
        JsonNode? log;
        try
        {
            log = JsonNode.Parse(sarif);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Bicep printed no SARIF log but:\n{sarif}", e);
        }

        var results = log?["runs"]?.AsArray().SelectMany(run => run!["results"]!.AsArray())
            ?? throw new InvalidOperationException($"Bicep printed a SARIF log without runs:\n{sarif}");
        return results
            .Select(result => (Level: result!["level"]?.GetValue<string>() ?? "warning", Result: result))
            // SARIF's default level is "warning": Bicep writes the level only for errors and notes.
            .Where(r => r.Level is "error" or "warning")
            .Select(r => $"{r.Level} {r.Result["ruleId"]} at {Location(r.Result)}: {r.Result["message"]?["text"]}")
            .ToList();
    }

    private static string Location(JsonNode result)
    {
        var physical = result["locations"]?[0]?["physicalLocation"];
        return $"{physical?["artifactLocation"]?["uri"]}({physical?["region"]?["startLine"]},{physical?["region"]?["charOffset"]})";
    }
}
