using System.Security.Cryptography;
using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Engagements;

public static class EngagementIds
{
    /// <summary>128 bits from the OS's cryptographic generator: unguessable, as status links depend on it.</summary>
    public static EngagementId New() => EngagementId.FromRandomBytes(RandomNumberGenerator.GetBytes(EngagementId.RandomByteCount));
}
