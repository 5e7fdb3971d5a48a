using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using Partnerships = SectorMesh.Contracts.Partnerships.V1;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>
/// Worker voice: records feedback, reads back only named feedback, and shows all of it, anonymous
/// included, only as the summary the domain suppresses small groups of.
/// </summary>
[Authorize]
public sealed class WorkerVoiceApi(PathwaysDbContext db, PartnershipDirectory directory, TimeProvider clock) : V1.WorkerVoice.WorkerVoiceBase
{
    private const string Field = "worker_feedback";

    public override async Task<V1.WorkerFeedback> CreateWorkerFeedback(V1.CreateWorkerFeedbackRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
        var given = request.WorkerFeedback ?? new V1.WorkerFeedback();
        var input = new InputCollector();
        var program = given.Program.Length == 0 ? null : await input.TakeAsync(() => ProgramIdAsync(tenant, given.Program, context.CancellationToken));
        var employer = given.Employer.Length == 0 ? null
            : await input.TakeAsync(() => EmployerIdAsync(tenant, given.Employer, context.CancellationToken));
        var date = input.Take(() => given.FeedbackDate.ToDate($"{Field}.feedback_date"));
        // An anonymous entry's participant is refused by the domain, never looked up.
        var participant = given.Anonymous || given.Participant.Length == 0 ? given.Participant
            : await input.TakeAsync(() => ParticipantIdAsync(tenant, partnership, given.Participant, context.CancellationToken));
        var feedback = input.Finish(() => WorkerFeedback.Record(tenant, partnership, Calls.Id(request.WorkerFeedbackId),
            request.WorkerFeedbackId.Length > 0, given.Subject.ToDomain<V1.WorkerFeedbackSubject, WorkerFeedbackSubject>(),
            given.Barrier.ToDomain<V1.FeedbackBarrier, FeedbackBarrier>(), program, employer, given.Rating, given.Comment, date, given.Anonymous,
            participant ?? "", clock.GetUtcNow()));
        await db.AddNewAsync(feedback, Names.WorkerFeedback.Format(tenant, partnership, feedback.Id), context.CancellationToken);
        return feedback.ToProto();
    }

    private async Task<string> ProgramIdAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        const string field = $"{Field}.program";
        var ids = Names.Program.Parse(name, field);
        var exists = ids[0] == tenant && await db.Programs.AnyAsync(p => p.TenantId == tenant && p.Id == ids[1], cancellationToken);
        return exists ? ids[1] : throw new InvalidInput(field, "must be a program of the partnership's tenant.");
    }

    private async Task<string> EmployerIdAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        const string field = $"{Field}.employer";
        var ids = Names.Organization.Parse(name, field);
        new Violations().Require(ids[0] == tenant, field, "must be an organization of the partnership's tenant.").ThrowIfAny();
        var organization = await directory.OrganizationAsync(name, cancellationToken);
        new Violations().Require(organization.Type == Partnerships.PartnerType.Employer, field, "must be an employer.").ThrowIfAny();
        return ids[1];
    }

    private async Task<string> ParticipantIdAsync(string tenant, string partnership, string name, CancellationToken cancellationToken)
    {
        const string field = $"{Field}.participant";
        var ids = Names.Participant.Parse(name, field);
        var exists = ids[0] == tenant && ids[1] == partnership
            && await db.Participants.AnyAsync(p => p.TenantId == tenant && p.PartnershipId == partnership && p.Id == ids[2], cancellationToken);
        return exists ? ids[2] : throw new InvalidInput(field, "must be a participant of this partnership.");
    }

    public override async Task<V1.WorkerFeedback> GetWorkerFeedback(V1.GetWorkerFeedbackRequest request, ServerCallContext context)
    {
        var ids = Names.WorkerFeedback.Parse(request.Name, "name");
        return (await db.WorkerFeedback.AsNoTracking().Where(f => !f.Anonymous).GetNamedAsync(ids, request.Name, context.CancellationToken)).ToProto();
    }

    public override async Task<V1.ListWorkerFeedbackResponse> ListWorkerFeedback(V1.ListWorkerFeedbackRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (feedback, next) = await db.WorkerFeedback.AsNoTracking().Where(f => f.TenantId == tenant && f.PartnershipId == partnership && !f.Anonymous)
            .PageAsync(f => f.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListWorkerFeedbackResponse { WorkerFeedback = { feedback.Select(f => f.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.WorkerVoiceSummary> GetWorkerVoiceSummary(V1.GetWorkerVoiceSummaryRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.WorkerVoiceSummary.Parse(request.Name, "name");
        await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
        var tallies = await db.WorkerFeedback.AsNoTracking().Where(f => f.TenantId == tenant && f.PartnershipId == partnership)
            .GroupBy(f => new { f.Subject, f.Barrier, f.ProgramId, f.EmployerId })
            .Select(g => new { g.Key.Subject, g.Key.Barrier, g.Key.ProgramId, g.Key.EmployerId, Responses = g.Count(), RatingTotal = g.Sum(f => f.Rating) })
            .ToListAsync(context.CancellationToken);
        var groups = WorkerVoice.Summarize(tallies.Select(t =>
            new FeedbackTally(new FeedbackTopic(t.Subject, t.Barrier, t.ProgramId, t.EmployerId), t.Responses, t.RatingTotal)));
        return new V1.WorkerVoiceSummary
        {
            Name = request.Name,
            MinimumResponses = WorkerVoice.MinimumResponses,
            Groups = { groups.Select(g => g.ToProto(tenant)) },
        };
    }
}
