using System.Text.Json.Nodes;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Tests.TestSupport;
using static CoachFlow.Tests.Deployment.FunctionsAppStart;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// <c>azd up</c> without a cloud: main.bicep compiled by the real Bicep CLI, deployed on paper for a sample azd
/// environment (<see cref="SimulatedDeployment"/>), and the Functions app started on the settings it would get
/// (<see cref="FunctionsAppStart"/>). The same check must fail when the template loses a setting, a role or a
/// Durable setting the app needs; each such breakage is made to a copy of the compiled template, not to the Bicep.
/// </summary>
public sealed class DeploymentTests(CompiledInfrastructure infra) : IClassFixture<CompiledInfrastructure>
{
    private static readonly string Root = AzuriteFixture.RepositoryRoot;

    private static JsonObject ParametersFile => Json(Path.Combine(CompiledInfrastructure.Infra, "main.parameters.json"));

    private static JsonObject CoachProfile => Json(Path.Combine(CompiledInfrastructure.Infra, "coach-profile.json"));

    private static JsonObject HostJson => Json(Path.Combine(Root, "host.json"));

    [Fact]
    public void A_sample_environment_deploys_to_a_functions_app_that_starts_with_the_coach_profile_file_and_the_secrets_from_key_vault()
    {
        var environment = new SampleAzdEnvironment();
        var deployment = new SimulatedDeployment(Template(), ParametersFile, environment);

        var start = FunctionsAppStart.Run(deployment, HostJson);

        Assert.True(start.Problems.Count == 0, "The Functions app would not start:\n" + string.Join('\n', start.Problems));
        var options = start.Options!;
        Assert.Equal(environment.LinkSigningKey, options.LinkSigningKey);
        Assert.Equal(environment.SendGridApiKey, options.Email.SendGridApiKey);
        Assert.Equal(EmailProvider.SendGrid, options.Email.Provider);
        Assert.StartsWith("https://func-api-", options.PublicBaseUrl, StringComparison.Ordinal);
        Assert.EndsWith(".azurewebsites.net", options.PublicBaseUrl, StringComparison.Ordinal);
        Assert.Equal("Sam Rivers Coaching", options.Coach.Name);
        Assert.Equal("CoachFlow", options.Workflow.TaskHub);
        // Nothing in the environment overrides the profile, so infra/coach-profile.json is what the app runs with.
        var profile = CoachProfile;
        Assert.Equal(profile["timeZone"]!.GetValue<string>(), options.Coach.TimeZone);
        Assert.Equal(profile["agreementTerms"]!["services"]!.GetValue<string>(), options.Coach.AgreementTerms.Services);
        Assert.Equal(profile["weeklyAvailability"]!.AsArray().Count, options.Coach.WeeklyAvailability.Count);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Coach.ChemistryLength);
        Assert.Null(options.Coach.PhotoUrl);
        // The app's tables: the endpoint the storage account reported, reached as the app's identity.
        Assert.Null(options.Storage.ConnectionString);
        Assert.Equal(deployment.AppSettings["AzureWebJobsStorage__tableServiceUri"], start.Tables!.Uri.AbsoluteUri);
        Assert.Equal(deployment.AppSettings["AzureWebJobsStorage__clientId"], options.Storage.ManagedIdentityClientId);
    }

    [Fact]
    public void Every_part_of_the_coach_profile_can_be_set_from_an_azd_environment_value()
    {
        var environment = new SampleAzdEnvironment(new Dictionary<string, string>
        {
            ["COACH_TIME_ZONE"] = "America/New_York",
            ["COACH_FOCUS_AREAS"] = """["Leadership", "Career change"]""",
            ["COACH_REFERRALS"] = """["Alex Moreno, career coach: alex@example.com"]""",
            ["COACH_WEEKLY_AVAILABILITY"] = """[{ "day": "Friday", "start": "10:00", "end": "12:30" }]""",
            ["COACH_BLOCKED_DATES"] = """["2026-12-24", "2026-12-31"]""",
            ["COACH_CHEMISTRY_LENGTH"] = "PT45M",
            ["COACH_BUFFER"] = "PT5M",
            ["COACH_MINIMUM_NOTICE"] = "PT12H",
            ["COACH_HORIZON"] = "P30D",
            ["COACH_PHOTO_URL"] = "https://www.example.com/sam.jpg",
            ["COACH_ACCENT_COLOR"] = "#123456",
            ["COACH_AGREEMENT_TERMS"] = """
                { "whatCoachingIs": "A partnership.", "services": "Four sessions.", "rolesAndResponsibilities": "You lead.",
                  "logisticsAndFees": "USD 800.", "schedulingAndCancellation": "48 hours' notice.",
                  "durationAndTermination": "Two months.", "confidentiality": "Between us." }
                """,
            ["COACHFLOW_AUTO_INVITE"] = "true",
            ["COACHFLOW_DURATIONS"] = """{ "triageReminder": "P1D", "bookingTimeout": "P10D" }""",
        });

        var start = FunctionsAppStart.Run(new SimulatedDeployment(Template(), ParametersFile, environment), HostJson);

        Assert.True(start.Problems.Count == 0, "The Functions app would not start:\n" + string.Join('\n', start.Problems));
        var coach = start.Options!.Coach;
        Assert.Equal("America/New_York", coach.TimeZone);
        Assert.Equal(["Leadership", "Career change"], coach.FocusAreas);
        Assert.Equal(["Alex Moreno, career coach: alex@example.com"], coach.Referrals);
        var window = Assert.Single(coach.WeeklyAvailability);
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(10, 0), new TimeOnly(12, 30)), (window.Day, window.Start, window.End));
        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31)], coach.BlockedDates);
        Assert.Equal(
            (TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(5), TimeSpan.FromHours(12), TimeSpan.FromDays(30)),
            (coach.ChemistryLength, coach.Buffer, coach.MinimumNotice, coach.Horizon));
        Assert.Equal("https://www.example.com/sam.jpg", coach.PhotoUrl);
        Assert.Equal("#123456", coach.AccentColor);
        Assert.Equal("USD 800.", coach.AgreementTerms.LogisticsAndFees);
        Assert.True(start.Options.AutoInvite);
        Assert.Equal(TimeSpan.FromDays(1), start.Options.Durations.TriageReminder);
        Assert.Equal(TimeSpan.FromDays(10), start.Options.Durations.BookingTimeout);
        Assert.Equal(new DurationOptions().DecisionTimeout, start.Options.Durations.DecisionTimeout);
    }

    public static TheoryData<string, Action<JsonObject, JsonObject>, string> Breakages => new()
    {
        // A setting the options validator requires.
        { "CoachFlow__PublicBaseUrl", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__PublicBaseUrl"), "CoachFlow:PublicBaseUrl " },
        { "CoachFlow__LinkSigningKey", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__LinkSigningKey"), "CoachFlow:LinkSigningKey " },
        { "CoachFlow__Email__SendGridApiKey", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Email__SendGridApiKey"), "CoachFlow:Email:SendGridApiKey " },
        { "CoachFlow__Email__SenderAddress", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Email__SenderAddress"), "CoachFlow:Email:SenderAddress " },
        { "CoachFlow__Coach__Email", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Coach__Email"), "CoachFlow:Coach:Email " },
        { "CoachFlow__Coach__TimeZone", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Coach__TimeZone"), "CoachFlow:Coach:TimeZone " },
        { "CoachFlow__Coach__MeetingLink", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Coach__MeetingLink"), "CoachFlow:Coach:MeetingLink " },
        { "CoachFlow__Coach__AgreementTerms__Confidentiality", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Coach__AgreementTerms__Confidentiality"), "CoachFlow:Coach:AgreementTerms:Confidentiality " },
        { "CoachFlow__Storage__TableServiceUri", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Storage__TableServiceUri"), "CoachFlow:Storage:TableServiceUri " },
        { "CoachFlow__Storage__ManagedIdentityClientId", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Storage__ManagedIdentityClientId"), "CoachFlow:Storage:ManagedIdentityClientId " },
        // A role the app's identity needs.
        { "Storage Blob Data Owner", (t, _) => TemplateMutations.RemoveIdentityRole(t, StorageBlobDataOwner), "lacks Storage Blob Data Owner" },
        { "Storage Queue Data Contributor", (t, _) => TemplateMutations.RemoveIdentityRole(t, StorageQueueDataContributor), "lacks Storage Queue Data Contributor" },
        { "Storage Table Data Contributor", (t, _) => TemplateMutations.RemoveIdentityRole(t, StorageTableDataContributor), "CoachFlow__Storage__ManagedIdentityClientId lacks Storage Table Data Contributor" },
        { "Key Vault Secrets User", (t, _) => TemplateMutations.RemoveIdentityRole(t, SimulatedDeployment.KeyVaultSecretsUser), "CoachFlow:LinkSigningKey is a Key Vault reference App Service could not resolve" },
        // What the Functions host's Durable extension needs.
        { "CoachFlow__Workflow__TaskHub", (t, _) => TemplateMutations.RemoveAppSetting(t, "CoachFlow__Workflow__TaskHub"), "host.json refers to %CoachFlow__Workflow__TaskHub%" },
        { "AzureWebJobsStorage__credential", (t, _) => TemplateMutations.RemoveAppSetting(t, "AzureWebJobsStorage__credential"), "AzureWebJobsStorage__credential must be 'managedidentity'" },
        { "AzureWebJobsStorage__clientId", (t, _) => TemplateMutations.RemoveAppSetting(t, "AzureWebJobsStorage__clientId"), "AzureWebJobsStorage__clientId ('') is not the client id" },
        { "AzureWebJobsStorage__blobServiceUri", (t, _) => TemplateMutations.RemoveAppSetting(t, "AzureWebJobsStorage__blobServiceUri"), "AzureWebJobsStorage__blobServiceUri is missing" },
        { "AzureWebJobsStorage__queueServiceUri", (t, _) => TemplateMutations.RemoveAppSetting(t, "AzureWebJobsStorage__queueServiceUri"), "AzureWebJobsStorage__queueServiceUri is missing" },
        { "AzureWebJobsStorage__tableServiceUri", (t, _) => TemplateMutations.RemoveAppSetting(t, "AzureWebJobsStorage__tableServiceUri"), "AzureWebJobsStorage__tableServiceUri is missing" },
        { "always-ready durable instance", (t, _) => TemplateMutations.RemoveAlwaysReady(t), "No always-ready instance for the 'durable' group" },
        { "queue polling interval", (_, host) => host["extensions"]!["durableTask"]!["storageProvider"]!.AsObject().Remove("maxQueuePollingInterval"), "maxQueuePollingInterval is 00:00:30" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void The_same_check_fails_when_the_deployment_loses_what_the_app_needs(string missing, Action<JsonObject, JsonObject> breakIt, string expected)
    {
        var template = Template();
        var host = HostJson;
        breakIt(template, host);

        var start = FunctionsAppStart.Run(new SimulatedDeployment(template, ParametersFile, new SampleAzdEnvironment()), host);

        Assert.True(start.Problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"Without {missing}, expected a problem containing \"{expected}\"; got:\n" + string.Join('\n', start.Problems));
    }

    [Fact]
    public void Without_the_key_vault_role_app_service_leaves_the_references_as_text_and_the_app_refuses_them()
    {
        var template = Template();
        TemplateMutations.RemoveIdentityRole(template, SimulatedDeployment.KeyVaultSecretsUser);
        var deployment = new SimulatedDeployment(template, ParametersFile, new SampleAzdEnvironment());

        var settings = deployment.AppSettingsAsAppServiceResolvesThem();
        var start = FunctionsAppStart.Run(deployment, HostJson);

        // Longer than 32 characters: only the reference check keeps it from signing links.
        Assert.StartsWith("@Microsoft.KeyVault(SecretUri=https://kv-", settings["CoachFlow__LinkSigningKey"], StringComparison.Ordinal);
        Assert.True(settings["CoachFlow__LinkSigningKey"].Length >= 32);
        Assert.StartsWith("@Microsoft.KeyVault(SecretUri=https://kv-", settings["CoachFlow__Email__SendGridApiKey"], StringComparison.Ordinal);
        Assert.Contains(start.Problems, p => p.StartsWith("CoachFlow:LinkSigningKey is a Key Vault reference App Service could not resolve", StringComparison.Ordinal));
        Assert.Contains(start.Problems, p => p.StartsWith("CoachFlow:Email:SendGridApiKey is a Key Vault reference App Service could not resolve", StringComparison.Ordinal));
        Assert.Null(start.Options);
    }

    [Fact]
    public void Whoever_runs_azd_can_read_the_tables_but_not_write_them_and_is_assigned_as_the_principal_type_azd_reports()
    {
        var environment = new SampleAzdEnvironment();
        environment.TryGet("AZURE_PRINCIPAL_ID", out var principal);
        var deployment = new SimulatedDeployment(Template(), ParametersFile, environment);

        var grants = deployment.Resources("rbac", "Microsoft.Authorization/roleAssignments")
            .Where(a => a.Body["properties"]!["principalId"]!.GetValue<string>() == principal)
            .ToList();

        var grant = Assert.Single(grants);
        Assert.EndsWith("/roleDefinitions/76199698-9eea-4c19-bc75-cec21354c6b6", grant.Body["properties"]!["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal); // Storage Table Data Reader
        Assert.Equal("ServicePrincipal", grant.Body["properties"]!["principalType"]!.GetValue<string>());
        Assert.Equal(deployment.Resources("storage", "Microsoft.Storage/storageAccounts").Single().Id, grant.Scope);
        Assert.DoesNotContain(deployment.RoleAssignments(), a => a.PrincipalId == principal && a.RoleDefinitionId == SimulatedDeployment.KeyVaultSecretsUser);
    }

    private JsonObject Template() => infra.Template.DeepClone().AsObject();

    private static JsonObject Json(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
