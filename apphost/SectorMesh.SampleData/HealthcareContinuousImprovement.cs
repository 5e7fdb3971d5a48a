using Grpc.Core;
using SectorMesh.Contracts.Metrics.V1;
using Date = Google.Type.Date;

namespace SectorMesh.SampleData;

/// <summary>
/// Continuous improvement in the healthcare partnership: its goals bound to their measures (apprentices enrolled counted
/// from the participants, RN hires entered by hand each quarter), the third-quarter progress review of 2026 with its
/// follow-up actions, and two surveys: the partners' on value and return, and an anonymous one of the nursing learners.
/// </summary>
public sealed class HealthcareContinuousImprovement(SampleClient client)
{
    private static readonly string[] Benefits = ["Hires", "Training", "Networks"];

    public async Task LoadAsync(string partnership)
    {
        try
        {
            await client.Metrics.GetSurveyAsync(new GetSurveyRequest { Name = $"{partnership}/surveys/partner-value-2026" }, client.Auth);
            return;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
        }
        await client.Metrics.CreateGoalMeasureAsync(new CreateGoalMeasureRequest
        {
            Parent = partnership, GoalMeasureId = "apprentices-enrolled",
            GoalMeasure = new GoalMeasure { Metric = "Apprentices enrolled", Kind = MeasureKind.ParticipantsEnrolled },
        }, client.Auth);
        var hires = await client.Metrics.CreateGoalMeasureAsync(new CreateGoalMeasureRequest
        {
            Parent = partnership, GoalMeasureId = "rn-hires",
            GoalMeasure = new GoalMeasure { Metric = "RN hires from partner programs", Kind = MeasureKind.EnteredByHand },
        }, client.Auth);
        foreach (var (quarter, value) in new[] { ("2026-Q1", 18.0), ("2026-Q2", 26.0), ("2026-Q3", 31.0) })
        {
            await client.Metrics.RecordGoalFigureAsync(new RecordGoalFigureRequest { Name = hires.Name, Quarter = quarter, Value = value }, client.Auth);
        }
        await client.Metrics.CreateProgressReviewAsync(new CreateProgressReviewRequest
        {
            Parent = partnership,
            ProgressReview = new ProgressReview
            {
                Period = "2026-Q3", HeldDate = new Date { Year = 2026, Month = 10, Day = 22 },
                Reflections = "Clinical placements held up RN hiring; the apprenticeship cohort filled early.",
                BestPractices = { "Hospital recruiters interview in the classroom", "Shared clinical rotation calendar" },
                FollowUpActions =
                {
                    new FollowUpAction { Description = "Add a labor representative to the steering committee", Owner = "Board staff", DueDate = new Date { Year = 2026, Month = 11, Day = 30 } },
                    new FollowUpAction { Description = "Publish the Q3 cohort report", Owner = "Intermediary", DueDate = new Date { Year = 2026, Month = 11, Day = 15 }, Status = FollowUpStatus.Done },
                },
            },
        }, client.Auth);
        await SurveyAsync(partnership, "partner-value-2026", "Partner value and return, 2026", SurveyAudience.Partners, anonymous: false, responses: 12);
        await SurveyAsync(partnership, "learner-feedback-2026", "Nursing learners' feedback, 2026", SurveyAudience.Learners, anonymous: true, responses: 14);
    }

    private async Task SurveyAsync(string partnership, string id, string title, SurveyAudience audience, bool anonymous, int responses)
    {
        var survey = await client.Metrics.CreateSurveyAsync(new CreateSurveyRequest
        {
            Parent = partnership, SurveyId = id,
            Survey = new Survey
            {
                Title = title, Audience = audience, Anonymous = anonymous, Invited = responses + 6,
                Questions =
                {
                    new SurveyQuestion { Id = "value", Text = "The partnership is worth what I put into it.", Kind = QuestionKind.Likert },
                    new SurveyQuestion { Id = "benefit", Text = "What did you gain?", Kind = QuestionKind.Choice, Options = { Benefits }, MultipleChoices = true },
                    new SurveyQuestion { Id = "change", Text = "What should change?", Kind = QuestionKind.Text },
                },
            },
        }, client.Auth);
        for (var i = 1; i <= responses; i++)
        {
            await client.Metrics.CreateSurveyResponseAsync(new CreateSurveyResponseRequest
            {
                Parent = survey.Name, ResponseId = $"r-{i:D3}",
                Response = new SurveyResponse
                {
                    Respondent = anonymous ? "" : $"Partner {i}",
                    Answers =
                    {
                        new SurveyAnswer { QuestionId = "value", Likert = 2 + i % 4 },
                        new SurveyAnswer { QuestionId = "benefit", Choices = { Benefits[i % 3] } },
                        new SurveyAnswer { QuestionId = "change", Text = i % 2 == 0 ? "More clinical placements" : "Evening classes" },
                    },
                },
            }, client.Auth);
        }
    }
}
