using System.Globalization;
using SectorMesh.Domain;
using SectorMesh.Metrics.Domain.Rules;

namespace SectorMesh.Metrics.Domain;

/// <summary>Who a survey asks: partners about the partnership's value and return on investment, or workers, learners and job seekers for feedback.</summary>
public enum SurveyAudience { Partners, Workers, Learners, JobSeekers }

public enum QuestionKind { Likert, Choice, Text }

/// <summary>A question: a five-point Likert scale (1 strongly disagree … 5 strongly agree), a choice among options, or free text.</summary>
public sealed record SurveyQuestion(string Id, string Text, QuestionKind Kind, IReadOnlyList<string> Options, bool MultipleChoices);

/// <summary>One answer: the Likert point, the options chosen, or the text.</summary>
public sealed record SurveyAnswer(string QuestionId, int? Likert, IReadOnlyList<string> Choices, string? Text);

/// <summary>
/// A partner or worker survey (Framework element 5): its questions, how many were invited (for the response rate), whether
/// its responses are anonymous (no respondent stored), and whether it still takes responses.
/// </summary>
public sealed class Survey : AggregateRoot, IPartnershipRecord
{
    private Survey() { }

    public const int MaxQuestions = 50;

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string Title { get; private set; } = "";
    public SurveyAudience Audience { get; private set; }
    public bool Anonymous { get; private set; }
    public int Invited { get; private set; }
    public List<SurveyQuestion> Questions { get; private set; } = [];
    public DateOnly OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public static Survey Open(string tenantId, string partnershipId, string id, string title, SurveyAudience? audience, bool anonymous, int invited,
        IReadOnlyList<SurveyQuestion> questions, DateTimeOffset now)
    {
        var violations = new Violations()
            .Require(ResourceId.IsValid(id), "survey_id", ResourceId.Rule)
            .RequireText(title, "survey.title", 200)
            .Require(audience is not null, "survey.audience", "is required: partners, workers, learners or job seekers.")
            .Require(invited is >= 0 and <= 1_000_000, "survey.invited", "must be between 0 and 1,000,000.")
            .Require(questions.Count is > 0 and <= MaxQuestions, "survey.questions", $"must hold 1 to {MaxQuestions} questions.")
            .Require(questions.Select(q => q.Id).Distinct().Count() == questions.Count, "survey.questions", "must not repeat a question id.");
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            violations.Require(ResourceId.IsValid(q.Id), $"survey.questions[{i}].id", ResourceId.Rule)
                .RequireText(q.Text, $"survey.questions[{i}].text", 500)
                .Require(q.Kind == QuestionKind.Choice ? q.Options.Count is >= 2 and <= 20 : q.Options.Count == 0, $"survey.questions[{i}].options",
                    q.Kind == QuestionKind.Choice ? "must offer 2 to 20 options." : "are given only for a choice question.")
                .Require(q.Options.Distinct().Count() == q.Options.Count && q.Options.All(o => o.Trim().Length is > 0 and <= 200),
                    $"survey.questions[{i}].options", "must be 1 to 200 characters each, none repeated.");
        }
        violations.ThrowIfAny();
        var survey = new Survey
        {
            TenantId = tenantId, PartnershipId = partnershipId, Id = id, Title = title.Trim(), Audience = audience!.Value, Anonymous = anonymous,
            Invited = invited, Questions = [.. questions], OpenedOn = DateOnly.FromDateTime(now.UtcDateTime),
        };
        survey.Raise(new SurveyOpened(now));
        return survey;
    }

    public void Close(DateTimeOffset now)
    {
        BusinessRules.Check(new SurveyTakesResponses(Id, ClosedOn));
        ClosedOn = DateOnly.FromDateTime(now.UtcDateTime);
        Raise(new SurveyClosed(now));
    }

    /// <summary>
    /// A response to this survey, checked against its questions: every question answered at most once, in the form its kind
    /// takes. An anonymous survey takes no respondent, so none can be stored.
    /// </summary>
    public SurveyResponse Respond(string responseId, string? respondent, IReadOnlyList<SurveyAnswer> answers, DateTimeOffset now)
    {
        BusinessRules.Check(new SurveyTakesResponses(Id, ClosedOn));
        var violations = new Violations()
            .Require(ResourceId.IsValid(responseId), "response_id", ResourceId.Rule)
            .Require(!Anonymous || string.IsNullOrEmpty(respondent), "response.respondent", "must be empty: this survey's responses are anonymous.")
            .OptionalText(respondent, "response.respondent", 200)
            .Require(answers.Count > 0, "response.answers", "must answer at least one question.")
            .Require(answers.Select(a => a.QuestionId).Distinct().Count() == answers.Count, "response.answers", "must answer each question once.");
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            var field = $"response.answers[{i}]";
            var question = Questions.FirstOrDefault(q => q.Id == answer.QuestionId);
            if (question is null)
            {
                violations.Require(false, $"{field}.question_id", $"must be one of the survey's questions: {string.Join(", ", Questions.Select(q => q.Id))}.");
                continue;
            }
            switch (question.Kind)
            {
                case QuestionKind.Likert:
                    violations.Require(answer.Likert is >= 1 and <= 5 && answer.Choices.Count == 0 && answer.Text is null, $"{field}.likert",
                        "must be 1 (strongly disagree) to 5 (strongly agree), and the only answer given.");
                    break;
                case QuestionKind.Choice:
                    violations.Require(answer.Likert is null && answer.Text is null && answer.Choices.Count > 0
                            && (question.MultipleChoices || answer.Choices.Count == 1) && answer.Choices.All(question.Options.Contains)
                            && answer.Choices.Distinct().Count() == answer.Choices.Count,
                        $"{field}.choices", (question.MultipleChoices ? "must be one or more of: " : "must be one of: ") + string.Join(", ", question.Options) + ".");
                    break;
                case QuestionKind.Text:
                    violations.Require(answer.Likert is null && answer.Choices.Count == 0, $"{field}.text", "is the only answer a text question takes.")
                        .RequireText(answer.Text, $"{field}.text", 2_000);
                    break;
            }
        }
        violations.ThrowIfAny();
        return SurveyResponse.Received(this, responseId, Anonymous ? null : respondent?.Trim(), answers, now);
    }
}

/// <summary>One response to a survey; anonymous responses hold no respondent.</summary>
public sealed class SurveyResponse : AggregateRoot
{
    private SurveyResponse() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string SurveyId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string? Respondent { get; private set; }
    public List<SurveyAnswer> Answers { get; private set; } = [];
    public DateOnly SubmittedOn { get; private set; }

    internal static SurveyResponse Received(Survey survey, string id, string? respondent, IReadOnlyList<SurveyAnswer> answers, DateTimeOffset now)
    {
        var response = new SurveyResponse
        {
            TenantId = survey.TenantId, PartnershipId = survey.PartnershipId, SurveyId = survey.Id, Id = id, Respondent = respondent,
            Answers = [.. answers.Select(a => a with { Text = a.Text?.Trim() })], SubmittedOn = DateOnly.FromDateTime(now.UtcDateTime),
        };
        response.Raise(new SurveyResponseReceived(now));
        return response;
    }
}

public sealed record SurveyOpened(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record SurveyClosed(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record SurveyResponseReceived(DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A question's results: counts by Likert point or option with the mean point, or the texts; null when too few answered to show.</summary>
public sealed record QuestionResult(SurveyQuestion Question, int Answered, bool Suppressed, IReadOnlyDictionary<string, int> Counts, decimal? MeanLikert,
    IReadOnlyList<string> Texts);

public sealed record SurveyResults(int Responses, int Invited, decimal? ResponseRate, IReadOnlyList<QuestionResult> Questions, string Explanation);

public static class SurveyResultsCalculator
{
    /// <summary>
    /// Results per question. A question fewer than <paramref name="threshold"/> answered is shown only by its count, so a small
    /// group's answers (and, in an anonymous survey, who gave them) cannot be read off.
    /// </summary>
    public static SurveyResults Compute(Survey survey, IReadOnlyCollection<SurveyResponse> responses, int threshold)
    {
        var questions = survey.Questions.Select(q =>
        {
            var answers = responses.SelectMany(r => r.Answers).Where(a => a.QuestionId == q.Id).ToList();
            if (answers.Count < threshold)
            {
                return new QuestionResult(q, answers.Count, true, new Dictionary<string, int>(), null, []);
            }
            return q.Kind switch
            {
                QuestionKind.Likert => new QuestionResult(q, answers.Count, false,
                    Enumerable.Range(1, 5).ToDictionary(p => p.ToString(CultureInfo.InvariantCulture), p => answers.Count(a => a.Likert == p)),
                    decimal.Round((decimal)answers.Average(a => a.Likert!.Value), 2), []),
                QuestionKind.Choice => new QuestionResult(q, answers.Count, false,
                    q.Options.ToDictionary(o => o, o => answers.Count(a => a.Choices.Contains(o))), null, []),
                _ => new QuestionResult(q, answers.Count, false, new Dictionary<string, int>(), null, [.. answers.Select(a => a.Text!).Order(StringComparer.Ordinal)]),
            };
        }).ToList();
        decimal? rate = survey.Invited == 0 ? null : decimal.Round((decimal)responses.Count / survey.Invited, 4);
        var hidden = questions.Count(q => q.Suppressed);
        var explanation = $"{responses.Count} response(s)" + (rate is { } r ? $" of {survey.Invited} invited ({r * 100:0.#}%)" : "")
            + (hidden > 0 ? $"; {hidden} question(s) answered by fewer than {threshold} are shown by count only." : ".");
        return new SurveyResults(responses.Count, survey.Invited, rate, questions, explanation);
    }
}
