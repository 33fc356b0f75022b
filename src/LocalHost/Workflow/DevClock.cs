namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// The local host's clock in Development: real time plus an offset that only ever grows, so a
/// person can jump a weeks-long workflow forward (<c>POST /dev/clock/advance</c>) and watch it move.
/// </summary>
public sealed class DevClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
