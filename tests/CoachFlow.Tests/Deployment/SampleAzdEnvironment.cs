using System.Security.Cryptography;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// An azd environment as the README's deploy steps leave it: the values in <c>.azure/&lt;env&gt;/.env</c>, the
/// signed-in principal azd reports, and the Key Vault secret <c>azd env set-secret</c> created for the SendGrid key
/// (the .env holds only its <c>akvs://</c> reference). Secrets have the shape their makers give them: a SendGrid key
/// as SendGrid issues it, the link-signing key as scripts/preprovision.sh writes it (64 hex characters).
/// </summary>
public sealed class SampleAzdEnvironment
{
    private const string SendGridSecretReference = $"akvs://{SampleAzure.SubscriptionId}/kv-coach-secrets/SENDGRID-API-KEY-kv-secret";

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string> _keyVault;

    public SampleAzdEnvironment(IReadOnlyDictionary<string, string>? overrides = null)
    {
        SendGridApiKey = $"SG.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=')}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=')}";
        LinkSigningKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _keyVault = new(StringComparer.Ordinal) { [SendGridSecretReference] = SendGridApiKey };
        _values = new(StringComparer.Ordinal)
        {
            ["AZURE_ENV_NAME"] = "coachflow",
            ["AZURE_LOCATION"] = "uksouth",
            ["AZURE_SUBSCRIPTION_ID"] = SampleAzure.SubscriptionId,
            // Not in .env: azd asks who is signed in. CI provisions as a service principal.
            ["AZURE_PRINCIPAL_ID"] = "3c9d2e7f-1a4b-4c6d-8e0f-2a3b4c5d6e7f",
            ["AZURE_PRINCIPAL_TYPE"] = "ServicePrincipal",
            ["COACH_NAME"] = "Sam Rivers Coaching",
            ["COACH_EMAIL"] = "sam@example.com",
            ["COACH_MEETING_LINK"] = "https://meet.example.com/sam",
            ["SENDER_ADDRESS"] = "hello@example.com",
            ["WEBSITE_ORIGIN"] = "https://www.example.com",
            ["SENDGRID_API_KEY"] = SendGridSecretReference,
            ["LINK_SIGNING_KEY"] = LinkSigningKey,
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            _values[name] = value;
        }
    }

    public string SendGridApiKey { get; }

    public string LinkSigningKey { get; }

    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    /// <summary>What azd reads from Key Vault for an <c>akvs://</c> reference, as the signed-in principal.</summary>
    public string KeyVaultSecret(string reference) => _keyVault.TryGetValue(reference, out var secret)
        ? secret
        : throw new InvalidOperationException($"No secret behind {reference}: azd would fail to read it.");
}
