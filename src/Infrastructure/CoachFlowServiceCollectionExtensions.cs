using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.BrowserSecurity;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.RequestLimits;
using CoachFlow.Infrastructure.RequestLogging;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Privacy;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Infrastructure.Workspace;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure;

public static class CoachFlowServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: validated options, storage, links, intake rules.</summary>
    public static IServiceCollection AddCoachFlow(this IServiceCollection services, IConfiguration configuration)
    {
        DurationConverter.Register();
        services.AddOptions<CoachFlowOptions>()
            .Bind(configuration.GetSection(CoachFlowOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CoachFlowOptions>, CoachFlowOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();

        // Pages are Razor components; the renderer encodes with the container's HtmlEncoder, which keeps
        // letters such as é or – readable (markup characters and quotes are always encoded).
        services.AddRazorComponents();
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddSingleton(sp => TableServiceClientFactory.Create(sp.GetRequiredService<IOptions<CoachFlowOptions>>().Value.Storage));
        services.AddSingleton<CoachFlowTables>();
        services.AddCoachFlowSecurityHeaders();
        services.AddUrlFreeLogging();
        services.AddCoachFlowRateLimits();
        services.AddHostedService<TableInitializer>();
        services.AddSingleton<EngagementStore>();
        services.AddSingleton<EngagementTimeline>();
        services.AddSingleton<SlotReservationStore>();
        services.AddSingleton<ChemistryScheduler>();
        services.AddSingleton<ILinkActionHandler, CancelChemistryAction>();
        services.AddSingleton<ChemistryConfirmation>();
        services.AddSingleton<ChemistryAttendance>();
        services.AddSingleton<ILinkActionHandler, SessionHeldAction>();
        services.AddSingleton<ILinkActionHandler, NoShowAction>();
        services.AddSingleton<ILinkActionHandler, InviteToChemistryAction>();
        services.AddSingleton<ILinkActionHandler, DeclineAtTriageAction>();
        services.AddSingleton<ILinkActionHandler, WithdrawEngagementAction>();
        services.AddSingleton<EngagementActivities>();
        services.AddSingleton<ErasureTombstones>();
        services.AddSingleton<EngagementEraser>();
        services.AddSingleton<EngagementExporter>();
        services.AddSingleton<RetentionSweep>();
        services.AddSingleton<ReflectionRecorder>();
        services.AddCoachSession();
        services.AddSingleton<CoachSignIns>();
        services.AddSingleton<Pipeline>();
        services.AddSingleton<WorkspaceEngagements>();
        services.AddSingleton<ClientLinkResend>();

        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<EngagementMailer>();
        services.AddSingleton<EngagementRecords>();
        services.AddSingleton<OutboxStore>();
        services.AddSendGridHttpClient();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<CoachFlowOptions>>().Value.Email.Provider == EmailProvider.SendGrid
            ? new SendGridEmailSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridHttpClient.Name), sp.GetRequiredService<IOptions<CoachFlowOptions>>())
            : ActivatorUtilities.CreateInstance<OutboxEmailSender>(sp));

        services.AddSingleton<LinkSigner>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<SignedLinks>();
        services.AddSingleton(sp =>
        {
            var coach = sp.GetRequiredService<IOptions<CoachFlowOptions>>().Value.Coach;
            return new IntakeRules(coach.EffectiveFocusAreas, coach.TimeZone);
        });
        return services;
    }
}
