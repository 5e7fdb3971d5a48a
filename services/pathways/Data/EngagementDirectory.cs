using SectorMesh.Contracts;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Pathways.Data;

/// <summary>
/// What the Industry Engagement service knows of a partnership's employers and workforce, asked with
/// the caller's behalf (<see cref="ServiceClients"/>): the needs employers record and the gaps the partnership's skills gap
/// analyses find. Read whole, page by page: a partnership has tens of employers and analyses, not thousands.
/// </summary>
public sealed class EngagementDirectory(V1.Engagement.EngagementClient engagement)
{
    private const int PageSize = 100;

    /// <summary>The needs of the employers still in the partnership.</summary>
    public async Task<IReadOnlyList<EmployerNeed>> NeedsAsync(string tenant, string partnership, CancellationToken cancellationToken)
    {
        var parent = Names.Partnership.Format(tenant, partnership);
        var employers = await AllPagesAsync(token => engagement.ListEmployerEngagementsAsync(
            new V1.ListEmployerEngagementsRequest { Parent = parent, PageSize = PageSize, PageToken = token },
            cancellationToken: cancellationToken).ResponseAsync, page => (page.EmployerEngagements, page.NextPageToken));
        return [.. employers.Where(e => e.CurrentPartner).SelectMany(e => e.Needs.Select(n =>
            new EmployerNeed(OrganizationId(e.Organization), n.SocCode, n.Openings12Months, n.HardToFill)))];
    }

    /// <summary>Each analysis's skills, with the largest gap any of its target occupations shows in the skill.</summary>
    public async Task<IReadOnlyList<SkillsGap>> GapsAsync(string tenant, string partnership, CancellationToken cancellationToken)
    {
        var parent = Names.Partnership.Format(tenant, partnership);
        var analyses = await AllPagesAsync(token => engagement.ListSkillsGapAnalysesAsync(
            new V1.ListSkillsGapAnalysesRequest { Parent = parent, PageSize = PageSize, PageToken = token },
            cancellationToken: cancellationToken).ResponseAsync, page => (page.SkillsGapAnalyses, page.NextPageToken));
        return [.. analyses.SelectMany(analysis => analysis.Gaps
            .GroupBy(g => g.ElementId)
            .Select(skill => new SkillsGap(analysis.Name[(analysis.Name.LastIndexOf('/') + 1)..], skill.Key, skill.First().ElementName,
                Math.Round((decimal)skill.Max(g => g.Gap), 1))))];
    }

    /// <summary>Every item of a paged list, asking page after page until the service gives no next page token.</summary>
    private static async Task<IReadOnlyList<TItem>> AllPagesAsync<TPage, TItem>(Func<string, Task<TPage>> list,
        Func<TPage, (IEnumerable<TItem> Items, string NextPageToken)> read)
    {
        var items = new List<TItem>();
        var token = "";
        do
        {
            var (page, next) = read(await list(token));
            items.AddRange(page);
            token = next;
        }
        while (token.Length > 0);
        return items;
    }

    /// <summary>The occupation as the tenant's latest OEWS figures describe it, across industries; null when the tenant has none.</summary>
    public async Task<Occupation?> OccupationAsync(string tenant, string socCode, CancellationToken cancellationToken)
    {
        var parent = Names.Tenant.Format(tenant);
        var rows = await engagement.ListOccupationEmploymentAsync(new V1.ListOccupationEmploymentRequest { Parent = parent, OccupationCode = socCode },
            cancellationToken: cancellationToken).ResponseAsync;
        return Occupation.Latest(socCode, rows.OccupationEmployment
            .Where(r => r.IndustryCode == CrossIndustry)
            .Select(r => (r.Year, r.OccupationTitle, new OccupationArea(r.AreaCode, r.AreaTitle, r.HasEmployment ? r.Employment : null,
                r.HasAnnualMedianWage ? (decimal)r.AnnualMedianWage : null, r.WageTopCoded))));
    }

    /// <summary>OEWS's NAICS code for an occupation's figures across all industries.</summary>
    private const string CrossIndustry = "000000";

    private static string OrganizationId(string organizationName) => organizationName[(organizationName.LastIndexOf('/') + 1)..];
}
