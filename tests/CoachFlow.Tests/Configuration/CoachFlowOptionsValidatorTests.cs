using System.Diagnostics;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CoachFlow.Tests.Configuration;

public sealed class CoachFlowOptionsValidatorTests
{
    private const string TableServiceUri = "https://stcoachflow.table.core.windows.net/";
    private const string ClientId = "6e1c2a4f-0b55-4f0e-9d1c-3a7b8e2f4d10";

    /// <summary>The text App Service leaves in an app setting when it cannot read the secret it names.</summary>
    private static string UnresolvedReference(string secret) =>
        $"@Microsoft.KeyVault(SecretUri=https://kv-coachflow.vault.azure.net/secrets/{secret})";

    private static IConfigurationRoot SampleConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AzuriteFixture.RepositoryRoot, "src", "LocalHost", "appsettings.Development.json"))
        .Build();

    private static CoachFlowOptions SampleProfile()
    {
        var options = new CoachFlowOptions();
        SampleConfiguration().GetSection(CoachFlowOptions.SectionName).Bind(options);
        return options;
    }

    private static IReadOnlyList<string> Failures(Action<CoachFlowOptions> change)
    {
        var options = SampleProfile();
        change(options);
        var result = new CoachFlowOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures] : [];
    }

    [Fact]
    public void The_shipped_sample_profile_is_valid()
    {
        Assert.Empty(Failures(_ => { }));
        Assert.Equal(6, SampleProfile().Coach.WeeklyAvailability.Count);
        Assert.Equal(TimeSpan.FromMinutes(30), SampleProfile().Coach.ChemistryLength);
    }

    public static TheoryData<string, Action<CoachFlowOptions>> Breakages => new()
    {
        { "CoachFlow:PublicBaseUrl", o => o.PublicBaseUrl = "localhost:7071" },
        { "CoachFlow:LinkSigningKey", o => o.LinkSigningKey = "short" },
        { "CoachFlow:LinkSigningKey", o => o.LinkSigningKey = UnresolvedReference("link-signing-key") },
        { "CoachFlow:Coach:Id", o => o.Coach.Id = "has space" },
        { "CoachFlow:Coach:Name", o => o.Coach.Name = " " },
        { "CoachFlow:Coach:Email", o => o.Coach.Email = "" },
        { "CoachFlow:Coach:TimeZone", o => o.Coach.TimeZone = "GMT Standard Time" },
        { "CoachFlow:Coach:PhotoUrl", o => o.Coach.PhotoUrl = "me.jpg" },
        { "CoachFlow:Coach:AccentColor", o => o.Coach.AccentColor = "green" },
        { "CoachFlow:Coach:FocusAreas", o => o.Coach.FocusAreas = ["Communication", "communication"] },
        { "CoachFlow:Coach:WeeklyAvailability", o => o.Coach.WeeklyAvailability = [] },
        { "CoachFlow:Coach:WeeklyAvailability:0", o => o.Coach.WeeklyAvailability[0].End = o.Coach.WeeklyAvailability[0].Start },
        { "CoachFlow:Coach:ChemistryLength", o => o.Coach.ChemistryLength = TimeSpan.Zero },
        { "CoachFlow:Coach:Buffer", o => o.Coach.Buffer = TimeSpan.FromMinutes(-5) },
        { "CoachFlow:Coach:MinimumNotice", o => o.Coach.MinimumNotice = TimeSpan.FromHours(-1) },
        { "CoachFlow:Coach:Horizon", o => o.Coach.Horizon = TimeSpan.Zero },
        { "CoachFlow:Coach:MeetingLink", o => o.Coach.MeetingLink = "" },
        { "CoachFlow:Coach:Referrals", o => o.Coach.Referrals = [""] },
        { "CoachFlow:Coach:AgreementTerms:WhatCoachingIs", o => o.Coach.AgreementTerms.WhatCoachingIs = "" },
        { "CoachFlow:Coach:AgreementTerms:Services", o => o.Coach.AgreementTerms.Services = " " },
        { "CoachFlow:Coach:AgreementTerms:RolesAndResponsibilities", o => o.Coach.AgreementTerms.RolesAndResponsibilities = "" },
        { "CoachFlow:Coach:AgreementTerms:LogisticsAndFees", o => o.Coach.AgreementTerms.LogisticsAndFees = "" },
        { "CoachFlow:Coach:AgreementTerms:SchedulingAndCancellation", o => o.Coach.AgreementTerms.SchedulingAndCancellation = "" },
        { "CoachFlow:Coach:AgreementTerms:DurationAndTermination", o => o.Coach.AgreementTerms.DurationAndTermination = "" },
        { "CoachFlow:Coach:AgreementTerms:Confidentiality", o => o.Coach.AgreementTerms.Confidentiality = "" },
        { "CoachFlow:Email:SenderAddress", o => o.Email.SenderAddress = "nobody" },
        { "CoachFlow:Email:Provider", o => o.Email.Provider = (EmailProvider)7 },
        { "CoachFlow:Email:TemplateFolder", o => o.Email.TemplateFolder = Path.Combine(AppContext.BaseDirectory, "no-such-folder") },
        { "CoachFlow:Email:SendGridApiKey", o => o.Email.Provider = EmailProvider.SendGrid },
        { "CoachFlow:Email:SendGridApiKey", o => { o.Email.Provider = EmailProvider.SendGrid; o.Email.SendGridApiKey = UnresolvedReference("sendgrid-api-key"); } },
        { "CoachFlow:Email:SendGridBaseUrl", o => o.Email.SendGridBaseUrl = "api.sendgrid.com" },
        { "CoachFlow:Email:SendGridAttemptTimeout", o => o.Email.SendGridAttemptTimeout = TimeSpan.Zero },
        { "CoachFlow:Email:SendGridRetryDelay", o => o.Email.SendGridRetryDelay = TimeSpan.FromMinutes(1) },
        { "CoachFlow:Durations:TriageReminder", o => o.Durations.TriageReminder = TimeSpan.FromDays(8) },
        { "CoachFlow:Durations:BookingTimeout", o => o.Durations.BookingTimeout = TimeSpan.Zero },
        { "CoachFlow:Durations:DecisionReminder", o => o.Durations.DecisionReminder = TimeSpan.Zero },
        { "CoachFlow:Durations:AgreementReminder", o => o.Durations.AgreementReminder = TimeSpan.FromDays(14) },
        { "CoachFlow:Durations:SessionReminderBefore", o => o.Durations.SessionReminderBefore = TimeSpan.Zero },
        { "CoachFlow:Storage:ConnectionString", o => o.Storage.ConnectionString = null },
        { "CoachFlow:Storage:TableServiceUri", o => { o.Storage.ConnectionString = null; o.Storage.ManagedIdentityClientId = ClientId; } },
        { "CoachFlow:Storage:TableServiceUri", o => { o.Storage.ConnectionString = null; o.Storage.TableServiceUri = "http://st.table.core.windows.net/"; o.Storage.ManagedIdentityClientId = ClientId; } },
        { "CoachFlow:Storage:ManagedIdentityClientId", o => { o.Storage.ConnectionString = null; o.Storage.TableServiceUri = TableServiceUri; } },
        { "CoachFlow:Storage:ManagedIdentityClientId", o => { o.Storage.ConnectionString = null; o.Storage.TableServiceUri = TableServiceUri; o.Storage.ManagedIdentityClientId = "id-api"; } },
        { "CoachFlow:Storage:TablePrefix", o => o.Storage.TablePrefix = "1bad" },
        { "CoachFlow:Intake:ThankYouRedirectUrl", o => o.Intake.ThankYouRedirectUrl = "/thanks" },
        { "CoachFlow:Intake:EmbedOrigins", o => o.Intake.EmbedOrigins.Add("https://www.example.com/contact") },
        { "CoachFlow:RateLimits:IntakePerMinute", o => o.RateLimits.IntakePerMinute = 0 },
        { "CoachFlow:RateLimits:LinkPostsPerMinute", o => o.RateLimits.LinkPostsPerMinute = -1 },
        { "CoachFlow:RateLimits:SignInsPerMinute", o => o.RateLimits.SignInsPerMinute = 0 },
        { "CoachFlow:Retention:EndedWithoutContract", o => o.Retention.EndedWithoutContract = TimeSpan.Zero },
        { "CoachFlow:Retention:SweepInterval", o => o.Retention.SweepInterval = TimeSpan.FromMilliseconds(500) },
        { "CoachFlow:Workflow:TaskHub", o => o.Workflow.TaskHub = "coach-flow" },
        { "CoachFlow:Workflow:TaskHub", o => o.Workflow.TaskHub = "1CoachFlow" },
        { "CoachFlow:Workflow:ActivityRetry:MaxAttempts", o => o.Workflow.ActivityRetry.MaxAttempts = 0 },
        { "CoachFlow:Workflow:ActivityRetry:FirstRetryInterval", o => o.Workflow.ActivityRetry.FirstRetryInterval = TimeSpan.Zero },
        { "CoachFlow:Workflow:ActivityRetry:BackoffCoefficient", o => o.Workflow.ActivityRetry.BackoffCoefficient = 0.5 },
        { "CoachFlow:Workflow:ActivityRetry:MaxRetryInterval", o => o.Workflow.ActivityRetry.MaxRetryInterval = TimeSpan.FromSeconds(1) },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Each_invalid_key_is_named_in_the_failure(string key, Action<CoachFlowOptions> breakIt)
    {
        var failures = Failures(breakIt);

        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Matches("^CoachFlow:[A-Za-z0-9:]+ ", f));
        Assert.Contains(failures, f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("WhatCoachingIs")]
    [InlineData("Services")]
    [InlineData("RolesAndResponsibilities")]
    [InlineData("LogisticsAndFees")]
    [InlineData("SchedulingAndCancellation")]
    [InlineData("DurationAndTermination")]
    [InlineData("Confidentiality")]
    public void A_profile_that_leaves_out_an_agreement_section_is_refused(string section)
    {
        // Left out, not set empty: what the section holds when configuration never mentions it.
        var key = $"CoachFlow:Coach:AgreementTerms:{section}";
        var withoutSection = new ConfigurationBuilder()
            .AddInMemoryCollection(SampleConfiguration().AsEnumerable().Where(e => !string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)))
            .Build();
        var options = new CoachFlowOptions();
        withoutSection.GetSection(CoachFlowOptions.SectionName).Bind(options);

        var result = new CoachFlowOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Durations_read_as_iso_8601_as_well_as_clock_time_and_anything_else_names_the_key()
    {
        DurationConverter.Register();
        var options = new CoachFlowOptions();
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CoachFlow:Durations:TriageReminder"] = "PT90S",
            ["CoachFlow:Durations:TriageTimeout"] = "P7DT12H",
            ["CoachFlow:Durations:BookingReminder"] = "1.02:03:04",
            ["CoachFlow:Workflow:ActivityRetry:FirstRetryInterval"] = "00:00:00.250",
        }).Build().GetSection(CoachFlowOptions.SectionName).Bind(options);

        Assert.Equal(TimeSpan.FromSeconds(90), options.Durations.TriageReminder);
        Assert.Equal(TimeSpan.FromDays(7.5), options.Durations.TriageTimeout);
        Assert.Equal(new TimeSpan(1, 2, 3, 4), options.Durations.BookingReminder);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Workflow.ActivityRetry.FirstRetryInterval);
        var wrong = Assert.Throws<InvalidOperationException>(() => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CoachFlow:Durations:TriageTimeout"] = "a week" })
            .Build().GetSection(CoachFlowOptions.SectionName).Bind(new CoachFlowOptions()));
        Assert.Contains("CoachFlow:Durations:TriageTimeout", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Managed_identity_storage_needs_the_table_endpoint_and_the_identity_client_id() =>
        Assert.Empty(Failures(o => { o.Storage.ConnectionString = null; o.Storage.TableServiceUri = TableServiceUri; o.Storage.ManagedIdentityClientId = ClientId; }));

    [Fact]
    public void A_key_vault_reference_app_service_left_unresolved_is_refused_though_it_is_long_enough()
    {
        var reference = UnresolvedReference("link-signing-key");

        Assert.True(reference.Length >= 32);
        var failure = Assert.Single(Failures(o => o.LinkSigningKey = reference));
        Assert.StartsWith("CoachFlow:LinkSigningKey is a Key Vault reference App Service could not resolve", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_host_exits_with_one_line_naming_each_missing_key()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "CoachFlow.LocalHost.dll"), "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["CoachFlow__Coach__Name"] = "Sam" },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var message = (await stderr).Trim();
        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("CoachFlow cannot start: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("CoachFlow:Coach:Email", message, StringComparison.Ordinal);
        Assert.Contains("CoachFlow:LinkSigningKey", message, StringComparison.Ordinal);
        Assert.DoesNotContain("CoachFlow:Coach:Name", message, StringComparison.Ordinal);
    }
}
