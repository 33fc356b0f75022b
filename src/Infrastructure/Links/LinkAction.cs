namespace CoachFlow.Infrastructure.Links;

/// <summary>What a signed link lets its holder do; a token for one action is refused for any other.</summary>
public enum LinkAction
{
    ViewStatus,
    BookChemistry,
    RescheduleChemistry,
    CancelChemistry,
    MarkSessionHeld,
    ReportNoShow,
    InviteToChemistry,
    DeclineAtTriage,
    Reflect,
    AcceptAgreement,

    /// <summary>See, download or erase everything held about one engagement (the client's own, or the coach's).</summary>
    ManageData,

    /// <summary>The coach's one-time sign-in link to the workspace (not tied to an engagement).</summary>
    SignIn,

    /// <summary>The coach closes an engagement; offered in the workspace only, never as an emailed link.</summary>
    WithdrawEngagement,
}
