using CoachFlow.Infrastructure.Configuration;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>What the sign-in email says: the link, and how long it lasts.</summary>
public sealed record SignInEmailModel(CoachProfileOptions Coach, Uri SignInUrl, int Minutes);
