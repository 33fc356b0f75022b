using CoachFlow.Infrastructure.Configuration;

namespace CoachFlow.Infrastructure.Email;

/// <summary>What every template may say about the coach.</summary>
public sealed record EmailCoach(string Name, string Email, string AccentColor)
{
    public static EmailCoach From(CoachProfileOptions coach)
    {
        ArgumentNullException.ThrowIfNull(coach);
        return new EmailCoach(coach.Name, coach.Email, coach.AccentColor);
    }
}
