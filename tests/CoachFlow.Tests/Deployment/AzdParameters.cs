using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// What azd makes of <c>infra/main.parameters.json</c> for an environment, following its Bicep provider
/// (azure-dev, cli/azd/pkg/infra/provisioning/bicep/bicep_provider.go, <c>loadParameters</c> and
/// <c>armParameterFileValue</c>; azd 1.23.4 and later):
/// <list type="bullet">
/// <item>a string value mapped to an array or object parameter is substituted alone and then read as JSON;</item>
/// <item>any other parameter is substituted inside its JSON text (so a value with a quote breaks it) and read back;</item>
/// <item>a parameter whose substitution is empty because a variable is unset is left out: the template's default applies;</item>
/// <item>numbers and booleans written as strings are converted; a secure string holding an <c>akvs://</c> reference
/// (what <c>azd env set-secret</c> stores) is replaced by the secret it names;</item>
/// <item><c>AZURE_PRINCIPAL_ID</c> and <c>AZURE_PRINCIPAL_TYPE</c> come from the signed-in principal, not the .env file.</item>
/// </list>
/// Only <c>${NAME}</c> and <c>${NAME=default}</c> are substituted; any other form, and azd's command substitution
/// <c>$(…)</c>, throws.
/// </summary>
public static partial class AzdParameters
{
    public static Dictionary<string, JsonNode?> Resolve(JsonObject parametersFile, JsonObject template, SampleAzdEnvironment environment)
    {
        var resolved = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, parameter) in parametersFile["parameters"]!.AsObject())
        {
            var declared = template["parameters"]![name]?.AsObject()
                ?? throw new InvalidOperationException($"main.parameters.json sets '{name}', which main.bicep does not declare.");
            var type = declared["type"]!.GetValue<string>();
            var value = parameter!["value"];
            if (type is "array" or "object" && value is JsonValue text && text.TryGetValue<string>(out var raw))
            {
                var (replaced, unset) = Substitute(raw, environment);
                if (!(replaced.Length == 0 && unset))
                {
                    resolved[name] = JsonNode.Parse(replaced);
                }

                continue;
            }

            var (json, anyUnset) = Substitute(parameter!.ToJsonString(), environment);
            var substituted = JsonNode.Parse(json)!["value"];
            if (substituted is JsonValue s && s.TryGetValue<string>(out var str))
            {
                if (str.Length == 0 && anyUnset)
                {
                    continue;
                }

                if (str.Length == 0 && !declared.ContainsKey("defaultValue"))
                {
                    throw new InvalidOperationException($"Parameter '{name}' is set to an empty value and has no default: azd would stop and ask for it.");
                }

                resolved[name] = type switch
                {
                    "int" => long.Parse(str, CultureInfo.InvariantCulture),
                    "bool" => bool.Parse(str),
                    "securestring" when str.StartsWith("akvs://", StringComparison.Ordinal) => environment.KeyVaultSecret(str),
                    _ => str,
                };
            }
            else
            {
                resolved[name] = substituted?.DeepClone();
            }
        }

        return resolved;
    }

    private static (string Value, bool AnyUnset) Substitute(string text, SampleAzdEnvironment environment)
    {
        if (text.Contains("$(", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"azd command substitution is not modelled by the deployment tests: {text}");
        }

        var anyUnset = false;
        var replaced = Variable().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (environment.TryGet(name, out var value))
            {
                return value;
            }

            anyUnset = true;
            return match.Groups["default"].Success ? match.Groups["default"].Value : string.Empty;
        });
        if (replaced.Contains("${", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"A substitution the deployment tests do not model: {text}");
        }

        return (replaced, anyUnset);
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
