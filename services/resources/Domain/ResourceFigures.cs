namespace SectorMesh.Resources.Domain;

/// <summary>One row of the resource gap analysis: a strategy's need in a period against what covers it.</summary>
public sealed record ResourceGap(string Strategy, Period Period, Money Need, Money SecuredFunding, Money Commitments)
{
    public Money Covered => SecuredFunding + Commitments;

    /// <summary>Positive: still to find. Negative: more is secured than needed.</summary>
    public Money Gap => Need - Covered;
}

/// <summary>A figure with the sentence that explains how it was reached, as a board member would ask.</summary>
public sealed record Figure(decimal? Value, string Explanation);

/// <summary>
/// The figures a board asks of a partnership's resources. Only secured funding (awarded or
/// spent) counts: prospects and applications are hopes, not resources. Amounts spanning more
/// than the period asked about count in proportion to the days that fall inside it.
/// </summary>
public sealed class ResourceFigures(IReadOnlyList<FundingSource> funding, IReadOnlyList<ResourceCommitment> commitments, IReadOnlyList<ResourceNeed> needs, string currency)
{
    private readonly List<FundingSource> _secured = funding.Where(f => f.Status.IsSecured()).ToList();

    private Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(currency), (a, b) => a + b);

    /// <summary>Needs by strategy and period, against the secured funding and commitments for that strategy in that period.</summary>
    public IReadOnlyList<ResourceGap> GapAnalysis() =>
        needs.OrderBy(n => n.Strategy, StringComparer.Ordinal).ThenBy(n => n.Period.Start)
            .Select(need => new ResourceGap(
                need.Strategy,
                need.Period,
                need.Amount,
                Sum(_secured.Where(f => f.Strategy == need.Strategy).Select(f => f.Amount.Times(f.Period.ShareWithin(need.Period)))),
                Sum(commitments.Where(c => c.Strategy == need.Strategy).Select(c => c.Value.Times(c.Period.ShareWithin(need.Period))))))
            .ToList();

    /// <summary>Partner commitments and non-public funding per public dollar secured.</summary>
    public Figure Leverage()
    {
        var publicMoney = Sum(_secured.Where(f => f.Kind.IsPublic()).Select(f => f.Amount));
        var nonPublic = Sum(_secured.Where(f => !f.Kind.IsPublic()).Select(f => f.Amount));
        var pledged = Sum(commitments.Select(c => c.Value));
        if (publicMoney.Amount == 0)
        {
            return new Figure(null, "No public funding is secured, so there is nothing to lever.");
        }
        var leverage = decimal.Round((nonPublic + pledged).Amount / publicMoney.Amount, 2);
        return new Figure(leverage,
            $"{nonPublic} of non-public funding and {pledged} of partner commitments against {publicMoney} of secured public funding: {leverage:0.00} per public dollar.");
    }

    /// <summary>
    /// How concentrated the secured funding is: the Herfindahl-Hirschman index of the sources'
    /// shares on a 0-10,000 scale (10,000 is a single source), and the equivalent number of equal sources.
    /// </summary>
    public Figure FundingConcentration()
    {
        var total = Sum(_secured.Select(f => f.Amount));
        if (total.Amount == 0)
        {
            return new Figure(null, "No funding is secured yet.");
        }
        var index = decimal.Round(_secured.Sum(f => (f.Amount.Amount / total.Amount) * (f.Amount.Amount / total.Amount)) * 10_000m, 0);
        var equivalent = index == 0 ? 0 : decimal.Round(10_000m / index, 1);
        var reading = index switch
        {
            < 1500 => "diverse",
            <= 2500 => "moderately concentrated",
            _ => "concentrated",
        };
        return new Figure(index,
            $"{_secured.Count} secured sources totalling {total}; concentration index {index:0} ({reading}; below 1,500 is diverse, above 2,500 concentrated), as if {equivalent:0.0} equal sources.");
    }

    /// <summary>Of everything partners pledged, the share delivered so far, each pledge counted at most in full.</summary>
    public Figure CommitmentFulfilment()
    {
        var pledged = Sum(commitments.Select(c => c.Value));
        if (pledged.Amount == 0)
        {
            return new Figure(null, "No partner commitments are recorded.");
        }
        var fulfilled = Sum(commitments.Select(c => c.Fulfilled));
        var rate = decimal.Round(fulfilled.Amount / pledged.Amount, 4);
        var over = commitments.Count(c => c.Contributed.Amount > c.Value.Amount);
        return new Figure(rate,
            $"{fulfilled} delivered of {pledged} pledged ({rate:P1})" + (over > 0 ? $"; {over} commitment(s) were exceeded, counted at their pledge." : "."));
    }

    /// <summary>
    /// Months the partnership's work stays funded once its current public grants end: the
    /// non-public funding and commitments that run past that date, over the monthly need then.
    /// </summary>
    public Figure SustainabilityRunway()
    {
        var grants = _secured.Where(f => f.Kind.IsPublic()).ToList();
        if (grants.Count == 0)
        {
            return new Figure(null, "No public grants are secured, so there is no end of grants to measure from.");
        }
        var grantsEnd = grants.Max(g => g.Period.End);
        var after = new Period(grantsEnd.AddDays(1), DateOnly.MaxValue.AddDays(-1));
        var available = Sum(_secured.Where(f => !f.Kind.IsPublic()).Select(f => f.Amount.Times(f.Period.ShareWithin(after)))
            .Concat(commitments.Select(c => c.Value.Times(c.Period.ShareWithin(after)))));
        var later = needs.Where(n => n.Period.OverlapDays(after) > 0).ToList();
        var monthly = (later.Count > 0 ? later : needs).Select(n => n.Amount.Amount / n.Period.Months).Sum();
        if (monthly == 0)
        {
            return new Figure(null, "No resource needs are recorded, so there is no monthly cost to cover.");
        }
        var months = decimal.Round(available.Amount / monthly, 1);
        return new Figure(months,
            $"Public grants end {grantsEnd:yyyy-MM-dd}; {available} of other funding and commitments runs past then, against needs of {new Money(decimal.Round(monthly, 2), currency)} a month: {months:0.0} months.");
    }
}
