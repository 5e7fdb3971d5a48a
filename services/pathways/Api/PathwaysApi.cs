using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>The Career Pathways gRPC API: parses names, loads what the domain needs, lets it decide, stores the result.</summary>
[Authorize]
public sealed partial class PathwaysApi(PathwaysDbContext db, PersonalDataProtector personalData, PartnershipDirectory directory, EngagementDirectory engagement,
    TimeProvider clock)
    : V1.Pathways.PathwaysBase
{
    private async Task<Participant> ParticipantAsync(string? name, string field, ServerCallContext context, bool tracked)
    {
        var ids = Names.Participant.Parse(name, field);
        var participants = tracked ? db.Participants : db.Participants.AsNoTracking();
        return await participants.GetNamedAsync(ids, name!, context.CancellationToken);
    }

}
