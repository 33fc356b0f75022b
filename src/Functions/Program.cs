using CoachFlow.Domain.Workflow;
using CoachFlow.Functions.Http;
using CoachFlow.Functions.Workflow;
using CoachFlow.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCoachFlow(builder.Configuration);
builder.Services.AddSingleton<IWorkflowClient, DurableWorkflowClient>();
builder.Services.AddSingleton<HttpForwarder>();
builder.Build().Run();
