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
}
