using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Email;

/// <summary>
/// SendGrid's <c>POST /v3/mail/send</c> as a small Kestrel server on a random loopback port, for the
/// real SendGrid client to talk to. Like SendGrid it answers 401 to any other key than <see cref="ApiKey"/>.
/// Each call gets the next scripted reply (<see cref="Reply"/>), else the rule's (<see cref="ReplyBy"/>),
/// else 202; every call and every mail it kept are recorded. Usable as a class fixture: a test class
/// calls <see cref="Reset"/> per test.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    public const string ApiKey = "SG.fake-sendgrid-key";

    private readonly WebApplication _server;
    private readonly ConcurrentQueue<SendGridReply> _script = new();
    private readonly ConcurrentQueue<SendGridCall> _calls = new();
    private volatile Func<ReceivedMail, SendGridReply> _rule = _ => SendGridReply.Accept;

    public FakeSendGrid()
        : this(port: 0)
    {
    }

    private FakeSendGrid(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        _server = builder.Build();
        _server.Run(HandleAsync);
        _server.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    /// <summary>SendGrid coming back on <paramref name="port"/>, where an app was told it is.</summary>
    public static FakeSendGrid StartOn(int port) => new(port);

    /// <summary>A loopback port nothing listens on (until <see cref="StartOn"/>): SendGrid unreachable.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>http://127.0.0.1:{port}: what <c>CoachFlow:Email:SendGridBaseUrl</c> is set to.</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<SendGridCall> Calls => [.. _calls];

    public IReadOnlyList<ReceivedMail> Accepted => [.. _calls.Where(c => c.Reply.Accepts).Select(c => c.Mail)];

    /// <summary>The app's settings for SendGrid through this fake: 1 s per attempt, 50 ms before the first quick retry.</summary>
    public Dictionary<string, string?> AppSettings() => AppSettings(BaseUrl);

    /// <inheritdoc cref="AppSettings()"/>
    public static Dictionary<string, string?> AppSettings(string baseUrl) => new()
    {
        ["CoachFlow:Email:Provider"] = "SendGrid",
        ["CoachFlow:Email:SendGridApiKey"] = ApiKey,
        ["CoachFlow:Email:SendGridBaseUrl"] = baseUrl,
        ["CoachFlow:Email:SendGridAttemptTimeout"] = "00:00:01",
        ["CoachFlow:Email:SendGridRetryDelay"] = "00:00:00.050",
    };

    /// <summary>The next calls get these replies, in order.</summary>
    public void Reply(params SendGridReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>Calls past the script are answered by <paramref name="rule"/>.</summary>
    public void ReplyBy(Func<ReceivedMail, SendGridReply> rule) => _rule = rule;

    public void Reset()
    {
        _script.Clear();
        _calls.Clear();
        _rule = _ => SendGridReply.Accept;
    }

    public IReadOnlyList<SendGridCall> CallsFor(string to, string subjectStart) =>
        [.. Calls.Where(c => c.Mail.To == to && c.Mail.Subject.StartsWith(subjectStart, StringComparison.Ordinal))];

    public IReadOnlyList<ReceivedMail> AcceptedFor(string to, string subjectStart) =>
        [.. CallsFor(to, subjectStart).Where(c => c.Reply.Accepts).Select(c => c.Mail)];

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/v3/mail/send")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var mail = ReceivedMail.Parse(await reader.ReadToEndAsync(context.RequestAborted));
        var reply = context.Request.Headers.Authorization != $"Bearer {ApiKey}"
            ? SendGridReply.Refuse(HttpStatusCode.Unauthorized)
            : _script.TryDequeue(out var scripted) ? scripted : _rule(mail);
        _calls.Enqueue(new SendGridCall(mail, reply));
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.DropsConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)reply.Status;
        if (reply.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (!reply.Accepts)
        {
            await context.Response.WriteAsJsonAsync(ErrorBody(reply.Status, mail), context.RequestAborted);
        }
    }

    /// <summary>SendGrid's error shape; the 400 echoes the recipient back, as a provider may.</summary>
    private static JsonObject ErrorBody(HttpStatusCode status, ReceivedMail mail) => new()
    {
        ["errors"] = new JsonArray(status switch
        {
            HttpStatusCode.BadRequest => new JsonObject { ["field"] = "personalizations.0.to.0.email", ["message"] = $"{mail.To} does not contain a valid address." },
            HttpStatusCode.Unauthorized => new JsonObject { ["field"] = null, ["message"] = "The provided authorization grant is invalid, expired, or revoked" },
            _ => new JsonObject { ["field"] = null, ["message"] = $"{(int)status} from the fake" },
        }),
    };
}
