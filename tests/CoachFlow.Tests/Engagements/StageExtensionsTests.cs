using CoachFlow.Domain.Engagements;

namespace CoachFlow.Tests.Engagements;

public sealed class StageExtensionsTests
{
    [Fact]
    public void Exactly_the_outcomes_of_the_lifecycle_end_an_engagement()
    {
        // Booking, cancelling and the retention sweep all decide by IsTerminal; a new stage must be placed here on purpose.
        Stage[] ended = [Stage.Contracted, Stage.Declined, Stage.NotCompatible, Stage.Expired, Stage.AgreementLapsed, Stage.Withdrawn, Stage.Failed];
        Stage[] ongoing = [Stage.Received, Stage.AwaitingCoachTriage, Stage.AwaitingBooking, Stage.ChemistryScheduled, Stage.AwaitingDecisions, Stage.AwaitingAgreement];

        Assert.Equal(ended, Enum.GetValues<Stage>().Where(s => s.IsTerminal()));
        Assert.Equal(ongoing, Enum.GetValues<Stage>().Where(s => !s.IsTerminal()));
    }
}
