using CoachFlow.Domain.Engagements;

namespace CoachFlow.Tests.Engagements;

public sealed class ReflectionQuestionsTests
{
    [Fact]
    public void Stored_question_ids_are_a_contract_changing_one_orphans_saved_reflections()
    {
        // Reflections are saved as answers keyed by these ids; a renamed id silently drops every stored answer to it.
        Assert.Equal(["loveWorkingWith", "engaged", "withinCompetence", "creativeWhole"], ReflectionQuestions.Coach.Select(q => q.Id));
        Assert.Equal(["safe", "vulnerable", "confidence", "challenge", "personality"], ReflectionQuestions.Client.Select(q => q.Id));
    }

    [Fact]
    public void Stored_answer_values_are_a_contract_changing_one_orphans_saved_reflections()
    {
        Assert.Equal(["yes", "unsure", "no"], ReflectionQuestions.Answers);
    }

    [Fact]
    public void Each_side_is_asked_its_own_questions()
    {
        Assert.Same(ReflectionQuestions.Coach, ReflectionQuestions.For(Actor.Coach));
        Assert.Same(ReflectionQuestions.Client, ReflectionQuestions.For(Actor.Client));
    }

    [Fact]
    public void Every_question_is_a_distinct_question_for_a_person_to_read()
    {
        // The wording is DESIGN's, not pinned here; what matters is that each question shows a real, distinct question.
        var all = ReflectionQuestions.Coach.Concat(ReflectionQuestions.Client).ToList();

        Assert.All(all, q => Assert.Matches(@"^[A-Z][^?]{10,}\?$", q.Text));
        Assert.Equal(all.Count, all.Select(q => q.Text).Distinct().Count());
        Assert.Equal(all.Count, all.Select(q => q.Id).Distinct().Count());
    }
}
