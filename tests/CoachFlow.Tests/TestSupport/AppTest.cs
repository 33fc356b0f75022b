using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachFlow.Tests.TestSupport;

/// <summary>A test class with one in-memory local host and a client for it, torn down afterwards.</summary>
public abstract class AppTest(CoachFlowApp app, bool followRedirects = true) : IAsyncLifetime
{
    protected CoachFlowApp App { get; } = app;

    protected HttpClient Client { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync()
    {
        Client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
