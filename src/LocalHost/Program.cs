using CoachFlow.Infrastructure;
using CoachFlow.Infrastructure.BrowserSecurity;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.RequestLogging;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.LocalHost;
using CoachFlow.LocalHost.DevTools;
using CoachFlow.LocalHost.Engine;
using CoachFlow.LocalHost.Privacy;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCoachFlow(builder.Configuration);
builder.Services.AddLocalEngine(builder.Configuration, tasks => tasks.AddEngagementWorkflow());
builder.Services.AddLocalDevTools(builder.Configuration, builder.Environment);
builder.Services.AddHostedService<RetentionTimer>();
builder.Services.AddRouteOnlyRequestLogging();

var app = builder.Build();
app.UseCoachFlowSecurityHeaders();
app.UseRouteOnlyRequestLogging();
app.UseCoachFlowErrorPages();
app.UseCoachFlowRouteGuards();
app.MapCoachFlow();
app.MapDevTools();
return await StartupFailures.RunAsync(app);

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
