using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachFlow.Domain.Engagements;
using CoachFlow.Tests.TestSupport;
using static CoachFlow.Tests.Lifecycle.Guards.LinkKind;
using static CoachFlow.Tests.Lifecycle.Guards.MovedOn;

namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>
/// Every link kind against every state an engagement can have moved on to: the page says what happened
/// (a readable page; problem+json for the status API) and nothing changes, neither on opening the link
/// nor on submitting its form as if to go ahead: no stage, timeline entry, record, email, slot
/// reservation or workflow step. Links that still apply in a state (booking while invited, the coach's
/// reflection while only the client has answered, ...) are left out here; their own tests use them.
/// </summary>
public sealed partial class MovedOnLinkTests(MovedOnEngagements engagements) : IClassFixture<MovedOnEngagements>
{
    private static readonly MovedOn[] Ended = [ExpiredAtTriage, DeclinedAtTriage, ExpiredAtBooking, Withdrawn, ExpiredAtDecisions, NotCompatible, AgreementLapsed, Contracted];

    /// <summary>States whose chemistry session was held: the coach's "Session held" stands as recorded.</summary>
    private static readonly MovedOn[] Held = [ClientReflected, ExpiredAtDecisions, NotCompatible, AwaitingAgreement, AgreementLapsed, Contracted];

    /// <summary>States where the client's reflection is recorded.</summary>
    private static readonly MovedOn[] ClientAnswered = Held;

    /// <summary>States where the coach's reflection is recorded (both said yes).</summary>
    private static readonly MovedOn[] CoachAnswered = [AwaitingAgreement, AgreementLapsed, Contracted];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<MovedOn, LinkKind> Rows()
    {
        var rows = new TheoryData<MovedOn, LinkKind>();
        foreach (var state in Enum.GetValues<MovedOn>())
        {
            foreach (var kind in Enum.GetValues<LinkKind>())
            {
                if (Expected(state, kind) is not null)
                {
                    rows.Add(state, kind);
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The table: what opening (GET) and submitting (POST) a link of <paramref name="kind"/> answers once
    /// the engagement is in <paramref name="state"/>. Null where the link still applies.
    /// </summary>
    private static (LinkAnswer Get, LinkAnswer? Post)? Expected(MovedOn state, LinkKind kind)
    {
        if (state == Erased)
        {
            return (LinkAnswer.Unknown, kind == Status ? null : LinkAnswer.Unknown);
        }

        var ended = Ended.Contains(state);
        LinkAnswer alreadyRecorded = new(200, "Already recorded", "already");
        LinkAnswer noSession = new(409, "No session waiting", $"the enquiry is now {StageOf(state)}");
        LinkAnswer notForBooking = new(ended ? 410 : 409, LinkAnswer.InvalidTitle, "no longer open for booking");
        LinkAnswer bookingClosed = new(409, LinkAnswer.InvalidTitle, "no longer open for booking");
        LinkAnswer notForReflection = new(409, "Not open for reflection", $"This engagement is now {StageOf(state)}");
        LinkAnswer reflected = new(200, "Already recorded", "already recorded; it stands as it is");
        return kind switch
        {
            Invite or Decline => state == ExpiredAtTriage
                ? Both(new(409, "This enquiry has moved on", "triage no longer applies"))
                : Both(new(200, "Already recorded", "Your triage decision stands.")),
            SessionHeld => state switch
            {
                Booked => null,
                _ when Held.Contains(state) => Both(alreadyRecorded),
                _ => Both(noSession),
            },
            NoShow => state == Booked ? null : Both(noSession),
            Cancel => state switch
            {
                Booked => null,
                Withdrawn => Both(new(200, "Already recorded", "The session is cancelled")),
                _ => Both(new(409, "Nothing to cancel", "no booked session to cancel")),
            },
            Book => state switch
            {
                Invited => null,
                Booked => (new(200, "You're booked", "Your chemistry session with"), new(200, "Already booked", "already booked this session")),
                _ => (notForBooking, bookingClosed),
            },
            Reschedule => state switch
            {
                Booked => null,
                Invited => Both(new(409, LinkAnswer.InvalidTitle, "no booked session to move")),
                _ => (notForBooking, bookingClosed),
            },
            CoachReflection => state switch
            {
                ClientReflected => null,
                _ when CoachAnswered.Contains(state) => Both(reflected),
                _ => Both(notForReflection),
            },
            ClientReflection => ClientAnswered.Contains(state) ? Both(reflected) : Both(notForReflection),
            Agreement => state switch
            {
                AwaitingAgreement => null,
                Contracted => Both(new(200, "Already accepted", "Ada Lovelace")),
                _ => Both(new(409, "This agreement is not open", $"This engagement is now {StageOf(state)}")),
            },

            // Data and status stay readable for the engagement's whole life; erasing (a POST) is allowed any time, so only GET is tried.
            YourData => (new(200, "Your data", "Ada Lovelace"), null),
            Status => (new(200, string.Empty, StageOf(state).ToString()), null),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        static (LinkAnswer, LinkAnswer) Both(LinkAnswer answer) => (answer, answer);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_link_the_engagement_has_moved_past_says_so_and_changes_nothing(MovedOn state, LinkKind kind)
    {
        var engagement = engagements[state];
        var (get, post) = Expected(state, kind)!.Value;
        var link = engagement.Link(kind);
        var host = engagement.Host;
        var before = await host.SnapshotAsync();
        Assert.True(before == host.Baseline, $"Something on the {state} engagement's host changed after an earlier row was done with it:\n{StoredState.Difference(host.Baseline, before)}");
        var running = await engagement.WorkflowRunsAsync();
        var answers = new List<string>();
        try
        {
            answers.Add(kind == Status ? await StatusAnswerAsync(engagement, link, get) : await PageAnswerAsync("GET", get, await engagement.Client.GetAsync(link, Ct)));
            if (post is not null)
            {
                answers.Add(await PageAnswerAsync("POST", post, await engagement.Client.PostAsync(link, await engagement.FormAsync(kind), Ct)));
            }

            if (running)
            {
                // Long enough for a workflow step a stray event set off to show in the snapshot.
                await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            }
        }
        finally
        {
            // Later rows check only what changes from here: one stray write fails its own row, not every row after it.
            host.Baseline = await host.SnapshotAsync();
        }

        Assert.True(before == host.Baseline, $"Following the {kind} link on the {state} engagement changed:\n{StoredState.Difference(before, host.Baseline)}\n{string.Join('\n', answers)}");
        Assert.Equal(state == Erased ? null : StageOf(state), await engagement.StageAsync());
        Assert.All(answers, answer => Assert.True(answer.Length == 0, answer));
    }

    /// <summary>What is wrong with the status API's answer; empty when nothing.</summary>
    private static async Task<string> StatusAnswerAsync(MovedOnEngagement engagement, string link, LinkAnswer expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Accept.ParseAdd("application/json");
        var response = await engagement.Client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var type = response.Content.Headers.ContentType?.MediaType;
        var right = expected.Status == 404
            ? response.StatusCode == HttpStatusCode.NotFound && type == "application/problem+json"
            : response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(body)?["stage"]?.GetValue<string>() == expected.Says;
        return right ? string.Empty : $"The status API answered {(int)response.StatusCode} {type}: {body}; expected {expected.Status} with stage {expected.Says}.";
    }

    /// <summary>What is wrong with a page's answer; empty when nothing.</summary>
    private static async Task<string> PageAnswerAsync(string method, LinkAnswer expected, HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        var title = Heading().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "(no heading)";
        var type = response.Content.Headers.ContentType?.MediaType;
        var right = (int)response.StatusCode == expected.Status && title == expected.Title && type == "text/html"
            && WebUtility.HtmlDecode(html).Contains(expected.Says, StringComparison.OrdinalIgnoreCase);
        return right ? string.Empty : $"{method} answered {(int)response.StatusCode} \"{title}\" ({type}); expected {expected}. Page: {Text(html)}";
    }

    private static Stage StageOf(MovedOn state) => state switch
    {
        ExpiredAtTriage or ExpiredAtBooking or ExpiredAtDecisions => Stage.Expired,
        DeclinedAtTriage => Stage.Declined,
        Invited => Stage.AwaitingBooking,
        Booked => Stage.ChemistryScheduled,
        MovedOn.Withdrawn => Stage.Withdrawn,
        ClientReflected => Stage.AwaitingDecisions,
        MovedOn.NotCompatible => Stage.NotCompatible,
        MovedOn.AwaitingAgreement => Stage.AwaitingAgreement,
        MovedOn.AgreementLapsed => Stage.AgreementLapsed,
        MovedOn.Contracted => Stage.Contracted,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static string Text(string html) => Tags().Replace(html[(html.IndexOf("<main", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..], " ");

    [GeneratedRegex("<h1>(.*?)</h1>")]
    private static partial Regex Heading();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
