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
    public void Funding_concentration_is_the_herfindahl_index_of_secured_sources()
    {
        // (400² + 100² + 150²) / 650² × 10,000 = 4,556: concentrated, as if 2.2 equal sources.
        var figure = Figures().FundingConcentration();

        Assert.Equal(4556m, figure.Value);
        Assert.Contains("concentrated", figure.Explanation);
        Assert.Contains("2.2 equal sources", figure.Explanation);
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
        // After 2026-12-31: 75,000 philanthropy + 19,835.62 clinic hours = 94,835.62,
        // against 600,000 over 2027's 11.99 months (50,034.25 a month): 1.9 months.
        var figure = Figures().SustainabilityRunway();

        Assert.Equal(1.9m, figure.Value);
        Assert.Contains("2026-12-31", figure.Explanation);
    }

    [Fact]
    public void There_is_no_runway_to_measure_without_public_grants()
    {
        Assert.Null(Figures([]).SustainabilityRunway().Value);
    }
}
