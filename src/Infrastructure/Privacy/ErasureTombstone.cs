namespace CoachFlow.Infrastructure.Privacy;

/// <summary>
/// What remains of an erased engagement: a hash of its id (not the id), when the erasure was asked
/// for and finished, who asked, and whether an agreed engagement kept its contract. No personal data.
/// </summary>
public sealed record ErasureTombstone(string HashedId, DateTimeOffset RequestedAt, string RequestedBy, bool ContractKept, DateTimeOffset? CompletedAt);
