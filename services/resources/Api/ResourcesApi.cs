using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Resources.Data;
using SectorMesh.Resources.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Resources.V1;

namespace SectorMesh.Resources.Api;

/// <summary>The Resources gRPC API: checks access, asks the Partnerships service who the partners are, lets the domain decide.</summary>
[Authorize]
public sealed class ResourcesApi(ResourcesDbContext db, PartnerDirectory partners, TimeProvider clock) : V1.Resources.ResourcesBase
{
    /// <summary>A funding source's kind is fixed once recorded.</summary>
    private static readonly string[] UpdatableFundingSourceFields =
        ["display_name", "amount", "period", "restrictions", "strategy", "sector_strategy", "funder", "status"];

    private const string DefaultCurrency = "USD";

    public override async Task<V1.FundingSource> CreateFundingSource(V1.CreateFundingSourceRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.FundingSource ?? new V1.FundingSource();
        var input = new InputCollector();
        var amount = input.Take(() => given.Amount.ToMoney("funding_source.amount"));
        var period = input.Take(() => given.Period.ToPeriod("funding_source.period"));
        var strategy = await StrategyNamed(tenant, partnership, given.SectorStrategy, given.StrategyTitle(), "funding_source", input, context);
        var source = input.Finish(() => FundingSource.Record(tenant, partnership, Id(request.FundingSourceId), given.DisplayName,
            given.Kind.ToDomain<V1.FundingKind, FundingKind>(), amount, period, given.Restrictions,
            given.Status.ToDomain<V1.FundingStatus, FundingStatus>(), strategy, given.Funder, clock.GetUtcNow()));
        await db.AddNewAsync(source, $"{request.Parent}/fundingSources/{source.Id}", context.CancellationToken);
        return source.ToProto(db.VersionOf(source));
    }

    public override async Task<V1.FundingSource> GetFundingSource(V1.GetFundingSourceRequest request, ServerCallContext context)
    {
        var source = await FundingSourceNamed(request.Name, "name", context);
        return source.ToProto(db.VersionOf(source));
    }

    public override async Task<V1.ListFundingSourcesResponse> ListFundingSources(V1.ListFundingSourcesRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (sources, next) = await db.FundingSources.Where(f => f.TenantId == tenant && f.PartnershipId == partnership)
            .PageAsync(f => f.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListFundingSourcesResponse { FundingSources = { sources.Select(f => f.ToProto(db.VersionOf(f))) }, NextPageToken = next };
    }

    public override async Task<V1.FundingSource> UpdateFundingSource(V1.UpdateFundingSourceRequest request, ServerCallContext context)
    {
        var given = request.FundingSource ?? new V1.FundingSource();
        var source = await FundingSourceNamed(given.Name, "funding_source.name", context);
        Etags.Ensure(given.Etag, db.VersionOf(source), given.Name);
        var paths = UpdateMasks.Read(request.UpdateMask, UpdatableFundingSourceFields);
        var input = new InputCollector();
        var amount = paths.Contains("amount") ? input.Take(() => (Money?)given.Amount.ToMoney("funding_source.amount")) : null;
        var period = paths.Contains("period") ? input.Take(() => (Period?)given.Period.ToPeriod("funding_source.period")) : null;
        var status = paths.Contains("status")
            ? input.Take(() => given.Status.ToDomain<V1.FundingStatus, FundingStatus>()
                ?? throw new InvalidInput("funding_source.status", "is required: FUNDING_STATUS_PROSPECT, FUNDING_STATUS_APPLIED, FUNDING_STATUS_AWARDED, FUNDING_STATUS_DECLINED or FUNDING_STATUS_SPENT."))
            : (FundingStatus?)null;
        var restricts = paths.Contains("strategy") || paths.Contains("sector_strategy");
        var strategy = restricts
            ? await StrategyNamed(source.TenantId, source.PartnershipId, paths.Contains("sector_strategy") ? given.SectorStrategy : "",
                paths.Contains("strategy") ? given.StrategyTitle() : "", "funding_source", input, context)
            : (StrategyRef?)null;
        var corrects = paths.Except(["status"]).Any();
        input.Finish(() =>
        {
            if (corrects)
            {
                source.Correct(paths.Contains("display_name") ? given.DisplayName : null, amount, period,
                    paths.Contains("restrictions") ? given.Restrictions : null, strategy, paths.Contains("funder") ? given.Funder : null, clock.GetUtcNow());
            }
        });
        if (status is { } moved)
        {
            source.MoveTo(moved, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return source.ToProto(db.VersionOf(source));
    }

    public override async Task<V1.Commitment> CreateCommitment(V1.CreateCommitmentRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.Commitment ?? new V1.Commitment();
        var organization = Names.Organization.Parse(given.Organization, "commitment.organization");
        var agreement = Names.Agreement.Parse(given.Agreement, "commitment.agreement");
        new Violations()
            .Require(organization[0] == tenant, "commitment.organization", "must be an organization of the partnership's tenant.")
            .Require(agreement[0] == tenant && agreement[1] == partnership && int.TryParse(agreement[2], out _), "commitment.agreement",
                "must be an agreement of this partnership: tenants/{tenant}/partnerships/{partnership}/agreements/{version}.")
            .ThrowIfAny();
        var version = int.Parse(agreement[2]);
        var kind = given.Kind.ToDomain<V1.CommitmentKind, CommitmentKind>();
        var staffTime = kind == CommitmentKind.StaffTime;
        var input = new InputCollector();
        var value = staffTime ? null : input.Take(() => given.Value.ToOptionalMoney("commitment.value"));
        var rate = staffTime ? input.Take(() => given.HourlyRate.ToOptionalMoney("commitment.hourly_rate")) : null;
        var period = input.Take(() => given.Period.ToPeriod("commitment.period"));
        var fundingSource = await input.TakeAsync(() => FundingSourceRecordedAs(tenant, partnership, given.FundingSource, context)) ?? "";
        var strategyId = input.Take(() => StrategyId(tenant, partnership, given.SectorStrategy, "commitment")) ?? "";

        var roster = await partners.RosterAsync(tenant, partnership,
            r => r.CurrentPartners.Contains(organization[1]) && r.Agreement(version) is { Standing: AgreementStanding.Signed } held
                && held.Parties.Contains(organization[1]) && r.Knows(strategyId, given.StrategyTitle()),
            context.CancellationToken);
        var strategy = input.Take(() => (StrategyRef?)roster.Strategy(strategyId, given.StrategyTitle(), "commitment")) ?? new StrategyRef(strategyId, given.StrategyTitle());
        var commitment = input.Finish(() => ResourceCommitment.Make(tenant, partnership, Id(request.CommitmentId), organization[1], version, kind,
            given.Description, value, staffTime ? given.Hours.ToDecimal("commitment.hours") : null, rate, period, strategy, fundingSource, roster,
            clock.GetUtcNow()));
        await db.AddNewAsync(commitment, $"{request.Parent}/commitments/{commitment.Id}", context.CancellationToken);
        return commitment.ToProto();
    }

    public override async Task<V1.Commitment> GetCommitment(V1.GetCommitmentRequest request, ServerCallContext context)
    {
        var ids = Names.Commitment.Parse(request.Name, "name");
        var commitment = await db.Commitments.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken);
        return commitment.ToProto();
    }

    public override async Task<V1.ListCommitmentsResponse> ListCommitments(V1.ListCommitmentsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (commitments, next) = await db.Commitments.AsNoTracking().Where(c => c.TenantId == tenant && c.PartnershipId == partnership)
            .PageAsync(c => c.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListCommitmentsResponse { Commitments = { commitments.Select(c => c.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Commitment> RecordContribution(V1.RecordContributionRequest request, ServerCallContext context)
    {
        var ids = Names.Commitment.Parse(request.Name, "name");
        var caller = context.Caller();
        var commitment = await db.Commitments.GetNamedAsync(ids, request.Name, context.CancellationToken);
        caller.Ensure(caller.ActsFor(ids[0], ids[1], commitment.OrganizationId), "record contributions for this organization");
        var given = request.Contribution ?? new V1.Contribution();
        var date = given.Date.ToDate("contribution.date") ?? throw new InvalidInput("contribution.date", "is required.");
        commitment.RecordContribution(date, given.Value.ToOptionalMoney("contribution.value"),
            given.Hours > 0 ? given.Hours.ToDecimal("contribution.hours") : null, given.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return commitment.ToProto();
    }

    public override async Task<V1.ResourceNeed> CreateResourceNeed(V1.CreateResourceNeedRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.ResourceNeed ?? new V1.ResourceNeed();
        var input = new InputCollector();
        var period = input.Take(() => given.Period.ToPeriod("resource_need.period"));
        var amount = input.Take(() => given.Amount.ToMoney("resource_need.amount"));
        var strategy = await StrategyNamed(tenant, partnership, given.SectorStrategy, given.StrategyTitle(), "resource_need", input, context);
        var need = input.Finish(() => ResourceNeed.Plan(tenant, partnership, Id(request.ResourceNeedId), strategy, period, amount));
        await db.AddNewAsync(need, $"{request.Parent}/resourceNeeds/{need.Id}", context.CancellationToken);
        return need.ToProto();
    }

    public override async Task<V1.ResourceReport> GetResourceReport(V1.GetResourceReportRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.ResourceReport.Parse(request.Name, "name");
        var funding = await db.FundingSources.AsNoTracking().Where(f => f.TenantId == tenant && f.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.TenantId == tenant && c.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        var needs = await db.ResourceNeeds.AsNoTracking().Where(n => n.TenantId == tenant && n.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        var currency = funding.Select(f => f.Amount.Currency).Concat(needs.Select(n => n.Amount.Currency)).FirstOrDefault() ?? DefaultCurrency;

        var figures = new ResourceFigures(funding, commitments, needs, currency, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return new V1.ResourceReport
        {
            Name = request.Name,
            CurrencyCode = currency,
            Gaps =
            {
                figures.GapAnalysis().Select(g => new V1.ResourceGap
                {
                    Strategy = g.Strategy.Title,
                    SectorStrategy = ResourceMapping.Strategy(tenant, partnership, g.Strategy.Id),
                    Period = g.Period.ToProto(),
                    Need = g.Need.ToProto(),
                    SecuredFunding = g.SecuredFunding.ToProto(),
                    Commitments = g.Commitments.ToProto(),
                    UnrestrictedFunding = g.UnrestrictedFunding.ToProto(),
                    Gap = g.Gap.ToProto(),
                }),
            },
            Leverage = figures.Leverage().ToProto(),
            FundingConcentration = figures.FundingConcentration().ToProto(),
            CommitmentFulfilment = figures.CommitmentFulfilment().ToProto(),
            SustainabilityRunway = figures.SustainabilityRunway().ToProto(),
        };
    }

    private async Task<FundingSource> FundingSourceNamed(string? name, string field, ServerCallContext context)
    {
        var ids = Names.FundingSource.Parse(name, field);
        return await db.FundingSources.GetNamedAsync(ids, name!, context.CancellationToken);
    }

    private static string Id(string requested) => string.IsNullOrEmpty(requested) ? ResourceId.New() : requested;

    /// <summary>
    /// The sector strategy a request names, by resource name or (older clients) by title, as the
    /// Partnerships service knows it; asking it also confirms the partnership exists.
    /// </summary>
    private async Task<StrategyRef> StrategyNamed(string tenant, string partnership, string name, string title, string prefix, InputCollector input,
        ServerCallContext context)
    {
        var id = input.Take(() => StrategyId(tenant, partnership, name, prefix)) ?? "";
        var roster = await partners.RosterAsync(tenant, partnership, r => r.Knows(id, title), context.CancellationToken);
        // A strategy not found is carried on as named, so the one violation collected answers for it and the domain adds no second.
        return input.Take(() => (StrategyRef?)roster.Strategy(id, title, prefix)) ?? new StrategyRef(id, title);
    }

    private static string StrategyId(string tenant, string partnership, string name, string prefix)
    {
        if (name.Length == 0)
        {
            return "";
        }
        var ids = Names.Strategy.Parse(name, $"{prefix}.sector_strategy");
        new Violations()
            .Require(ids[0] == tenant && ids[1] == partnership, $"{prefix}.sector_strategy",
                "must be a strategy of this partnership: tenants/{tenant}/partnerships/{partnership}/strategies/{strategy}.")
            .ThrowIfAny();
        return ids[2];
    }

    /// <summary>The funding source a commitment is also recorded as: one of the same partnership's, already recorded.</summary>
    private async Task<string> FundingSourceRecordedAs(string tenant, string partnership, string name, ServerCallContext context)
    {
        if (name.Length == 0)
        {
            return "";
        }
        var ids = Names.FundingSource.Parse(name, "commitment.funding_source");
        var exists = ids[0] == tenant && ids[1] == partnership && await db.FundingSources.AnyAsync(
            f => f.TenantId == tenant && f.PartnershipId == partnership && f.Id == ids[2], context.CancellationToken);
        return exists ? ids[2] : throw new InvalidInput("commitment.funding_source", $"must name a funding source of this partnership; {name} does not exist.");
    }
}
