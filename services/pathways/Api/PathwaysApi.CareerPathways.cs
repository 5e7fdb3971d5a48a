using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

public sealed partial class PathwaysApi
{
    public override async Task<V1.CareerPathway> CreateCareerPathway(V1.CreateCareerPathwayRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
        var given = request.CareerPathway ?? new V1.CareerPathway();
        var input = new InputCollector();
        var steps = await StepsAsync(tenant, given, input, context);
        var bridges = await BridgesAsync(tenant, given, input, context);
        var pathway = input.Finish(() => CareerPathway.Define(tenant, partnership, Calls.Id(request.CareerPathwayId), given.DisplayName, steps, bridges, clock.GetUtcNow()));
        await db.AddNewAsync(pathway, Names.CareerPathway.Format(tenant, partnership, pathway.Id), context.CancellationToken);
        return pathway.ToProto(db.VersionOf(pathway));
    }

    private static readonly string[] UpdatablePathwayFields = ["display_name", "steps", "bridges"];

    public override async Task<V1.CareerPathway> UpdateCareerPathway(V1.UpdateCareerPathwayRequest request, ServerCallContext context)
    {
        var given = request.CareerPathway ?? new V1.CareerPathway();
        var ids = Names.CareerPathway.Parse(given.Name, "career_pathway.name");
        var pathway = await db.CareerPathways.GetNamedAsync(ids, given.Name, context.CancellationToken);
        Etags.Ensure(given.Etag, db.VersionOf(pathway), given.Name);
        var paths = UpdateMasks.Read(request.UpdateMask, UpdatablePathwayFields);
        var input = new InputCollector();
        var steps = paths.Contains("steps") ? await StepsAsync(pathway.TenantId, given, input, context) : pathway.Steps;
        var bridges = paths.Contains("bridges") ? await BridgesAsync(pathway.TenantId, given, input, context) : pathway.Bridges;
        var stepsInUse = await db.Participants.AsNoTracking()
            .Where(p => p.TenantId == pathway.TenantId && p.PartnershipId == pathway.PartnershipId && p.CareerPathwayId == pathway.Id && p.CurrentStep != null)
            .Select(p => p.CurrentStep!).Distinct().ToListAsync(context.CancellationToken);
        input.Finish(() => pathway.Revise(paths.Contains("display_name") ? given.DisplayName : pathway.DisplayName, steps, bridges, stepsInUse, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return pathway.ToProto(db.VersionOf(pathway));
    }

    /// <summary>The steps given, with the titles and wages left out taken from the tenant's OEWS figures.</summary>
    private async Task<List<PathwayStep>> StepsAsync(string tenant, V1.CareerPathway given, InputCollector input, ServerCallContext context)
    {
        var steps = given.Steps.Select((s, i) => new PathwayStep(s.StepId, s.Occupation, s.Title, s.EntryRequirements,
            input.Take(() => Math.Round(s.TypicalHourlyWage.ToDecimal($"career_pathway.steps[{i}].typical_hourly_wage"), 2)), s.Entry)).ToList();
        var occupations = new Dictionary<string, Occupation?>();
        for (var i = 0; i < steps.Count && steps.Count <= CareerPathway.MaxSteps; i++)
        {
            var (step, field) = (steps[i], $"career_pathway.steps[{i}]");
            if (step.NeedsOccupationFigures && CareerPathway.SocCode().IsMatch(step.Occupation) && !occupations.ContainsKey(step.Occupation))
            {
                occupations[step.Occupation] = await engagement.OccupationAsync(tenant, step.Occupation, context.CancellationToken);
            }
            steps[i] = input.Take(() => step.CompletedFrom(occupations.GetValueOrDefault(step.Occupation), field)) ?? step;
        }
        return steps;
    }

    /// <summary>The bridges given, each program one the tenant has.</summary>
    private async Task<List<Bridge>> BridgesAsync(string tenant, V1.CareerPathway given, InputCollector input, ServerCallContext context)
    {
        var bridges = new List<Bridge>();
        for (var i = 0; i < given.Bridges.Count; i++)
        {
            var b = given.Bridges[i];
            var field = $"career_pathway.bridges[{i}]";
            var kind = input.Take(() => b.Kind.ToDomain<V1.BridgeKind, BridgeKind>()
                ?? throw new InvalidInput($"{field}.kind", "is required: PROGRAM, CREDENTIAL or WORK_EXPERIENCE."));
            var program = b.Program.Length == 0 ? null : input.Take(() => Names.Program.Parse(b.Program, $"{field}.program"));
            bridges.Add(new Bridge(b.FromStep, b.ToStep, kind, program?[1], b.Description, b.Months, input.Take(() => b.Cost.Dollars($"{field}.cost"))));
        }
        var programIds = bridges.Select(b => b.ProgramId).OfType<string>().Distinct().ToList();
        var known = await db.Programs.AsNoTracking().Where(p => p.TenantId == tenant && programIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(context.CancellationToken);
        var unknown = programIds.Except(known).ToList();
        input.Take(() => unknown.Count == 0 ? true : throw new InvalidInput("career_pathway.bridges", $"name programs the tenant does not have: {string.Join(", ", unknown)}."));
        return bridges;
    }

    public override async Task<V1.CareerPathway> GetCareerPathway(V1.GetCareerPathwayRequest request, ServerCallContext context)
    {
        var ids = Names.CareerPathway.Parse(request.Name, "name");
        var pathway = await db.CareerPathways.GetNamedAsync(ids, request.Name, context.CancellationToken);
        return pathway.ToProto(db.VersionOf(pathway));
    }

    public override async Task<V1.ListCareerPathwaysResponse> ListCareerPathways(V1.ListCareerPathwaysRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (pathways, next) = await db.CareerPathways.Where(p => p.TenantId == tenant && p.PartnershipId == partnership)
            .PageAsync(p => p.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListCareerPathwaysResponse { CareerPathways = { pathways.Select(p => p.ToProto(db.VersionOf(p))) }, NextPageToken = next };
    }
}
