using System.Globalization;
using System.Net;
using CoachFlow.Domain.Engagements;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// The booked session's own clock, in real time: a coach who books one-minute sessions at any hour
/// with no notice, so a session starts within a minute or two. Without "Session held" or "No-show",
/// the reminder goes out before the start and the reflections when the session ends.
/// </summary>
public sealed class SessionTimingTests() : AppTest(new CoachFlowApp(AnyMinute(sessionReminderBefore: "00:00:30")), followRedirects: false)
{
    /// <summary>Long enough for a session up to three minutes ahead to end.</summary>
    public static readonly TimeSpan SessionClock = TimeSpan.FromMinutes(4);

    /// <summary>A coach free every minute of every day, with one-minute sessions and no notice.</summary>
    public static Dictionary<string, string?> AnyMinute(string sessionReminderBefore)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CoachFlow:Coach:ChemistryLength"] = "00:01:00",
            ["CoachFlow:Coach:Buffer"] = "00:00:00",
            ["CoachFlow:Coach:MinimumNotice"] = "00:00:00",
            ["CoachFlow:Coach:Horizon"] = "1.00:00:00",
            ["CoachFlow:Durations:SessionReminderBefore"] = sessionReminderBefore,
        };
        foreach (var (day, i) in Enum.GetValues<DayOfWeek>().Select((d, i) => (d, i)))
        {
            settings[$"CoachFlow:Coach:WeeklyAvailability:{i}:Day"] = day.ToString();
            settings[$"CoachFlow:Coach:WeeklyAvailability:{i}:Start"] = "00:00";
            settings[$"CoachFlow:Coach:WeeklyAvailability:{i}:End"] = "23:59";
        }

        return settings;
    }

    [Fact]
    public async Task Without_a_word_from_the_coach_the_reminder_goes_out_before_the_start_and_the_reflections_when_the_session_ends()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        await drive.InviteAsync();

        // Far enough ahead that the reminder, 30 s before the start, is still to come.
        var start = await drive.BookFirstSlotAsync(notBefore: DateTimeOffset.UtcNow.AddSeconds(45));

        var reminder = await drive.EmailAsync(LifecycleDriver.ClientEmail, "See you soon", within: SessionClock);
        await drive.EmailAsync(LifecycleDriver.CoachEmail, "Chemistry session soon: Ada Lovelace");
        Assert.True(reminder.SentAt < start, $"reminder at {reminder.SentAt:O}, session at {start:O}");
        Assert.Equal(Stage.ChemistryScheduled, await drive.StageAsync());

        await drive.WaitForStageAsync(Stage.AwaitingDecisions, within: SessionClock);
        var reflection = await drive.EmailAsync(LifecycleDriver.ClientEmail, "How did it feel?");
        // Azure Storage timers can fire up to a second early; the session is over within that second.
        Assert.True(reflection.SentAt >= start.AddMinutes(1).AddSeconds(-1), $"reflection at {reflection.SentAt:O}, session ended {start.AddMinutes(1):O}");
        Assert.Contains(await drive.TimelineAsync(), e => e.Summary == "Stage: AwaitingDecisions" && e.Actor == Actor.System);
    }
}

/// <summary>
/// The session reminder follows a reschedule. The reminder lead is 9 min 45 s: a booking 5 to 6 minutes
/// ahead is already inside it (no reminder), and moving it 5 minutes later puts the new reminder 15 to
/// 75 seconds away. A reminder still tied to the first time would never come.
/// </summary>
public sealed class RescheduleTimingTests() : AppTest(new CoachFlowApp(SessionTimingTests.AnyMinute(sessionReminderBefore: "00:09:45")), followRedirects: false)
{
    [Fact]
    public async Task A_rescheduled_session_sends_an_update_and_the_reminder_follows_the_new_time()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        await drive.InviteAsync();
        var first = await drive.BookFirstSlotAsync(notBefore: DateTimeOffset.UtcNow.AddMinutes(5));
        var reschedule = await drive.LinkAsync(LifecycleDriver.ClientEmail, "Your chemistry session with Sam Rivers Coaching is booked", "Choose a new time");

        var later = first.AddMinutes(5);
        var moved = await drive.PostAsync(reschedule, ("slot", later.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        var update = await drive.EmailAsync(LifecycleDriver.ClientEmail, "Your chemistry session with Sam Rivers Coaching has moved");
        Assert.Equal(1, Ical.Net.Calendar.Load(update.Attachments[0].Content)!.Events.Single().Sequence);
        await drive.EmailAsync(LifecycleDriver.CoachEmail, "Chemistry session moved: Ada Lovelace");
        var reminder = await drive.EmailAsync(LifecycleDriver.ClientEmail, "See you soon", within: SessionTimingTests.SessionClock);
        Assert.True(reminder.SentAt >= later.AddMinutes(-9.75).AddSeconds(-1), $"reminder at {reminder.SentAt:O} for a session at {later:O}");
        Assert.Equal(Stage.ChemistryScheduled, await drive.StageAsync());
    }
}
