extern alias functions;

using System.Net.Http.Headers;
using System.Reflection;
using CoachFlow.Infrastructure;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.LocalHost.Engine;
using functions::CoachFlow.Functions.Http;
using functions::CoachFlow.Functions.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// The Functions app's own code on the real Durable Task engine, with the Functions host played by a
/// few lines: the orchestrator and every activity are the app's <c>[Function]</c> methods, registered
/// under their function names, and HTTP requests reach the app's <c>[HttpTrigger]</c> methods by their
/// declared routes and methods, with the engine's <see cref="DurableTaskClient"/> for the
/// <c>[DurableClient]</c> parameter, as the host does. The app's container is built as the app builds
/// it (AddCoachFlow, AddFunctionsHttpForwarding) and, like in Azure, holds no Durable client of its
/// own; it is validated on build, so a singleton that would capture a per-invocation client fails here.
/// </summary>
public sealed class FunctionsAppOnEngine : IAsyncDisposable
{
    private static readonly Assembly App = typeof(EngagementOrchestrator).Assembly;

    private readonly DurableTaskTestHost _engine;
    private readonly ServiceProvider _app;

    private FunctionsAppOnEngine(DurableTaskTestHost engine, ServiceProvider app)
    {
        _engine = engine;
        _app = app;
        Http = new HttpClient(new TriggerHandler(app, engine.Client)) { BaseAddress = new Uri("http://localhost:7071") };
    }

    /// <summary>The app's own services.</summary>
    public IServiceProvider Services => _app;

    /// <summary>What the Functions host would hand a <c>[DurableClient]</c> parameter.</summary>
    public DurableTaskClient Durable => _engine.Client;

    public HttpClient Http { get; }

    public static async Task<FunctionsAppOnEngine> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AzuriteFixture.RepositoryRoot, "src", "LocalHost", "appsettings.Development.json"))
            .AddInMemoryCollection(TestSettings.Isolated(AzuriteFixture.UniqueTablePrefix(), AzuriteFixture.UniqueTaskHub(), EngineBackend.InMemory))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var app = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<FunctionsWebHostEnvironment>()
            .AddSingleton<IHostEnvironment>(sp => sp.GetRequiredService<FunctionsWebHostEnvironment>())
            .AddSingleton<IWebHostEnvironment>(sp => sp.GetRequiredService<FunctionsWebHostEnvironment>())
            .AddCoachFlow(configuration)
            .AddFunctionsHttpForwarding()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await app.GetRequiredService<CoachFlowTables>().CreateAllAsync(CancellationToken.None);
        var engine = await DurableTaskTestHost.StartAsync(registry => RegisterFunctions(registry, app));
        return new FunctionsAppOnEngine(engine, app);
    }

    /// <summary>Runs one of the app's non-HTTP functions (a timer trigger, say) as the host would.</summary>
    public async Task RunAsync<TFunction>(Func<TFunction, DurableTaskClient, Task> run)
        where TFunction : class
    {
        ArgumentNullException.ThrowIfNull(run);
        await run(ActivatorUtilities.GetServiceOrCreateInstance<TFunction>(_app), _engine.Client);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _engine.DisposeAsync();
        var tables = _app.GetRequiredService<CoachFlowTables>();
        foreach (var name in TableName.All)
        {
            await tables.Get(name).DeleteAsync(CancellationToken.None);
        }

        await _app.DisposeAsync();
    }

    private static void RegisterFunctions(DurableTaskRegistry registry, IServiceProvider app)
    {
        foreach (var method in App.GetTypes().SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
            var trigger = method.GetParameters()[0];
            if (trigger.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
            {
                // The plain worker hands the orchestrator its input as deserialized to this type; GetInput<string>() is then a cast.
                registry.AddOrchestratorFunc<string, object?>(name, async (context, _) => await Await(method.Invoke(null, [context])));
            }
            else if (trigger.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
            {
                registry.AddActivity(name, _ => new FunctionActivity(ActivatorUtilities.GetServiceOrCreateInstance(app, method.DeclaringType!), method));
            }
        }
    }

    /// <summary>The awaited result of a function method: a Task, a Task of T, or a plain value.</summary>
    private static async Task<object?> Await(object? result)
    {
        if (result is not Task task)
        {
            return result;
        }

        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }

    private sealed class FunctionActivity(object target, MethodInfo method) : ITaskActivity
    {
        public Type InputType => method.GetParameters()[0].ParameterType;

        public Type OutputType => method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : typeof(object);

        public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
            Await(method.Invoke(target, [.. method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : input)]));
    }

    /// <summary>A response that runs its <c>OnStarting</c> callbacks when told to, as a server does before it sends the headers.</summary>
    private sealed class StartingResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            // Last registered runs first, as in Kestrel.
            for (var i = _starting.Count - 1; i >= 0; i--)
            {
                await _starting[i].Callback(_starting[i].State);
            }
        }
    }

    /// <summary>Plays the Functions host's HTTP side: picks the HTTP-triggered method by method and route, binds route values by name.</summary>
    private sealed class TriggerHandler(IServiceProvider services, DurableTaskClient durable) : HttpMessageHandler
    {
        private static readonly (MethodInfo Method, HttpTriggerAttribute Trigger)[] Triggers =
        [
            .. App.GetTypes().SelectMany(t => t.GetMethods())
                .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
                .Where(x => x.Trigger is not null)
                .Select(x => (x.Method, x.Trigger!)),
        ];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var (method, values) = Triggers
                .Where(t => t.Trigger.Methods!.Contains(request.Method.Method, StringComparer.OrdinalIgnoreCase))
                .Select(t => (t.Method, Values: Match(t.Trigger.Route!, path)))
                .FirstOrDefault(x => x.Values is not null);
            if (method is null)
            {
                return new HttpResponseMessage(System.Net.HttpStatusCode.NotFound);
            }

            await using var scope = services.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            var started = new StartingResponse();
            context.Features.Set<IHttpResponseFeature>(started);
            context.Request.Method = request.Method.Method;
            context.Request.Scheme = request.RequestUri.Scheme;
            context.Request.Host = new HostString(request.RequestUri.Authority);
            context.Request.Path = path;
            context.Request.QueryString = new QueryString(request.RequestUri.Query);
            foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                context.Request.Headers[header.Key] = header.Value.ToArray();
            }

            context.Request.Body = new MemoryStream(request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken));
            context.Response.Body = new MemoryStream();

            var target = ActivatorUtilities.GetServiceOrCreateInstance(services, method.DeclaringType!);
            var arguments = method.GetParameters().Select(p =>
                p.ParameterType == typeof(HttpRequest) ? context.Request
                : p.ParameterType == typeof(DurableTaskClient) ? durable
                : (object?)values![p.Name!]).ToArray();
            await Await(method.Invoke(target, arguments));
            await started.StartAsync();

            var response = new HttpResponseMessage((System.Net.HttpStatusCode)context.Response.StatusCode)
            {
                Content = new ByteArrayContent(((MemoryStream)context.Response.Body).ToArray()),
            };
            foreach (var (name, value) in context.Response.Headers.Where(h => h.Key is not ("Content-Type" or "Content-Length" or "Location")))
            {
                response.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
            if (context.Response.ContentType is { } contentType)
            {
                response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            if (context.Response.Headers.Location.Count > 0)
            {
                response.Headers.Location = new Uri(context.Response.Headers.Location.ToString(), UriKind.RelativeOrAbsolute);
            }

            return response;
        }

        /// <summary>The route values when <paramref name="path"/> fits <paramref name="route"/> (literal segments and <c>{name}</c>); otherwise null.</summary>
        private static Dictionary<string, string>? Match(string route, string path)
        {
            var pattern = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (pattern.Length != segments.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i].StartsWith('{'))
                {
                    values[pattern[i].Trim('{', '}')] = Uri.UnescapeDataString(segments[i]);
                }
                else if (!string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return values;
        }
    }
}
