using CoachFlow.Infrastructure.Workspace;

namespace CoachFlow.Tests.Workspace;

/// <summary>How long an engagement has waited, in the words the pipeline shows, and a moment in the coach's own zone.</summary>
public sealed class WorkspaceTimeTests
{
    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(60, "1 minute")]
    [InlineData(59 * 60 + 59, "59 minutes")]
    [InlineData(3600, "1 hour")]
    [InlineData(3 * 3600 + 1800, "3 hours")]
    [InlineData(24 * 3600, "1 day")]
    [InlineData(9 * 24 * 3600 + 3600, "9 days")]
    public void A_wait_reads_in_its_largest_whole_unit(int seconds, string words) =>
        Assert.Equal(words, WorkspaceTime.Wait(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_moment_reads_in_the_coachs_zone_with_its_summer_offset()
    {
        var moment = new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero);

        Assert.Equal("Wed 1 Jul 2026, 09:30", WorkspaceTime.InZone(moment, "Europe/London"));
        Assert.Equal("Wed 1 Jul 2026, 04:30", WorkspaceTime.InZone(moment, "America/New_York"));
    }
}
