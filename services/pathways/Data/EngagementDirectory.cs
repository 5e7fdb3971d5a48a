using Grpc.Core;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Pathways.Data;

/// <summary>
/// What the Industry Engagement service knows of a partnership's employers and workforce, asked with
/// the caller's own token: the needs employers record and the gaps the partnership's skills gap
/// analyses find. Read whole, page by page: a partnership has tens of employers and analyses, not thousands.
/// </summary>
public sealed class EngagementDirectory(V1.Engagement.EngagementClient engagement)
{
    private const string Down = "The Industry Engagement service, which knows the partnership's employer needs and skills gaps, is not answering; try again shortly.";
    private const int PageSize = 100;

    /// <summary>The needs of the employers still in the partnership.</summary>
    public async Task<IReadOnlyList<EmployerNeed>> NeedsAsync(string tenant, string partnership, string authorization, CancellationToken cancellationToken)
    {
        var parent = $"tenants/{tenant}/partnerships/{partnership}";
        var needs = new List<EmployerNeed>();
        var token = "";
        do
        {
            var page = await DependencyCalls.CallAsync(deadline => engagement.ListEmployerEngagementsAsync(
                new V1.ListEmployerEngagementsRequest { Parent = parent, PageSize = PageSize, PageToken = token },
                Headers(authorization), deadline, cancellationToken).ResponseAsync, parent, Down);
            needs.AddRange(page.EmployerEngagements.Where(e => e.CurrentPartner).SelectMany(e => e.Needs.Select(n =>
                new EmployerNeed(OrganizationId(e.Organization), n.SocCode, n.Openings12Months, n.HardToFill))));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return needs;
    }

    /// <summary>Each analysis's skills, with the largest gap any of its target occupations shows in the skill.</summary>
    public async Task<IReadOnlyList<SkillsGap>> GapsAsync(string tenant, string partnership, string authorization, CancellationToken cancellationToken)
    {
        var parent = $"tenants/{tenant}/partnerships/{partnership}";
        var gaps = new List<SkillsGap>();
        var token = "";
        do
        {
            var page = await DependencyCalls.CallAsync(deadline => engagement.ListSkillsGapAnalysesAsync(
                new V1.ListSkillsGapAnalysesRequest { Parent = parent, PageSize = PageSize, PageToken = token },
                Headers(authorization), deadline, cancellationToken).ResponseAsync, parent, Down);
            gaps.AddRange(page.SkillsGapAnalyses.SelectMany(analysis => analysis.Gaps
                .GroupBy(g => g.ElementId)
                .Select(skill => new SkillsGap(analysis.Name[(analysis.Name.LastIndexOf('/') + 1)..], skill.Key, skill.First().ElementName,
                    Math.Round((decimal)skill.Max(g => g.Gap), 1)))));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return gaps;
    }

    private static string OrganizationId(string organizationName) => organizationName[(organizationName.LastIndexOf('/') + 1)..];

    private static Metadata Headers(string authorization) => new() { { "authorization", authorization } };
}
