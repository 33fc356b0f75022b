using CoachFlow.Infrastructure.DevelopmentStorage;
using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost;

/// <summary>Turns the failures a person can fix (configuration, missing Node) into one clear line and exit code 1.</summary>
internal static class StartupFailures
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"CoachFlow cannot start: {string.Join(" ", e.Failures)}").ConfigureAwait(false);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"CoachFlow cannot start: {e.Message}").ConfigureAwait(false);
        }
        catch (DevelopmentStorageException e)
        {
            await Console.Error.WriteLineAsync($"CoachFlow cannot start: {e.Message}").ConfigureAwait(false);
        }

        return 1;
    }
}
