using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>
/// The worked example: a nursing pathway from nursing assistant (31-1131, $18.40) to practical
/// nurse (29-2061, $28.10) to registered nurse (29-1141, $41.20), with a medical assistant branch
/// (31-9092, $19.90) that joins it at practical nurse.
/// </summary>
public class CareerPathwayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly PathwayStep Cna = new("cna", "31-1131", "Nursing Assistant", "High school diploma", 18.40m, Entry: true);
    private static readonly PathwayStep Ma = new("ma", "31-9092", "Medical Assistant", "", 19.90m, Entry: true);
    private static readonly PathwayStep Lpn = new("lpn", "29-2061", "Licensed Practical Nurse", "Practical nursing diploma", 28.10m, Entry: false);
    private static readonly PathwayStep Rn = new("rn", "29-1141", "Registered Nurse", "ADN and NCLEX-RN", 41.20m, Entry: false);

    private static List<Bridge> NursingBridges() =>
    [
        new("cna", "lpn", BridgeKind.Program, "practical-nursing", "Practical Nursing", 12, 9_000m),
        new("ma", "lpn", BridgeKind.Program, "practical-nursing", "Practical Nursing", 12, 9_000m),
        new("cna", "rn", BridgeKind.Program, "adn", "Associate Degree in Nursing", 24, 16_000m),
        new("lpn", "rn", BridgeKind.Program, "lpn-to-rn", "LPN to RN bridge", 12, 7_500m),
    ];

    private static CareerPathway Define(IReadOnlyList<PathwayStep> steps, IReadOnlyList<Bridge> bridges) =>
        CareerPathway.Define("ohio", "healthcare", "nursing", "Nursing", steps, bridges, Now);

    [Fact]
    public void A_lattice_whose_branches_rejoin_is_a_valid_pathway()
    {
        var pathway = Define([Cna, Ma, Lpn, Rn], NursingBridges());

        Assert.Equal(4, pathway.Steps.Count);
    }

    [Fact]
    public void A_bridge_leading_back_to_an_earlier_step_is_refused_naming_the_cycle()
    {
        var bridges = NursingBridges();
        bridges.Add(new Bridge("rn", "cna", BridgeKind.WorkExperience, null, "", 1, 0));

        var error = Assert.Throws<InvalidInput>(() => Define([Cna, Ma, Lpn, Rn], bridges));

        Assert.Contains("cna → lpn → rn → cna", error.Violations[0].Description);
    }

    [Fact]
    public void A_step_no_entry_step_leads_to_is_refused()
    {
        var orphan = new PathwayStep("surgical-tech", "29-2055", "Surgical Technologist", "", 30m, Entry: false);

        var error = Assert.Throws<InvalidInput>(() => Define([Cna, Ma, Lpn, Rn, orphan], NursingBridges()));

        Assert.Contains("surgical-tech", error.Violations[0].Description);
    }

    [Fact]
    public void A_bridge_to_a_step_the_pathway_does_not_have_is_refused()
    {
        var bridges = NursingBridges();
        bridges.Add(new Bridge("rn", "nurse-practitioner", BridgeKind.Credential, null, "APRN license", 24, 0));

        var error = Assert.Throws<InvalidInput>(() => Define([Cna, Ma, Lpn, Rn], bridges));

        Assert.Equal("career_pathway.bridges[4].to_step", error.Violations[0].Field);
    }

    [Fact]
    public void A_step_paying_less_than_the_one_before_it_is_flagged()
    {
        var clerk = new PathwayStep("unit-clerk", "43-6013", "Medical Secretary", "", 17.80m, Entry: false);
        var bridges = NursingBridges();
        bridges.Add(new Bridge("cna", "unit-clerk", BridgeKind.WorkExperience, null, "", 6, 0));

        var flags = Define([Cna, Ma, Lpn, Rn, clerk], bridges).WageDrops();

        Assert.Equal(["Medical Secretary (unit-clerk) pays $17.8 an hour, less than the $18.4 of Nursing Assistant (cna) before it."], flags);
    }

    [Fact]
    public void Routes_to_the_target_are_ranked_fastest_first_then_cheapest()
    {
        var routes = Define([Cna, Ma, Lpn, Rn], NursingBridges()).RoutesTo("cna", "29-1141");

        Assert.Equal([["cna", "rn"], ["cna", "lpn", "rn"]], routes.Select(r => r.Steps.ToArray()).ToArray());
        Assert.Equal([(24, 16_000m), (24, 16_500m)], routes.Select(r => (r.Months, r.Cost)).ToArray());
    }

    [Fact]
    public void A_route_is_explained_in_a_sentence_with_its_time_cost_and_wage_gain()
    {
        var route = Define([Cna, Ma, Lpn, Rn], NursingBridges()).RoutesTo("ma", "29-1141").Single();

        Assert.Equal("From Medical Assistant: the program Practical Nursing to Licensed Practical Nurse, then the program LPN to RN bridge to " +
            "Registered Nurse; about 24 months and $16,500, raising the typical wage by $21.3 an hour.", route.Explanation);
    }

    [Fact]
    public void A_target_the_pathway_does_not_lead_to_has_no_route()
    {
        Assert.Empty(Define([Cna, Ma, Lpn, Rn], NursingBridges()).RoutesTo("rn", "31-1131"));
    }

    [Fact]
    public void A_participant_exits_once_and_not_before_entering()
    {
        var participant = Participant.Enrol("ohio", "healthcare", "p-001", new DateOnly(2026, 3, 2), EmploymentStatus.Unemployed, null, null, Now);

        Assert.Throws<InvalidInput>(() => participant.Exit(new DateOnly(2026, 3, 1), Now));
        participant.Exit(new DateOnly(2026, 9, 30), Now);
        Assert.Throws<BusinessRuleBroken>(() => participant.Exit(new DateOnly(2026, 10, 30), Now));
    }

    [Fact]
    public void A_participant_stands_only_on_a_step_of_their_pathway()
    {
        var pathway = Define([Cna, Ma, Lpn, Rn], NursingBridges());

        var error = Assert.Throws<InvalidInput>(() =>
            Participant.Enrol("ohio", "healthcare", "p-001", new DateOnly(2026, 3, 2), null, pathway, "phlebotomist", Now));

        Assert.Equal("participant.current_step", error.Violations[0].Field);
    }

    [Fact]
    public void A_revision_may_add_a_step_and_is_held_to_the_same_rules()
    {
        var pathway = Define([Cna, Lpn, Rn], [.. NursingBridges().Where(b => b.FromStep != "ma")]);

        pathway.Revise("Nursing", [Cna, Ma, Lpn, Rn], NursingBridges(), ["cna"], Now);
        Assert.Throws<InvalidInput>(() => pathway.Revise("Nursing", [Cna, Ma, Lpn, Rn], [.. NursingBridges(), new("rn", "cna", BridgeKind.WorkExperience, null, "", 1, 0m)], [], Now));

        Assert.Equal(4, pathway.Steps.Count);
        Assert.IsType<CareerPathwayRevised>(pathway.DomainEvents[^1]);
    }

    [Fact]
    public void A_step_participants_stand_on_stays()
    {
        var pathway = Define([Cna, Ma, Lpn, Rn], NursingBridges());

        var error = Assert.Throws<BusinessRuleBroken>(() =>
            pathway.Revise("Nursing", [Cna, Lpn, Rn], [.. NursingBridges().Where(b => b.FromStep != "ma")], ["ma", "cna"], Now));

        Assert.Contains("Participants stand on ma;", error.Message);
        Assert.Equal(4, pathway.Steps.Count);
    }
}
