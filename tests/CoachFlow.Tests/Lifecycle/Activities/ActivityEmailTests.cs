namespace CoachFlow.Tests.Lifecycle.Activities;

/// <summary>
/// Every email the workflow's activities send, each run on an engagement made for it: the right recipient,
/// and in it only that recipient's own links (a client never gets a link that acts as the coach, nor the
/// other way round), for reminders to a silent client and to a silent coach alike. Activities are delivered
/// at least once, so each runs twice here too and must still send each email once.
/// </summary>
public sealed class ActivityEmailTests(ActivityBench bench) : IClassFixture<ActivityBench>
{
    [Theory]
    [MemberData(nameof(ActivityCases.Labels), MemberType = typeof(ActivityCases))]
    public async Task Each_email_goes_to_its_recipient_carrying_only_that_recipients_own_links(string label)
    {
        var activity = ActivityCases.Named(label);
        var id = await bench.EngagementForAsync(activity);

        var result = await bench.RunActivityAsync(activity, id);

        await bench.AssertSentAsync(activity, id);
        if (activity.Check is { } check)
        {
            await check(bench, id, result);
        }
    }

    [Theory]
    [MemberData(nameof(ActivityCases.Labels), MemberType = typeof(ActivityCases))]
    public async Task An_activity_delivered_twice_sends_each_of_its_emails_once(string label)
    {
        var activity = ActivityCases.Named(label);
        var id = await bench.EngagementForAsync(activity);

        await bench.RunActivityAsync(activity, id);
        await bench.RunActivityAsync(activity, id);

        await bench.AssertSentAsync(activity, id);
    }
}
