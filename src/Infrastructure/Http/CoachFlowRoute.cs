namespace CoachFlow.Infrastructure.Http;

/// <summary>
/// One endpoint of DESIGN §2.3: a stable name (also the Azure Function's name), its method, its path
/// pattern and the handler. Both hosts are built from the same routes, so they cannot drift apart.
/// </summary>
public sealed record CoachFlowRoute(string Name, string Method, string Pattern, Delegate Handler);
