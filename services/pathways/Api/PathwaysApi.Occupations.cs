using Grpc.Core;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

public sealed partial class PathwaysApi
{
    public override async Task<V1.Occupation> GetOccupation(V1.GetOccupationRequest request, ServerCallContext context)
    {
        var ids = Names.Occupation.Parse(request.Name, "name");
        new Violations().Require(CareerPathway.SocCode().IsMatch(ids[1]), "name", "must end in a SOC code such as 29-1141.").ThrowIfAny();
        var occupation = await engagement.OccupationAsync(ids[0], ids[1], context.CancellationToken)
            ?? throw new ResourceNotFound(request.Name);
        return occupation.ToProto(ids[0]);
    }
}
