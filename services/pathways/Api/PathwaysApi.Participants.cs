using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Data.Imports;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

public sealed partial class PathwaysApi
{
    public override async Task<V1.Participant> CreateParticipant(V1.CreateParticipantRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
        var given = request.Participant ?? new V1.Participant();
        var now = clock.GetUtcNow();
        var input = new InputCollector();
        var entry = input.Take(() => given.EntryDate.ToDate("participant.entry_date") ?? throw new InvalidInput("participant.entry_date", "is required (PIRL 900)."));
        var pathway = given.CareerPathway.Length == 0 ? null : await input.TakeAsync(async () =>
        {
            var ids = Names.CareerPathway.Parse(given.CareerPathway, "participant.career_pathway");
            new Violations().Require(ids[0] == tenant && ids[1] == partnership, "participant.career_pathway", "must be a pathway of this partnership.").ThrowIfAny();
            return await db.CareerPathways.AsNoTracking().GetNamedAsync(ids, given.CareerPathway, context.CancellationToken);
        });
        var personal = given.PersonalData is { } p
            ? input.Take(() => PersonalData.Of(p.GivenName, p.FamilyName, p.BirthDate.ToDate("participant.personal_data.birth_date"), p.Email, p.Phone,
                DateOnly.FromDateTime(now.UtcDateTime)))
            : null;
        var barriers = input.Take(() => given.Barriers.ToBarriers("participant.barriers"));
        var participant = input.Finish(() => Participant.Enrol(tenant, partnership, Calls.Id(request.ParticipantId), entry, given.EmploymentStatusAtEntry.ToDomain<V1.EmploymentStatus, EmploymentStatus>(),
            pathway, given.CurrentStep.Length == 0 ? null : given.CurrentStep, now));
        if (barriers.Count > 0)
        {
            participant.RecordBarriers(barriers, now);
        }
        var name = Names.Participant.Format(tenant, partnership, participant.Id);
        if (personal is not null)
        {
            db.PersonalData.Add(new SealedPersonalData(tenant, partnership, participant.Id, personalData.Protect(personal, name)));
        }
        await db.AddNewAsync(participant, name, context.CancellationToken);
        return participant.ToProto();
    }

    public override async Task<V1.Participant> GetParticipant(V1.GetParticipantRequest request, ServerCallContext context) =>
        (await ParticipantAsync(request.Name, "name", context, tracked: false)).ToProto();

    public override async Task<V1.ListParticipantsResponse> ListParticipants(V1.ListParticipantsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (participants, next) = await db.Participants.AsNoTracking().Where(p => p.TenantId == tenant && p.PartnershipId == partnership)
            .PageAsync(p => p.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListParticipantsResponse { Participants = { participants.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    public override async Task<Google.Api.HttpBody> ExportParticipants(V1.ExportParticipantsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var participants = await db.Participants.AsNoTracking().Where(p => p.TenantId == tenant && p.PartnershipId == partnership)
            .OrderBy(p => p.Id).ToListAsync(context.CancellationToken);
        context.GetHttpContext().Response.Headers.ContentDisposition = $"attachment; filename=\"{partnership}-participants-pirl.csv\"";
        return new Google.Api.HttpBody
        {
            ContentType = "text/csv; charset=utf-8",
            Data = Google.Protobuf.ByteString.CopyFromUtf8(string.Join('\n', PirlFile.Write(participants)) + "\n"),
        };
    }

    public override async Task<V1.ParticipantPersonalData> GetParticipantPersonalData(V1.GetParticipantPersonalDataRequest request, ServerCallContext context)
    {
        var ids = Names.ParticipantPersonalData.Parse(request.Name, "name");
        var participantName = Names.ParticipantPersonalData.ParentOf(request.Name);
        var data = await db.PersonalData.AsNoTracking()
            .SingleOrDefaultAsync(d => d.TenantId == ids[0] && d.PartnershipId == ids[1] && d.ParticipantId == ids[2], context.CancellationToken)
            ?? throw new ResourceNotFound(request.Name);
        return personalData.Unprotect(data.SealedData, participantName).ToProto(request.Name);
    }

    public override async Task<V1.NextSteps> GetNextSteps(V1.GetNextStepsRequest request, ServerCallContext context)
    {
        new Violations().Require(CareerPathway.SocCode().IsMatch(request.TargetOccupation ?? ""), "target_occupation", "must be a SOC code such as 29-1141.")
            .ThrowIfAny();
        var participant = await ParticipantAsync(request.Name, "name", context, tracked: false);
        if (participant.CareerPathwayId is null || participant.CurrentStep is null)
        {
            throw new InvalidInput("name", "is a participant on no step of a career pathway; enrol them on one to plan their next steps.");
        }
        var pathway = await db.CareerPathways.AsNoTracking().GetNamedAsync([participant.TenantId, participant.PartnershipId, participant.CareerPathwayId],
            Names.CareerPathway.Format(participant.TenantId, participant.PartnershipId, participant.CareerPathwayId), context.CancellationToken);
        return new V1.NextSteps
        {
            Name = request.Name,
            TargetOccupation = request.TargetOccupation,
            Routes = { pathway.RoutesTo(participant.CurrentStep, request.TargetOccupation!).Take(20).Select(r => r.ToProto()) },
        };
    }
}
