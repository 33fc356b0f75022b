using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Health;
using CoachFlow.Infrastructure.Intake;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Routing;

namespace CoachFlow.Infrastructure;

public static class CoachFlowEndpointRouteBuilderExtensions
{
    /// <summary>The HTTP surface of DESIGN §2.3 that both hosts serve (everything but <c>/dev/*</c>).</summary>
    public static IEndpointRouteBuilder MapCoachFlow(this IEndpointRouteBuilder routes) =>
        routes.MapIntakeApi()
            .MapEngagementStatusApi()
            .MapBookingApi()
            .MapActApi()
            .MapReflectionApi()
            .MapAgreementApi()
            .MapHealthApi();
}
