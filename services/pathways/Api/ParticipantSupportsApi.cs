using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>A participant's wraparound supports: barriers, supportive services and referrals to community partners.</summary>
[Authorize]
public sealed class ParticipantSupportsApi(PathwaysDbContext db, PartnershipDirectory directory, TimeProvider clock)
    : V1.ParticipantSupports.ParticipantSupportsBase
{
    public override async Task<V1.Participant> RecordBarriers(V1.RecordBarriersRequest request, ServerCallContext context)
    {
        var participant = await ParticipantAsync(request.Name, "name", context, tracked: true);
        var barriers = request.Barriers.ToBarriers("barriers");
        participant.RecordBarriers(barriers, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return participant.ToProto();
    }

    public override async Task<V1.SupportiveService> RecordSupportiveService(V1.RecordSupportiveServiceRequest request, ServerCallContext context)
    {
        var participant = await ParticipantAsync(request.Name, "name", context, tracked: true);
        var given = request.SupportiveService ?? new V1.SupportiveService();
        var input = new InputCollector();
        var date = input.Take(() => given.Date.ToDate("supportive_service.date") ?? throw new InvalidInput("supportive_service.date", "is required."));
        var kind = input.Take(() => given.Kind.ToDomain<V1.SupportiveServiceKind, SupportiveServiceKind>()
            ?? throw new InvalidInput("supportive_service.kind", "is required: SUPPORTIVE_SERVICE_KIND_TRANSPORTATION, SUPPORTIVE_SERVICE_KIND_CHILD_CARE, SUPPORTIVE_SERVICE_KIND_HOUSING, SUPPORTIVE_SERVICE_KIND_NEEDS_RELATED_PAYMENTS, SUPPORTIVE_SERVICE_KIND_TOOLS_AND_WORK_CLOTHING or SUPPORTIVE_SERVICE_KIND_OTHER."));
        var amount = given.Amount is null ? (decimal?)null : input.Take(() => given.Amount.Dollars("supportive_service.amount"));
        var provider = given.ProvidedBy.Length == 0 ? null
            : await input.TakeAsync(() => OrganizationIdAsync(participant.TenantId, given.ProvidedBy, "supportive_service.provided_by", context));
        var service = new SupportiveService(date, kind, amount, provider);
        input.Finish(() => participant.RecordSupportiveService(service, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return service.ToProto(participant.TenantId);
    }

    public override async Task<V1.ListSupportiveServicesResponse> ListSupportiveServices(V1.ListSupportiveServicesRequest request, ServerCallContext context)
    {
        var participant = await ParticipantAsync(request.Parent, "parent", context, tracked: false);
        // The services live on the participant's row, at most a few hundred, so a page is a slice of the list by position.
        var (page, next) = participant.SupportiveServices.Page(request.PageSize, request.PageToken, request.Parent);
        return new V1.ListSupportiveServicesResponse { SupportiveServices = { page.Select(s => s.ToProto(participant.TenantId)) }, NextPageToken = next };
    }

    public override async Task<V1.Referral> CreateReferral(V1.CreateReferralRequest request, ServerCallContext context)
    {
        var participant = await ParticipantAsync(request.Parent, "parent", context, tracked: false);
        var given = request.Referral ?? new V1.Referral();
        var input = new InputCollector();
        var organization = await input.TakeAsync(() => OrganizationIdAsync(participant.TenantId, given.Organization, "referral.organization", context));
        var barrier = given.Barrier == V1.BarrierKind.Unspecified ? (BarrierKind?)null
            : input.Take(() => given.Barrier.ToDomain<V1.BarrierKind, BarrierKind>() ?? throw new InvalidInput("referral.barrier", "is not a barrier PIRL records."));
        var need = given.Need == V1.SupportiveServiceKind.Unspecified ? (SupportiveServiceKind?)null
            : input.Take(() => given.Need.ToDomain<V1.SupportiveServiceKind, SupportiveServiceKind>() ?? throw new InvalidInput("referral.need", "is not a kind of supportive service."));
        var date = input.Take(() => given.ReferralDate.ToDate("referral.referral_date") ?? throw new InvalidInput("referral.referral_date", "is required."));
        var referral = input.Finish(() => Referral.Make(participant, Calls.Id(request.ReferralId),
            organization, barrier, need, date, clock.GetUtcNow()));
        var name = referral.Name();
        if (await db.Referrals.AnyAsync(r => r.TenantId == referral.TenantId && r.PartnershipId == referral.PartnershipId
            && r.ParticipantId == referral.ParticipantId && r.Id == referral.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExists(name);
        }
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(context.CancellationToken);
        return referral.ToProto();
    }

    public override async Task<V1.Referral> GetReferral(V1.GetReferralRequest request, ServerCallContext context) =>
        (await ReferralAsync(request.Name, context, tracked: false)).ToProto();

    public override async Task<V1.ListReferralsResponse> ListReferrals(V1.ListReferralsRequest request, ServerCallContext context)
    {
        var ids = Names.Participant.Parse(request.Parent, "parent");
        var (referrals, next) = await db.Referrals.AsNoTracking().Where(r => r.TenantId == ids[0] && r.PartnershipId == ids[1] && r.ParticipantId == ids[2])
            .PageAsync(r => r.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        if (referrals.Count == 0 && !await db.Participants.AnyAsync(p => p.TenantId == ids[0] && p.PartnershipId == ids[1] && p.Id == ids[2], context.CancellationToken))
        {
            throw new ResourceNotFound(request.Parent);
        }
        return new V1.ListReferralsResponse { Referrals = { referrals.Select(r => r.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Referral> RecordReferralOutcome(V1.RecordReferralOutcomeRequest request, ServerCallContext context)
    {
        var referral = await ReferralAsync(request.Name, context, tracked: true);
        var input = new InputCollector();
        var outcome = input.Take(() => request.Outcome.ToDomain<V1.ReferralOutcome, ReferralOutcome>()
            ?? throw new InvalidInput("outcome", "is required: REFERRAL_OUTCOME_SERVICE_RECEIVED, REFERRAL_OUTCOME_DECLINED, REFERRAL_OUTCOME_COULD_NOT_REACH or REFERRAL_OUTCOME_NOT_ELIGIBLE."));
        var date = input.Take(() => request.OutcomeDate.ToDate("outcome_date") ?? throw new InvalidInput("outcome_date", "is required."));
        input.Finish(() => referral.RecordOutcome(outcome, date, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return referral.ToProto();
    }

    private async Task<Participant> ParticipantAsync(string? name, string field, ServerCallContext context, bool tracked)
    {
        var ids = Names.Participant.Parse(name, field);
        var participants = tracked ? db.Participants : db.Participants.AsNoTracking();
        return await participants.GetNamedAsync(ids, name!, context.CancellationToken);
    }

    private async Task<Referral> ReferralAsync(string? name, ServerCallContext context, bool tracked)
    {
        var ids = Names.Referral.Parse(name, "name");
        var referrals = tracked ? db.Referrals : db.Referrals.AsNoTracking();
        return await referrals.SingleOrDefaultAsync(r => r.TenantId == ids[0] && r.PartnershipId == ids[1] && r.ParticipantId == ids[2] && r.Id == ids[3],
            context.CancellationToken) ?? throw new ResourceNotFound(name!);
    }

    /// <summary>The id of an organization of the participant's tenant, as the Partnerships service knows it.</summary>
    private async Task<string> OrganizationIdAsync(string tenant, string name, string field, ServerCallContext context)
    {
        var ids = Names.Organization.Parse(name, field);
        new Violations().Require(ids[0] == tenant, field, "must be an organization of the participant's tenant.").ThrowIfAny();
        await directory.OrganizationAsync(name, context.CancellationToken);
        return ids[1];
    }
}
