using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain;
using static SectorMesh.UnitTests.Partnerships.PartnershipBuilder;

namespace SectorMesh.UnitTests.Partnerships;

public class ValidationTests
{
    private static InvalidInput CreateWith(string name = "Partnership", string naics = "62", string title = "Health Care", string id = "p1") =>
        Assert.Throws<InvalidInput>(() => Partnership.Create("oh", id, name, "central", new TargetSector(naics, title), null, Now));

    [Theory]
    [InlineData("6")]
    [InlineData("6211111")]
    [InlineData("99")]
    [InlineData("62a")]
    public void A_target_sector_must_be_a_valid_NAICS_code(string code)
    {
        Assert.Equal("partnership.target_sector.naics_code", Assert.Single(CreateWith(naics: code).Violations).Field);
    }

    [Theory]
    [InlineData("62")]
    [InlineData("3363")]
    [InlineData("541511")]
    [InlineData("31")]
    public void Two_to_six_digit_codes_of_a_NAICS_sector_are_accepted(string code)
    {
        Assert.True(NaicsCode.IsValid(code));
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var error = CreateWith(name: "", naics: "7", title: "", id: "Not An Id");

        Assert.Equal(
            ["partnership_id", "partnership.display_name", "partnership.target_sector.naics_code", "partnership.target_sector.title"],
            error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_name_longer_than_200_characters_is_refused()
    {
        Assert.Contains("200", Assert.Single(CreateWith(name: new string('x', 201)).Violations).Description);
    }

    [Fact]
    public void Regional_significance_needs_its_source_and_period()
    {
        var error = Assert.Throws<InvalidInput>(() => Exploring().RecordSignificance(new RegionalSignificance(12000, 1.3, 4.5, "", ""), Now));

        Assert.Equal(["partnership.regional_significance.source", "partnership.regional_significance.period"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_goal_needs_a_statement_and_a_metric()
    {
        var error = Assert.Throws<InvalidInput>(() => Exploring().SetGoals([new Goal("", "", 10, null)], Now));

        Assert.Equal(["partnership.goals[0].statement", "partnership.goals[0].metric"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Setting_goals_records_a_goal_set_event()
    {
        var partnership = Exploring();

        partnership.SetGoals([new Goal("Fill 200 nursing openings", "Placements", 200, new DateOnly(2027, 6, 30))], Now);

        Assert.Single(Assert.Single(partnership.DomainEvents.OfType<GoalSet>()).Goals);
    }

    [Fact]
    public void A_strategy_can_only_be_owned_by_a_committee_of_the_partnership()
    {
        var error = Assert.Throws<InvalidInput>(() => Exploring().SetStrategies([new SectorStrategy("Nursing apprenticeships", StrategyStatus.Planned, "ghost")], Now));

        Assert.Equal("partnership.strategies[0].owner_committee", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_partner_cannot_leave_before_it_joined()
    {
        var partnership = WithPartners(Hospital);

        var error = Assert.Throws<InvalidInput>(() => partnership.RemovePartner(Hospital.Id, "p", new DateOnly(2025, 1, 1), 2, Now));

        Assert.Equal("leave_date", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void An_organization_joins_a_partnership_only_once_at_a_time()
    {
        var partnership = WithPartners(Hospital);

        Assert.Throws<BusinessRuleBroken>(() => partnership.AddPartner(Hospital, [], null, Now));
    }

    [Fact]
    public void An_organization_that_left_may_join_again()
    {
        var partnership = WithPartners(Hospital);
        partnership.RemovePartner(Hospital.Id, "p", new DateOnly(2026, 2, 1), 2, Now);

        partnership.AddPartner(Hospital, [], new DateOnly(2026, 3, 1), Now);

        Assert.Equal(2, partnership.Partners.Count);
        Assert.Single(partnership.CurrentPartners);
    }

    [Theory]
    [InlineData("39049", true)]
    [InlineData("3904", false)]
    [InlineData("00049", false)]
    [InlineData("39000", false)]
    [InlineData("39999", false)]
    [InlineData("C1814", false)]
    public void Regions_are_made_of_five_digit_county_FIPS_codes_never_a_state_or_its_unknown_county(string fips, bool valid)
    {
        var create = () => Region.Create("oh", "central", "Central Ohio", [fips]);

        if (valid)
        {
            Assert.Equal([fips], create().CountyFips);
        }
        else
        {
            Assert.Equal("region.county_fips[0]", Assert.Single(Assert.Throws<InvalidInput>(create).Violations).Field);
        }
    }

    [Fact]
    public void A_region_may_be_given_as_a_metropolitan_area_by_its_QCEW_code()
    {
        var columbus = Region.Create("oh", "columbus", "Columbus, OH", [], "C1814");

        Assert.Equal(("C1814", 0), (columbus.MetroArea, columbus.CountyFips.Count));
    }

    [Theory]
    [InlineData("39049", "C1814", "region.metro_area")]
    [InlineData(null, "1814", "region.metro_area")]
    [InlineData(null, "CS198", "region.metro_area")]
    [InlineData(null, "", "region.county_fips")]
    public void A_region_is_either_counties_or_one_metropolitan_area(string? county, string metro, string field)
    {
        var error = Assert.Throws<InvalidInput>(() => Region.Create("oh", "columbus", "Columbus, OH", county is null ? [] : [county], metro));

        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_tenant_cannot_require_fewer_than_two_employer_partners()
    {
        var error = Assert.Throws<InvalidInput>(() => Tenant.Create("oh", "Ohio", 1, Now));

        Assert.Equal("tenant.min_employer_partners", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_tenant_requires_two_employer_partners_by_default()
    {
        Assert.Equal(2, Tenant.Create("oh", "Ohio", null, Now).MinEmployerPartners);
    }

    [Fact]
    public void Worker_voice_is_seen_when_a_committee_has_a_worker_representative()
    {
        var partnership = Exploring();
        partnership.AddCommittee("steering", "Steering Committee", CommitteeKind.Committee, "", Now);
        Assert.False(partnership.HasWorkerRepresentation);

        partnership.AddCommitteeMember("steering", "c", "J. Rivera", null, Representation.WorkerOrLabor, Now);

        Assert.True(partnership.HasWorkerRepresentation);
    }
}
