using CoachFlow.Infrastructure.Email;
using CoachFlow.Tests.Lifecycle;

namespace CoachFlow.Tests.Privacy;

/// <summary>What every path must show of the note: in some email to the coach; in no email to the client, nor on any page or status their links open.</summary>
internal static class SpecialCategory
{
    public static async Task AssertOnlyTheCoachSawAsync(HttpClient client, LifecycleDriver drive, string note, string path)
    {
        Assert.True((await drive.EmailsToAsync(LifecycleDriver.CoachEmail)).Any(e => e.Text.Contains(note, StringComparison.Ordinal)), $"{path}: the coach never saw the note");
        var toClient = await drive.EmailsToAsync(drive.Inbox);
        Assert.NotEmpty(toClient);
        foreach (var email in toClient)
        {
            Assert.False((email.Subject + email.Text + email.Html).Contains(note, StringComparison.Ordinal), $"{path}: the note is in the client's email \"{email.Subject}\"");

            // GET never acts. "Your data" is the client's own copy of what they told us, so it is theirs to see.
            foreach (var link in email.Links.Where(l => l.Label != EngagementMailer.YourDataLabel && l.Url.Host == "localhost"))
            {
                using var response = await client.GetAsync(link.Url.PathAndQuery, TestContext.Current.CancellationToken);
                Assert.False((await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Contains(note, StringComparison.Ordinal), $"{path}: the note is on the page of \"{link.Label}\" in \"{email.Subject}\"");
            }
        }

        Assert.DoesNotContain(await drive.TimelineAsync(), e => e.Summary.Contains(note, StringComparison.Ordinal));
    }
}
