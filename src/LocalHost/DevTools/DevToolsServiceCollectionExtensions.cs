using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.DevelopmentStorage;
using CoachFlow.LocalHost.Workflow;

namespace CoachFlow.LocalHost.DevTools;

internal static class DevToolsServiceCollectionExtensions
{
    /// <summary>
    /// The local-only extras: in Development the movable dev clock, and Azurite when the storage is
    /// the emulator.
    /// </summary>
    public static IServiceCollection AddLocalDevTools(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            services.AddSingleton<DevClock>();
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DevClock>());
        }

        var connectionString = configuration[$"{CoachFlowOptions.SectionName}:Storage:ConnectionString"];
        if (environment.IsDevelopment() && EmulatorConnection.TablePort(connectionString) is { } port)
        {
            var root = AzuriteSettings.FindRepositoryRoot(environment.ContentRootPath)
                ?? AzuriteSettings.FindRepositoryRoot(AppContext.BaseDirectory)
                ?? environment.ContentRootPath;
            services.AddSingleton(new AzuriteSettings(root, port, Path.Combine(root, ".azurite")));
            services.AddHostedService<AzuriteHostedService>();
        }

        return services;
    }
}
