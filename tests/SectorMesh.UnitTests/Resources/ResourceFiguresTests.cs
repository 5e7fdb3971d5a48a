using SectorMesh.Resources.Domain;
using static SectorMesh.UnitTests.Resources.WorkedExample;

namespace SectorMesh.UnitTests.Resources;

public class ResourceFiguresTests
{
    [Fact]
    public void Leverage_is_partner_and_non_public_resources_per_secured_public_dollar()
    {
        // (150,000 philanthropy + 100,000 pledged) / (400,000 WIOA + 100,000 state)
        Assert.Equal(0.50m, Figures().Leverage().Value);
    }

    [Fact]
    public void A_prospect_counts_toward_leverage_only_once_awarded()
    {
        var funding = Funding();
        funding.Single(f => f.Id == "employer-gift").MoveTo(FundingStatus.Awarded, Now);

        // (150,000 + 50,000 + 100,000) / 500,000
        Assert.Equal(0.60m, Figures(funding).Leverage().Value);
    }

    [Fact]
    public void Leverage_is_not_a_number_without_public_funding()
    {
        var figure = Figures(Funding().Where(f => !f.Kind.IsPublic()).ToList()).Leverage();

        Assert.Null(figure.Value);
    }

    [Fact]
    public void Funding_concentration_is_the_herfindahl_index_of_active_secured_funders()
    {
        // No funder is named, so each source is its own: (400² + 100² + 150²) / 650² × 10,000 = 4,556: concentrated, as if 2.2 equal funders.
        var figure = Figures().FundingConcentration();

        Assert.Equal(4556m, figure.Value);
        Assert.Contains("concentrated", figure.Explanation);
        Assert.Contains("2.2 equal funders", figure.Explanation);
    }

    [Fact]
    public void A_single_source_is_fully_concentrated()
    {
        var figure = Figures([Funding("wioa", FundingKind.WioaTitleI, 400_000, Year(2026), FundingStatus.Awarded)]).FundingConcentration();

        Assert.Equal(10_000m, figure.Value);
    }

    [Fact]
    public void Fulfilment_counts_each_pledge_at_most_in_full()
    {
        // min(30,000, 60,000) + min(48,000, 40,000) = 70,000 of 100,000 pledged.
        var figure = Figures().CommitmentFulfilment();

        Assert.Equal(0.70m, figure.Value);
        Assert.Contains("1 commitment(s) were exceeded", figure.Explanation);
    }

    [Fact]
    public void The_gap_analysis_prorates_multi_year_resources_to_each_period()
    {
        var gaps = Figures().GapAnalysis();

        // 2026: 400,000 + 100,000 + 150,000 × 365/730 = 575,000 funding; 60,000 + 40,000 × 184/365 = 80,164.38 pledged.
        // 2027: 150,000 × 365/730 = 75,000 funding; 40,000 × 181/365 = 19,835.62 pledged.
        Assert.Equal(
            [(575_000m, 80_164.38m, 144_835.62m), (75_000m, 19_835.62m, 505_164.38m)],
            gaps.Select(g => (g.SecuredFunding.Amount, g.Commitments.Amount, g.Gap.Amount)));
    }

    [Fact]
    public void The_runway_is_the_months_other_resources_cover_after_public_grants_end()
    {
        // After 2026-12-31: 75,000 philanthropy + 19,835.62 clinic hours = 94,835.62, against the
        // 600,000 needed in the window 2027-01-01..2027-12-31 over its 11.99 months (50,034.25 a month): 1.9 months.
        var figure = Figures().SustainabilityRunway();

        Assert.Equal(1.9m, figure.Value);
        Assert.Contains("2026-12-31", figure.Explanation);
    }

    [Fact]
    public void Back_to_back_yearly_needs_of_120k_run_at_10k_a_month_so_120k_lasts_12_months_not_6()
    {
        // Window 2027-01-01..2028-12-31: 731 days, 24.02 months; 240,000 needed in it is 9,993.16 a month, and the
        // 120,000 foundation grant over the same two years lasts 12.0 months. Adding the two needs' monthly
        // rates (10,006.85 + 9,979.51) read as 19,986.36 a month: 6.0 months.
        var funding = new List<FundingSource>
        {
            Funding("wioa", FundingKind.WioaTitleI, 400_000, Year(2026), FundingStatus.Awarded),
            Funding("foundation", FundingKind.Philanthropic, 120_000, new Period(new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)), FundingStatus.Awarded),
        };
        List<ResourceNeed> needs = [Need("nursing-2027", Nursing, Year(2027), 120_000), Need("nursing-2028", Nursing, Year(2028), 120_000)];

        var figure = Figures(funding, [], needs).SustainabilityRunway();

        Assert.Equal(12.0m, figure.Value);
        Assert.Contains("9,993.16 USD a month", figure.Explanation);
    }

    [Fact]
    public void Unrestricted_funding_covers_what_restricted_funds_leave_open_in_start_order()
    {
        // Nursing needs 100,000 and has 60,000 restricted to it: it takes 40,000 of the 50,000 unrestricted
        // and is covered. Welding needs 30,000, has nothing of its own and takes the last 10,000: gap 20,000.
        var funding = new List<FundingSource>
        {
            Funding("nursing-grant", FundingKind.State, 60_000, Year(2026), FundingStatus.Awarded),
            Funding("general-gift", FundingKind.Philanthropic, 50_000, Year(2026), FundingStatus.Awarded, StrategyRef.None),
        };
        List<ResourceNeed> needs = [Need("nursing", Nursing, Year(2026), 100_000), Need("welding", Welding, Year(2026), 30_000)];

        var gaps = Figures(funding, [], needs).GapAnalysis();

        Assert.Equal(
            [("Nursing apprenticeships", 60_000m, 40_000m, 0m), ("Welding pre-apprenticeship", 0m, 10_000m, 20_000m)],
            gaps.Select(g => (g.Strategy.Title, g.SecuredFunding.Amount, g.UnrestrictedFunding.Amount, g.Gap.Amount)));
    }

    [Fact]
    public void Unrestricted_funding_covers_a_need_only_with_its_share_for_the_needs_period()
    {
        // 100,000 unrestricted over 2026-2027 (730 days): 50,000 falls in 2026, so the 2026 need of 80,000
        // keeps a gap of 30,000; the 2027 need of 20,000 is covered from the other half.
        var funding = new List<FundingSource>
        {
            Funding("general", FundingKind.Philanthropic, 100_000, new Period(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), FundingStatus.Awarded, StrategyRef.None),
        };
        List<ResourceNeed> needs = [Need("n-2026", Nursing, Year(2026), 80_000), Need("n-2027", Nursing, Year(2027), 20_000)];

        var gaps = Figures(funding, [], needs).GapAnalysis();

        Assert.Equal([(50_000m, 30_000m), (20_000m, 0m)], gaps.Select(g => (g.UnrestrictedFunding.Amount, g.Gap.Amount)));
    }

    [Fact]
    public void Funding_and_a_need_for_the_same_strategy_id_are_matched_though_the_title_changed_between_them()
    {
        // 500,000 needed, 300,000 secured for the strategy under its old title: gap 200,000.
        var renamed = new StrategyRef(Nursing.Id, "Nursing apprenticeship program");
        var funding = new List<FundingSource> { Funding("wioa", FundingKind.WioaTitleI, 300_000, Year(2026), FundingStatus.Awarded, renamed) };

        var gap = Assert.Single(Figures(funding, [], [Need("n", Nursing, Year(2026), 500_000)]).GapAnalysis());

        Assert.Equal((300_000m, 200_000m), (gap.SecuredFunding.Amount, gap.Gap.Amount));
    }

    [Fact]
    public void An_employer_pledge_also_recorded_as_secured_funding_counts_once_so_leverage_is_0_50_not_1_00()
    {
        // 50,000 employer money against 100,000 WIOA. Counting it as funding and again as a pledge read 100,000 / 100,000.
        var funding = new List<FundingSource>
        {
            Funding("wioa", FundingKind.WioaTitleI, 100_000, Year(2026), FundingStatus.Awarded),
            Funding("employer-pledge", FundingKind.EmployerOrPrivate, 50_000, Year(2026), FundingStatus.Awarded),
        };
        var pledge = Cash("hospital-cash", "hospital", 50_000, Year(2026), Nursing, fundingSourceId: "employer-pledge");

        var figure = Figures(funding, [pledge], []).Leverage();

        Assert.Equal(0.50m, figure.Value);
        Assert.Contains("1 commitment(s) also recorded as secured funding sources are counted once", figure.Explanation);
    }

    [Fact]
    public void A_pledge_recorded_as_a_funding_source_still_a_prospect_counts_as_the_pledge()
    {
        // The source is not secured, so the 50,000 counts once, as the pledge: 50,000 / 100,000.
        var funding = new List<FundingSource>
        {
            Funding("wioa", FundingKind.WioaTitleI, 100_000, Year(2026), FundingStatus.Awarded),
            Funding("employer-pledge", FundingKind.EmployerOrPrivate, 50_000, Year(2026), FundingStatus.Prospect),
        };
        var pledge = Cash("hospital-cash", "hospital", 50_000, Year(2026), Nursing, fundingSourceId: "employer-pledge");

        Assert.Equal(0.50m, Figures(funding, [pledge], []).Leverage().Value);
    }

    [Fact]
    public void A_pledge_recorded_as_secured_funding_is_not_counted_twice_in_the_gap()
    {
        // 80,000 needed; the 50,000 employer money covers it once: gap 30,000, not 0 with 100,000 covered.
        var funding = new List<FundingSource> { Funding("employer-pledge", FundingKind.EmployerOrPrivate, 50_000, Year(2026), FundingStatus.Awarded) };
        var pledge = Cash("hospital-cash", "hospital", 50_000, Year(2026), Nursing, fundingSourceId: "employer-pledge");

        var gap = Assert.Single(Figures(funding, [pledge], [Need("n", Nursing, Year(2026), 80_000)]).GapAnalysis());

        Assert.Equal((50_000m, 0m, 30_000m), (gap.SecuredFunding.Amount, gap.Commitments.Amount, gap.Gap.Amount));
    }

    [Fact]
    public void Concentration_is_by_funder_over_active_awards_5200_not_3350()
    {
        // Active on 2026-11-01: two Department of Labor awards of 300,000 (one funder, 600,000) and a foundation's
        // 400,000: 0.6² + 0.4² = 0.52, index 5,200. A 1,000,000 award that ended in 2025 is left out. Counting each
        // award as a funder and the ended one too read (150² + 150² + 200² + 500²) / 1,000² × 10,000 = 3,350.
        var funding = new List<FundingSource>
        {
            Funding("dol-a", FundingKind.OtherFederal, 300_000, Year(2026), FundingStatus.Awarded, Nursing, "U.S. Department of Labor"),
            Funding("dol-b", FundingKind.WioaTitleI, 300_000, Year(2026), FundingStatus.Awarded, Nursing, " u.s.  department of labor"),
            Funding("foundation", FundingKind.Philanthropic, 400_000, Year(2026), FundingStatus.Awarded, Nursing, "Columbus Foundation"),
            Funding("old-grant", FundingKind.State, 1_000_000, Year(2025), FundingStatus.Spent, Nursing, "Ohio Department of Higher Education"),
        };

        var figure = Figures(funding, [], []).FundingConcentration();

        Assert.Equal(5200m, figure.Value);
        Assert.Contains("2 funder(s) of 3 active award(s)", figure.Explanation);
        Assert.Contains("1 award(s) that ended before 2026-11-01 are left out", figure.Explanation);
    }

    [Fact]
    public void There_is_no_runway_to_measure_without_public_grants()
    {
        Assert.Null(Figures([]).SustainabilityRunway().Value);
    }
}
