using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.DevelopmentStorage;

namespace CoachFlow.LocalHost.DevTools;

internal static class DevToolsServiceCollectionExtensions
{
    /// <summary>The local-only extra: in Development, Azurite when the storage is the emulator.</summary>
    public static IServiceCollection AddLocalDevTools(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
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
