using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.Metrics.Api;

public sealed partial class MetricsApi
{
    public override async Task<V1.Survey> CreateSurvey(V1.CreateSurveyRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.Survey ?? new V1.Survey();
        var input = new InputCollector();
        var audience = input.Take(() => given.Audience.ToDomain<V1.SurveyAudience, SurveyAudience>());
        var questions = given.Questions.Select((q, i) => new SurveyQuestion(q.Id, q.Text,
            input.Take(() => q.Kind.ToDomain<V1.QuestionKind, QuestionKind>()
                ?? throw new InvalidInput($"survey.questions[{i}].kind", "is required: likert, choice or text.")),
            [.. q.Options.Select(o => o.Trim())], q.MultipleChoices)).ToList();
        var survey = input.Finish(() => Survey.Open(tenant, partnership, request.SurveyId, given.Title, audience, given.Anonymous, given.Invited, questions,
            clock.GetUtcNow()));
        await db.AddNewAsync(survey, Names.Survey.Format(tenant, partnership, survey.Id), context.CancellationToken);
        return survey.ToProto();
    }

    public override async Task<V1.Survey> GetSurvey(V1.GetSurveyRequest request, ServerCallContext context) =>
        (await db.Surveys.AsNoTracking().GetNamedAsync(Names.Survey.Parse(request.Name, "name"), request.Name, context.CancellationToken)).ToProto();

    public override async Task<V1.ListSurveysResponse> ListSurveys(V1.ListSurveysRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (surveys, next) = await db.Surveys.AsNoTracking().Where(s => s.TenantId == tenant && s.PartnershipId == partnership)
            .PageAsync(s => s.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListSurveysResponse { Surveys = { surveys.Select(s => s.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Survey> CloseSurvey(V1.CloseSurveyRequest request, ServerCallContext context)
    {
        var survey = await db.Surveys.GetNamedAsync(Names.Survey.Parse(request.Name, "name"), request.Name, context.CancellationToken);
        survey.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return survey.ToProto();
    }

    /// <summary>Saved with the tenant's generation advanced: the scorecard counts surveys run and their responses.</summary>
    public override async Task<V1.SurveyResponse> CreateSurveyResponse(V1.CreateSurveyResponseRequest request, ServerCallContext context)
    {
        var ids = Names.Survey.Parse(request.Parent, "parent");
        var survey = await db.Surveys.AsNoTracking().GetNamedAsync(ids, request.Parent, context.CancellationToken);
        var given = request.Response ?? new V1.SurveyResponse();
        var answers = given.Answers.Select(a => new SurveyAnswer(a.QuestionId, a.HasLikert ? a.Likert : null, [.. a.Choices], a.HasText ? a.Text : null)).ToList();
        var response = survey.Respond(request.ResponseId, given.Respondent, answers, clock.GetUtcNow());
        var name = Names.SurveyResponse.Format(ids[0], ids[1], ids[2], response.Id);
        if (await db.SurveyResponses.AnyAsync(r => r.TenantId == ids[0] && r.PartnershipId == ids[1] && r.SurveyId == ids[2] && r.Id == response.Id,
                context.CancellationToken))
        {
            throw new ResourceAlreadyExists(name);
        }
        db.SurveyResponses.Add(response);
        await db.SaveAdvancingGenerationAsync(ids[0], context.CancellationToken);
        return response.ToProto(name);
    }

    public override async Task<V1.SurveyResults> GetSurveyResults(V1.GetSurveyResultsRequest request, ServerCallContext context)
    {
        var ids = Names.SurveyResults.Parse(request.Name, "name");
        var survey = await db.Surveys.AsNoTracking().GetNamedAsync(ids, Names.SurveyResults.ParentOf(request.Name), context.CancellationToken);
        var responses = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.TenantId == ids[0] && r.PartnershipId == ids[1] && r.SurveyId == ids[2]).ToListAsync(context.CancellationToken);
        var threshold = (await SettingsAsync(ids[0], context.CancellationToken)).SuppressionThreshold;
        return SurveyResultsCalculator.Compute(survey, responses, threshold).ToProto(request.Name);
    }
}
