using System.Text.RegularExpressions;

namespace SectorMesh.Resources.Domain;

/// <summary>
/// One row of the resource gap analysis: a strategy's need in a period against what covers it: the
/// funding and commitments for that strategy, then the unrestricted funding left for it.
/// </summary>
public sealed record ResourceGap(StrategyRef Strategy, Period Period, Money Need, Money SecuredFunding, Money Commitments, Money UnrestrictedFunding)
{
    public Money Covered => SecuredFunding + Commitments + UnrestrictedFunding;

    /// <summary>Positive: still to find. Negative: more restricted funding is secured than needed.</summary>
    public Money Gap => Need - Covered;
}

/// <summary>A figure with the sentence that explains how it was reached, as a board member would ask.</summary>
public sealed record Figure(decimal? Value, string Explanation);

/// <summary>
/// The figures a board asks of a partnership's resources. Only secured funding (awarded or
/// spent) counts: prospects and applications are hopes, not resources. Amounts spanning more
/// than the period asked about count in proportion to the days that fall inside it. A pledge also
/// recorded as a funding source is one sum of money: once that source is secured it counts as the
/// source, and not again as a pledge.
/// </summary>
public sealed partial class ResourceFigures
{
    private readonly IReadOnlyList<ResourceCommitment> _commitments;
    private readonly IReadOnlyList<ResourceNeed> _needs;
    private readonly string _currency;
    private readonly DateOnly _today;
    private readonly List<FundingSource> _secured;
    private readonly List<ResourceCommitment> _counted;

    public ResourceFigures(IReadOnlyList<FundingSource> funding, IReadOnlyList<ResourceCommitment> commitments, IReadOnlyList<ResourceNeed> needs,
        string currency, DateOnly today)
    {
        _commitments = commitments;
        _needs = needs;
        _currency = currency;
        _today = today;
        _secured = funding.Where(f => f.Status.IsSecured()).ToList();
        var securedIds = _secured.Select(f => f.Id).ToHashSet();
        _counted = commitments.Where(c => !securedIds.Contains(c.FundingSourceId)).ToList();
    }

    private int CountedAsFunding => _commitments.Count - _counted.Count;

    private Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(_currency), (a, b) => a + b);

    private static Money Min(Money a, Money b) => a.Amount <= b.Amount ? a : b;

    /// <summary>
    /// Needs by strategy and period, against the secured funding and commitments for that strategy in
    /// that period, then the unrestricted funding. Unrestricted dollars go to the needs in order of their
    /// start, each need taking what its own resources leave open; a source gives a need no more than its
    /// share for the need's period, less what it already gave overlapping needs, and no dollar twice.
    /// </summary>
    public IReadOnlyList<ResourceGap> GapAnalysis()
    {
        var rows = _needs.Select(need => new ResourceGap(
            need.StrategyRef,
            need.Period,
            need.Amount,
            Sum(_secured.Where(f => f.StrategyRef.IsSameAs(need.StrategyRef)).Select(f => f.Amount.Times(f.Period.ShareWithin(need.Period)))),
            Sum(_counted.Where(c => c.StrategyRef.IsSameAs(need.StrategyRef)).Select(c => c.Value.Times(c.Period.ShareWithin(need.Period)))),
            Money.Zero(_currency))).ToList();

        var pool = _secured.Where(f => f.IsUnrestricted).OrderBy(f => f.Period.End).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var given = new List<(FundingSource Source, Period Period, Money Amount)>();
        var allocated = new List<ResourceGap>();
        foreach (var row in rows.OrderBy(r => r.Period.Start).ThenBy(r => r.Strategy.Title, StringComparer.Ordinal))
        {
            var open = row.Gap;
            var unrestricted = Money.Zero(_currency);
            foreach (var source in pool)
            {
                if (open.Amount <= 0)
                {
                    break;
                }
                var left = source.Amount - Sum(given.Where(g => g.Source == source).Select(g => g.Amount));
                var inPeriod = source.Amount.Times(source.Period.ShareWithin(row.Period))
                    - Sum(given.Where(g => g.Source == source && g.Period.OverlapDays(row.Period) > 0).Select(g => g.Amount));
                var take = Min(open, Min(left, inPeriod));
                if (take.Amount <= 0)
                {
                    continue;
                }
                given.Add((source, row.Period, take));
                unrestricted += take;
                open -= take;
            }
            allocated.Add(row with { UnrestrictedFunding = unrestricted });
        }
        return allocated.OrderBy(r => r.Strategy.Title, StringComparer.Ordinal).ThenBy(r => r.Period.Start).ToList();
    }

    /// <summary>Partner commitments and non-public funding per public dollar secured, each dollar counted once.</summary>
    public Figure Leverage()
    {
        var publicMoney = Sum(_secured.Where(f => f.Kind.IsPublic()).Select(f => f.Amount));
        var nonPublic = Sum(_secured.Where(f => !f.Kind.IsPublic()).Select(f => f.Amount));
        var pledged = Sum(_counted.Select(c => c.Value));
        if (publicMoney.Amount == 0)
        {
            return new Figure(null, "No public funding is secured, so there is nothing to lever.");
        }
        var leverage = decimal.Round((nonPublic + pledged).Amount / publicMoney.Amount, 2);
        return new Figure(leverage,
            $"{nonPublic} of non-public funding and {pledged} of partner commitments against {publicMoney} of secured public funding: {leverage:0.00} per public dollar"
            + (CountedAsFunding > 0 ? $"; {CountedAsFunding} commitment(s) also recorded as secured funding sources are counted once, as funding." : "."));
    }

    /// <summary>
    /// How concentrated the partnership's funding is: the Herfindahl-Hirschman index of the funders'
    /// shares of active awards (secured and not yet ended) on a 0-10,000 scale (10,000 is a single
    /// funder), and the equivalent number of equal funders. One funder's several awards are one
    /// dependency; an ended award is no longer something the partnership depends on.
    /// </summary>
    public Figure FundingConcentration()
    {
        var active = _secured.Where(f => f.Period.End >= _today).ToList();
        var ended = _secured.Count - active.Count;
        var endedNote = ended > 0 ? $"; {ended} award(s) that ended before {_today:yyyy-MM-dd} are left out" : "";
        var total = Sum(active.Select(f => f.Amount));
        if (total.Amount == 0)
        {
            return new Figure(null, "No active funding is secured" + endedNote + ".");
        }
        var funders = active.GroupBy(FunderOf).Select(g => g.Sum(f => f.Amount.Amount)).ToList();
        var index = decimal.Round(funders.Sum(amount => (amount / total.Amount) * (amount / total.Amount)) * 10_000m, 0);
        var equivalent = index == 0 ? 0 : decimal.Round(10_000m / index, 1);
        var reading = index switch
        {
            < 1500 => "diverse",
            <= 2500 => "moderately concentrated",
            _ => "concentrated",
        };
        return new Figure(index,
            $"{funders.Count} funder(s) of {active.Count} active award(s) totalling {total}; concentration index {index:0} ({reading}; below 1,500 is diverse, above 2,500 concentrated), as if {equivalent:0.0} equal funders{endedNote}.");
    }

    /// <summary>The funder compared ignoring case and spacing; a source that names none is a funder of its own.</summary>
    private static string FunderOf(FundingSource source) =>
        source.Funder.Length == 0 ? "source " + source.Id : "funder " + Spaces().Replace(source.Funder.Trim(), " ").ToUpperInvariant();

    /// <summary>Of everything partners pledged, the share delivered so far, each pledge counted at most in full.</summary>
    public Figure CommitmentFulfilment()
    {
        var pledged = Sum(_commitments.Select(c => c.Value));
        if (pledged.Amount == 0)
        {
            return new Figure(null, "No partner commitments are recorded.");
        }
        var fulfilled = Sum(_commitments.Select(c => c.Fulfilled));
        var rate = decimal.Round(fulfilled.Amount / pledged.Amount, 4);
        var over = _commitments.Count(c => c.Contributed.Amount > c.Value.Amount);
        return new Figure(rate,
            $"{fulfilled} delivered of {pledged} pledged ({rate:P1})" + (over > 0 ? $"; {over} commitment(s) were exceeded, counted at their pledge." : "."));
    }

    /// <summary>
    /// Months the partnership's work stays funded once its current public grants end: the non-public
    /// funding and commitments that run past that date, over the monthly need then. The monthly need is
    /// the need falling within the window from the day after the grants end to the end of the last need,
    /// divided by the months of that window, so needs that follow one another are not added as if they
    /// ran at once. With no need past the grants' end, the window is the span of all the needs.
    /// </summary>
    public Figure SustainabilityRunway()
    {
        var grants = _secured.Where(f => f.Kind.IsPublic()).ToList();
        if (grants.Count == 0)
        {
            return new Figure(null, "No public grants are secured, so there is no end of grants to measure from.");
        }
        if (_needs.Count == 0)
        {
            return new Figure(null, "No resource needs are recorded, so there is no monthly cost to cover.");
        }
        var grantsEnd = grants.Max(g => g.Period.End);
        var after = new Period(grantsEnd.AddDays(1), DateOnly.MaxValue.AddDays(-1));
        var available = Sum(_secured.Where(f => !f.Kind.IsPublic()).Select(f => f.Amount.Times(f.Period.ShareWithin(after)))
            .Concat(_counted.Select(c => c.Value.Times(c.Period.ShareWithin(after)))));
        var later = _needs.Where(n => n.Period.End > grantsEnd).ToList();
        var window = later.Count > 0
            ? new Period(after.Start, later.Max(n => n.Period.End))
            : new Period(_needs.Min(n => n.Period.Start), _needs.Max(n => n.Period.End));
        var needed = _needs.Sum(n => n.Amount.Amount * n.Period.ShareWithin(window));
        var monthly = needed / window.Months;
        if (monthly == 0)
        {
            return new Figure(null, "The recorded resource needs are all zero, so there is no monthly cost to cover.");
        }
        var months = decimal.Round(available.Amount / monthly, 1);
        return new Figure(months,
            $"Public grants end {grantsEnd:yyyy-MM-dd}; {available} of other funding and commitments runs past then, against "
            + $"{new Money(decimal.Round(needed, 2), _currency)} of needs over the {window.Months:0.0} months {window} "
            + $"({new Money(decimal.Round(monthly, 2), _currency)} a month): {months:0.0} months.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
