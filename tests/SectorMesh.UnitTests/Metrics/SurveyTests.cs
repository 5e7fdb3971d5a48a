using SectorMesh.Domain;
using SectorMesh.Metrics.Domain;

namespace SectorMesh.UnitTests.Metrics;

/// <summary>Partner and worker surveys: answers checked against their questions, anonymity kept, small counts never shown.</summary>
public class SurveyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly SurveyQuestion[] Questions =
    [
        new("value", "The partnership is worth what we put into it.", QuestionKind.Likert, [], false),
        new("benefit", "What did you gain?", QuestionKind.Choice, ["Hires", "Training", "Networks"], true),
        new("change", "What should change?", QuestionKind.Text, [], false),
    ];

    public static Survey PartnerSurvey(bool anonymous = false, int invited = 20) =>
        Survey.Open("ohio", "healthcare", "roi-2026", "Partner value and return 2026", SurveyAudience.Partners, anonymous, invited, Questions, Now);

    private static SurveyResponse Answer(Survey survey, int id, int likert, string benefit, string? respondent = null) =>
        survey.Respond($"r-{id}", respondent, [new("value", likert, [], null), new("benefit", null, [benefit], null), new("change", null, [], $"Idea {id}")], Now);

    [Fact]
    public void An_answer_out_of_its_questions_form_is_refused_naming_the_answer()
    {
        var refused = Assert.Throws<InvalidInput>(() => PartnerSurvey().Respond("r-1", null, [new("value", 7, [], null), new("benefit", null, ["Money"], null)], Now));

        Assert.Equal(["response.answers[0].likert", "response.answers[1].choices"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void An_anonymous_survey_takes_no_respondent()
    {
        var refused = Assert.Throws<InvalidInput>(() => Answer(PartnerSurvey(anonymous: true), 1, 4, "Hires", respondent: "Riverside Hospital"));

        Assert.Equal("response.respondent", refused.Violations.Single().Field);
    }

    [Fact]
    public void A_closed_survey_takes_no_response()
    {
        var survey = PartnerSurvey();
        survey.Close(Now);

        Assert.Throws<BusinessRuleBroken>(() => Answer(survey, 1, 4, "Hires"));
    }

    [Fact]
    public void Results_give_the_response_rate_counts_and_mean_once_enough_have_answered()
    {
        var survey = PartnerSurvey();
        var responses = Enumerable.Range(1, 10).Select(i => Answer(survey, i, i <= 5 ? 5 : 3, i <= 4 ? "Hires" : "Training")).ToList();

        var results = SurveyResultsCalculator.Compute(survey, responses, threshold: 10);

        var value = results.Questions[0];
        Assert.Equal((0.5m, 4.0m, 5, 5), (results.ResponseRate, value.MeanLikert, value.Counts["5"], value.Counts["3"]));
        Assert.Equal(4, results.Questions[1].Counts["Hires"]);
        Assert.Equal(10, results.Questions[2].Texts.Count);
    }

    [Fact]
    public void A_question_fewer_than_the_threshold_answered_shows_its_count_only()
    {
        var survey = PartnerSurvey(anonymous: true);
        var responses = Enumerable.Range(1, 3).Select(i => Answer(survey, i, 2, "Networks")).ToList();

        var results = SurveyResultsCalculator.Compute(survey, responses, threshold: 10);

        Assert.All(results.Questions, q => Assert.Equal((true, 3, 0, 0, (decimal?)null), (q.Suppressed, q.Answered, q.Counts.Count, q.Texts.Count, q.MeanLikert)));
        Assert.Contains("answered by fewer than 10 are shown by count only", results.Explanation);
    }

    [Fact]
    public void A_choice_question_needs_two_options()
    {
        var refused = Assert.Throws<InvalidInput>(() => Survey.Open("ohio", "healthcare", "s", "Survey", SurveyAudience.Workers, true, 0,
            [new SurveyQuestion("q", "Pick", QuestionKind.Choice, ["Only"], false)], Now));

        Assert.Equal("survey.questions[0].options", refused.Violations.Single().Field);
    }
}
