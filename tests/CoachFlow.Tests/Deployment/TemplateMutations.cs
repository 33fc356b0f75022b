using System.Text.Json.Nodes;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// Breaks a compiled template (a copy of it) the way a careless edit of the Bicep would, so a test can show that
/// the deployment check notices. Each change must find what it removes, or it throws: a mutation that silently
/// changes nothing would let its test pass for the wrong reason.
/// </summary>
public static class TemplateMutations
{
    /// <summary>Takes one app setting out of the Functions app, wherever function.bicep's compiled form holds it.</summary>
    public static void RemoveAppSetting(JsonObject template, string name)
    {
        var api = Module(template, "api");
        var config = CompiledInfrastructure.Resources(api, "Microsoft.Web/sites/config").Single();
        var found = false;
        config["properties"] = Without(ArmExpression.FromTemplate(config["properties"])).ToTemplate();
        if (!found)
        {
            throw new InvalidOperationException($"No app setting '{name}' in the compiled template.");
        }

        ArmExpression Without(ArmExpression expression)
        {
            switch (expression)
            {
                case ArmCall { Name: "createObject" } create:
                    var pairs = create.Arguments.Chunk(2).Where(pair => pair[0] is not ArmString key || key.Value != name).ToList();
                    found |= pairs.Count * 2 != create.Arguments.Count;
                    return create with { Arguments = [.. pairs.SelectMany(p => p)] };
                case ArmCall { Name: "variables", Arguments: [ArmString variable] }:
                    var variables = api["variables"]!.AsObject();
                    if (variables[variable.Value] is JsonObject literal)
                    {
                        found |= literal.Remove(name);
                    }
                    else
                    {
                        variables[variable.Value] = Without(ArmExpression.FromTemplate(variables[variable.Value])).ToTemplate();
                    }

                    return expression;
                case ArmCall call:
                    return call with { Arguments = [.. call.Arguments.Select(Without)] };
                default:
                    return expression;
            }
        }
    }

    /// <summary>Drops the role assignment that grants the app's identity one built-in role (by its GUID).</summary>
    public static void RemoveIdentityRole(JsonObject template, string role)
    {
        var rbac = Module(template, "rbac");
        var resources = rbac["resources"]!.AsArray();
        var grant = resources.Single(r =>
            r!["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments"
            && r["properties"]!["principalId"]!.GetValue<string>() == "[parameters('identityPrincipalId')]"
            && ArmExpression.FromTemplate(r["properties"]!["roleDefinitionId"]) is ArmCall { Arguments: [_, ArmCall { Name: "variables", Arguments: [ArmString variable] }] }
            && rbac["variables"]![variable.Value]!.GetValue<string>() == role);
        resources.Remove(grant);
    }

    /// <summary>Takes the always-ready instances out of the Flex Consumption app.</summary>
    public static void RemoveAlwaysReady(JsonObject template)
    {
        var site = CompiledInfrastructure.Resources(Module(template, "api"), "Microsoft.Web/sites").Single();
        if (!site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!.AsObject().Remove("alwaysReady"))
        {
            throw new InvalidOperationException("The compiled Functions app has no alwaysReady to remove.");
        }
    }

    private static JsonObject Module(JsonObject template, string name) => CompiledInfrastructure.Resources(template, "Microsoft.Resources/deployments")
        .Single(d => d["name"]!.GetValue<string>() == name)["properties"]!["template"]!.AsObject();
}
