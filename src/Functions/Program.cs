using CoachFlow.Functions.Http;
using CoachFlow.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCoachFlow(builder.Configuration);
builder.Services.AddFunctionsHttpForwarding();
builder.Build().Run();
