extern alias functions;

using System.Reflection;
using System.Text.RegularExpressions;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Tests.TestSupport;
using functions::CoachFlow.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachFlow.Tests.Lifecycle.Activities;

/// <summary>
/// The Functions app's services over real tables, for running one activity at a time on an engagement made
/// for it: either the implementation itself (<see cref="EngagementActivities"/>) or the Functions app's
/// activity trigger of that name, as the Functions host would call it. Emails go to the dev outbox.
/// </summary>
public sealed partial class ActivityBench : IAsyncLifetime
{
    private FunctionsAppOnEngine _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await FunctionsAppOnEngine.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public string CoachEmail => Get<IOptions<CoachFlowOptions>>().Value.Coach.Email;

    /// <summary>A new engagement in the case's stage, with a session two days ahead when the case needs one, and a client address of its own.</summary>
    public async Task<EngagementId> EngagementForAsync(ActivityCase activityCase)
    {
        ArgumentNullException.ThrowIfNull(activityCase);
        var id = EngagementIds.New();
        var now = DateTimeOffset.UtcNow;
        var answers = new IntakeAnswers("Ada Lovelace", $"ada-{id.Value[..8].ToLowerInvariant()}@example.com", "America/Los_Angeles", "Lead well", ["Communication"], MentalHealthSupport.No, null, null);
        var store = Get<EngagementStore>();
        await store.CreateAsync(id, answers, idempotencyKey: null, now, Ct);
        var start = new DateTimeOffset(now.Date.AddDays(2).AddHours(13), TimeSpan.Zero);
        await store.UpdateAsync(id, e => e with { Stage = activityCase.Stage, Chemistry = activityCase.Booked ? new ChemistrySession(start, start.AddMinutes(30), 0) : null }, Ct);
        return id;
    }

    public async Task<Engagement> EngagementAsync(EngagementId id) => (await Get<EngagementStore>().GetAsync(id, Ct))!;

    /// <summary>Runs the implementation: the <see cref="EngagementActivities"/> method named for the activity.</summary>
    public Task<object?> RunActivityAsync(ActivityCase activityCase, EngagementId id)
    {
        ArgumentNullException.ThrowIfNull(activityCase);
        var method = typeof(EngagementActivities).GetMethods().Single(m => m.Name == activityCase.Activity || m.Name == activityCase.Activity + "Async");
        return InvokeAsync(Get<EngagementActivities>(), method, activityCase.Input(id));
    }

    /// <summary>Runs the Functions app's <c>[Function]</c> with an <c>[ActivityTrigger]</c> of the activity's name.</summary>
    public Task<object?> RunFunctionAsync(ActivityCase activityCase, EngagementId id)
    {
        ArgumentNullException.ThrowIfNull(activityCase);
        var method = ActivityFunctions().Single(m => m.GetCustomAttribute<FunctionAttribute>()!.Name == activityCase.Activity);
        return InvokeAsync(ActivatorUtilities.CreateInstance(_app.Services, method.DeclaringType!), method, activityCase.Input(id));
    }

    /// <summary>Every activity trigger of the Functions app.</summary>
    public static IEnumerable<MethodInfo> ActivityFunctions() =>
        typeof(EngagementActivityFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null && m.GetParameters() is [var first, ..] && first.GetCustomAttribute<ActivityTriggerAttribute>() is not null);

    /// <summary>The emails of one engagement in the outbox.</summary>
    public async Task<IReadOnlyList<OutboxEmail>> EmailsAsync(EngagementId id)
    {
        var emails = new List<OutboxEmail>();
        await foreach (var row in Get<CoachFlowTables>().Get(TableName.Outbox).QueryAsync<OutboxEntity>(e => e.EngagementId == id.Value, cancellationToken: Ct))
        {
            emails.Add(row.ToEmail());
        }

        return emails;
    }

    /// <summary>
    /// The engagement's emails are exactly the case's: each to its recipient, with its subject, and every signed
    /// link in it (listed or in the text) granted to that recipient for this engagement, the listed ones being
    /// exactly the expected actions.
    /// </summary>
    public async Task AssertSentAsync(ActivityCase activityCase, EngagementId id)
    {
        ArgumentNullException.ThrowIfNull(activityCase);
        var emails = await EmailsAsync(id);
        var client = (await EngagementAsync(id)).Intake.Email;
        Assert.True(emails.Count == activityCase.Emails.Count, $"{activityCase.Label}: expected {activityCase.Emails.Count} emails, got: {string.Join(" | ", emails.Select(e => $"{e.To}: {e.Subject}"))}");
        foreach (var expected in activityCase.Emails)
        {
            var to = expected.To == Actor.Client ? client : CoachEmail;
            var email = Assert.Single(emails, e => e.To == to && e.Subject.StartsWith(expected.Subject, StringComparison.Ordinal));
            var listed = new HashSet<(Actor, LinkAction)>();
            foreach (var link in email.Links)
            {
                if (await GrantAsync(link.Url) is { } grant)
                {
                    Assert.True(grant.EngagementId == id && grant.Actor == expected.To, $"\"{email.Subject}\" to the {expected.To}: its link \"{link.Label}\" acts for the {grant.Actor} ({grant.Action})");
                    listed.Add((grant.Actor, grant.Action));
                }
            }

            Assert.True(expected.Grants.SetEquals(listed), $"\"{email.Subject}\": links [{string.Join(", ", listed)}], expected [{string.Join(", ", expected.Grants)}]");
            foreach (Match url in Url().Matches(email.Text + "\n" + email.Html))
            {
                if (await GrantAsync(new Uri(System.Net.WebUtility.HtmlDecode(url.Value).TrimEnd('.', ',', ')', ';'))) is { } grant)
                {
                    Assert.True(grant.EngagementId == id && grant.Actor == expected.To, $"\"{email.Subject}\" to the {expected.To}: a link in its body acts for the {grant.Actor} ({grant.Action})");
                }
            }
        }
    }

    /// <summary>What a CoachFlow link grants; null for links that carry no token (the video call).</summary>
    private async Task<LinkGrant?> GrantAsync(Uri url)
    {
        var token = System.Web.HttpUtility.ParseQueryString(url.Query)["token"] ?? url.AbsolutePath.Split('/')[^1];
        return await Get<LinkSigner>().ValidateAsync(token, Enum.GetValues<LinkAction>());
    }

    private static async Task<object?> InvokeAsync(object target, MethodInfo method, object? input)
    {
        var result = method.Invoke(target, [.. method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? (object?)Ct : input)]);
        if (result is not Task task)
        {
            return result;
        }

        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Url();
}
