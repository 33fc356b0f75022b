using CoachFlow.Domain.Intake;

namespace CoachFlow.Tests.Intake;

/// <summary>
/// The exact edges of the intake checks, where the mutation run (docs/mutation-testing.md) found
/// that moving a limit by one or dropping one refused character went unnoticed. Rules are built per
/// test: a static instance is built once per test process, under whichever mutant runs first.
/// </summary>
public sealed class IntakeBoundaryTests
{
    private const string Domain = "@example.com";

    private static IntakeRules Rules() => new(["Communication"], "Europe/London");

    private static IntakeForm Valid() => new()
    {
        Name = "Ada Lovelace",
        Email = "ada@example.com",
        Goals = "Lead well.",
        SeeingMentalHealthProfessional = "no",
        Consent = "true",
    };

    private static bool Accepted(IntakeForm form, string field) => !Rules().Validate(form).Errors.ContainsKey(field);

    [Fact]
    public void An_address_of_exactly_254_characters_is_plausible() =>
        Assert.True(EmailAddressFormat.IsPlausible(new string('a', EmailAddressFormat.MaxLength - Domain.Length) + Domain));

    [Theory]
    [InlineData('<')]
    [InlineData('>')]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('"')]
    [InlineData('(')]
    [InlineData(')')]
    public void Each_character_that_could_carry_a_second_address_is_refused(char smuggler) =>
        Assert.False(EmailAddressFormat.IsPlausible($"ada{smuggler}eve{Domain}"));

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    [InlineData(0, false)]
    public void A_domain_label_has_1_to_63_characters(int length, bool plausible) =>
        Assert.Equal(plausible, EmailAddressFormat.IsPlausible($"ada@{new string('b', length)}.example.com"));

    [Theory]
    [InlineData(IntakeRules.MaxIdempotencyKeyLength, true)]
    [InlineData(IntakeRules.MaxIdempotencyKeyLength + 1, false)]
    public void An_idempotency_key_may_be_as_long_as_the_limit_and_no_longer(int length, bool accepted) =>
        Assert.Equal(accepted, Accepted(Valid() with { IdempotencyKey = new string('k', length) }, IntakeFields.IdempotencyKey));

    [Fact]
    public void An_idempotency_key_may_use_the_first_and_last_visible_ascii_characters() =>
        Assert.True(Accepted(Valid() with { IdempotencyKey = "!~" }, IntakeFields.IdempotencyKey));

    [Fact]
    public void Goals_of_exactly_the_limit_are_accepted() =>
        Assert.True(Accepted(Valid() with { Goals = new string('g', IntakeRules.MaxGoalsLength) }, IntakeFields.Goals));

    [Fact]
    public void A_coach_default_time_zone_that_is_not_iana_is_refused_at_start() =>
        Assert.Equal("defaultTimeZone", Assert.Throws<ArgumentException>(() => new IntakeRules([], "Mars/Olympus_Mons")).ParamName);
}
