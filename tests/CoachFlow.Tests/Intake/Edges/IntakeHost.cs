using CoachFlow.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachFlow.Tests.Intake.Edges;

/// <summary>One host for every row of a table of intakes: starting a host per row would cost more than the rows.</summary>
public sealed class IntakeHost : IAsyncLifetime
{
    public CoachFlowApp App { get; } = new(fakeClock: true);

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
