namespace CoachFlow.Domain.Engagements;

public static class StageExtensions
{
    public static bool IsTerminal(this Stage stage) => stage is
        Stage.Contracted or Stage.Declined or Stage.NotCompatible or Stage.Expired
        or Stage.AgreementLapsed or Stage.Withdrawn or Stage.Failed;
}
