using CoachFlow.Domain.Intake;

namespace CoachFlow.Tests.Intake;

public sealed class IntakeRulesTests
{
    private static readonly IntakeRules Rules = new(["Communication", "Adaptability"], "Europe/London");

    private static IntakeForm Valid() => new()
    {
        Name = "  Ada Lovelace ",
        Email = "ada@example.com",
        Goals = "Lead well.",
        FocusAreas = ["communication"],
        SeeingMentalHealthProfessional = "no",
        Consent = "true",
    };

    private static string[] ErrorsFor(IntakeForm form, string field) =>
        Rules.Validate(form).Errors.TryGetValue(field, out var messages) ? messages : [];

    [Fact]
    public void A_complete_intake_is_valid_trimmed_and_canonicalised()
    {
        var result = Rules.Validate(Valid());

        Assert.True(result.IsValid);
        var answers = result.Answers!;
        Assert.Equal("Ada Lovelace", answers.Name);
        Assert.Equal(["Communication"], answers.FocusAreas);
        Assert.Equal("Europe/London", answers.TimeZone);
        Assert.Equal(MentalHealthSupport.No, answers.SeeingMentalHealthProfessional);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_is_required(string? name) =>
        Assert.NotEmpty(ErrorsFor(Valid() with { Name = name }, IntakeFields.Name));

    [Fact]
    public void Name_is_one_line_of_at_most_200_characters()
    {
        Assert.NotEmpty(ErrorsFor(Valid() with { Name = new string('a', 201) }, IntakeFields.Name));
        Assert.Empty(ErrorsFor(Valid() with { Name = new string('a', 200) }, IntakeFields.Name));
        Assert.NotEmpty(ErrorsFor(Valid() with { Name = "Ada\nBcc: x@example.com" }, IntakeFields.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ada")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("ada@example")]
    [InlineData("ada@@example.com")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com,eve@example.com")]
    [InlineData("ada@-example.com")]
    public void Email_must_be_one_plausible_address(string? email) =>
        Assert.NotEmpty(ErrorsFor(Valid() with { Email = email }, IntakeFields.Email));

    [Fact]
    public void Email_longer_than_254_characters_is_refused() =>
        Assert.NotEmpty(ErrorsFor(Valid() with { Email = new string('a', 250) + "@example.com" }, IntakeFields.Email));

    [Theory]
    [InlineData("first.last+coach@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    public void Ordinary_addresses_pass(string email) =>
        Assert.Empty(ErrorsFor(Valid() with { Email = email }, IntakeFields.Email));

    [Fact]
    public void Time_zone_defaults_to_the_coach_and_must_be_iana_when_given()
    {
        Assert.Equal("America/Los_Angeles", Rules.Validate(Valid() with { TimeZone = "America/Los_Angeles" }).Answers!.TimeZone);
        Assert.NotEmpty(ErrorsFor(Valid() with { TimeZone = "Pacific Standard Time" }, IntakeFields.TimeZone));
        Assert.NotEmpty(ErrorsFor(Valid() with { TimeZone = "Mars/Olympus_Mons" }, IntakeFields.TimeZone));
    }

    [Fact]
    public void Goals_are_required_and_at_most_4000_characters()
    {
        Assert.NotEmpty(ErrorsFor(Valid() with { Goals = " " }, IntakeFields.Goals));
        Assert.NotEmpty(ErrorsFor(Valid() with { Goals = new string('g', 4001) }, IntakeFields.Goals));
        Assert.Empty(ErrorsFor(Valid() with { Goals = "Line one\nLine two\twith a tab" }, IntakeFields.Goals));
        Assert.NotEmpty(ErrorsFor(Valid() with { Goals = "bell\u0007" }, IntakeFields.Goals));
    }

    [Fact]
    public void Focus_areas_come_from_the_coach_list_without_repeats()
    {
        Assert.NotEmpty(ErrorsFor(Valid() with { FocusAreas = ["Astrology"] }, IntakeFields.FocusAreas));
        Assert.Equal(["Communication", "Adaptability"], Rules.Validate(Valid() with { FocusAreas = ["Communication", "ADAPTABILITY", "communication", " "] }).Answers!.FocusAreas);
        Assert.Empty(Rules.Validate(Valid() with { FocusAreas = [] }).Answers!.FocusAreas);
    }

    [Theory]
    [InlineData("yes", MentalHealthSupport.Yes)]
    [InlineData("no", MentalHealthSupport.No)]
    [InlineData("preferNotToSay", MentalHealthSupport.PreferNotToSay)]
    public void Mental_health_answer_takes_the_three_values(string raw, MentalHealthSupport expected) =>
        Assert.Equal(expected, Rules.Validate(Valid() with { SeeingMentalHealthProfessional = raw }).Answers!.SeeingMentalHealthProfessional);

    [Theory]
    [InlineData(null)]
    [InlineData("maybe")]
    [InlineData("true")]
    public void Mental_health_answer_is_required(string? raw) =>
        Assert.NotEmpty(ErrorsFor(Valid() with { SeeingMentalHealthProfessional = raw }, IntakeFields.SeeingMentalHealthProfessional));

    [Fact]
    public void The_mental_health_note_is_kept_only_with_a_yes()
    {
        Assert.Equal("Weekly sessions", Rules.Validate(Valid() with { SeeingMentalHealthProfessional = "yes", MentalHealthNote = "Weekly sessions" }).Answers!.MentalHealthNote);
        Assert.Null(Rules.Validate(Valid() with { SeeingMentalHealthProfessional = "no", MentalHealthNote = "Weekly sessions" }).Answers!.MentalHealthNote);
        Assert.Null(Rules.Validate(Valid() with { SeeingMentalHealthProfessional = "preferNotToSay", MentalHealthNote = "x" }).Answers!.MentalHealthNote);
        Assert.NotEmpty(ErrorsFor(Valid() with { SeeingMentalHealthProfessional = "yes", MentalHealthNote = new string('n', 1001) }, IntakeFields.MentalHealthNote));
    }

    [Fact]
    public void Heard_from_is_optional_and_short()
    {
        Assert.Null(Rules.Validate(Valid()).Answers!.HeardFrom);
        Assert.NotEmpty(ErrorsFor(Valid() with { HeardFrom = new string('h', 201) }, IntakeFields.HeardFrom));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("on", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    [InlineData(null, false)]
    public void Consent_must_be_true_or_on(string? consent, bool accepted) =>
        Assert.Equal(accepted, ErrorsFor(Valid() with { Consent = consent }, IntakeFields.Consent).Length == 0);

    [Theory]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("ключ", false)]
    [InlineData("7f3c-2a1b_OK.~", true)]
    public void Idempotency_keys_are_visible_ascii(string key, bool accepted) =>
        Assert.Equal(accepted, ErrorsFor(Valid() with { IdempotencyKey = key }, IntakeFields.IdempotencyKey).Length == 0);

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Rules.Validate(new IntakeForm());

        Assert.False(result.IsValid);
        Assert.Equal(
            [IntakeFields.Consent, IntakeFields.Email, IntakeFields.Goals, IntakeFields.Name, IntakeFields.SeeingMentalHealthProfessional],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_honeypot_is_filled_only_by_text()
    {
        Assert.False(Valid().FilledHoneypot);
        Assert.False((Valid() with { Website = " " }).FilledHoneypot);
        Assert.True((Valid() with { Website = "http://spam.example" }).FilledHoneypot);
    }
}
