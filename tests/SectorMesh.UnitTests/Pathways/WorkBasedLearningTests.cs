using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.Pathways.Domain.Rules;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>
/// The worked example: Riverside Regional Medical Center offers a practical nurse Registered
/// Apprenticeship (RAPIDS 2026-OH-0412) with 12 places on the practical-nurse step (29-2061) of the
/// nursing pathway, from 1 March 2026 to 28 February 2027, at $22.50 an hour.
/// </summary>
public class WorkBasedLearningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly CareerPathway Nursing = CareerPathway.Define("ohio", "healthcare", "nursing", "Nursing",
        [
            new PathwayStep("nursing-assistant", "31-1131", "Nursing Assistant", "", 18.40m, Entry: true),
            new PathwayStep("practical-nurse", "29-2061", "Licensed Practical Nurse", "", 28.10m, Entry: false),
        ],
        [new Bridge("nursing-assistant", "practical-nurse", BridgeKind.WorkExperience, null, "", 12, 0)], Now);

    private static WorkBasedLearningOpportunity Offer(WorkBasedLearningKind? kind = WorkBasedLearningKind.RegisteredApprenticeship,
        string rapids = "2026-OH-0412", string step = "practical-nurse", string occupation = "", int offered = 12, int filled = 0,
        DateOnly? end = null) =>
        WorkBasedLearningOpportunity.Offer("ohio", "healthcare", "lpn-apprenticeship", "Practical Nurse Apprenticeship", kind, rapids, "riverside-medical",
            Nursing, step, occupation, new DateOnly(2026, 3, 1), end ?? new DateOnly(2027, 2, 28), 22.50m, offered, filled, Now);

    [Fact]
    public void An_apprenticeship_on_a_step_of_the_pathway_learns_the_steps_occupation()
    {
        var apprenticeship = Offer();

        Assert.Equal(("29-2061", 12, 0), (apprenticeship.Occupation, apprenticeship.PlacesOffered, apprenticeship.PlacesFilled));
        Assert.IsType<WorkBasedLearningOffered>(Assert.Single(apprenticeship.DomainEvents));
    }

    [Fact]
    public void A_Registered_Apprenticeship_without_its_RAPIDS_program_number_is_refused()
    {
        var error = Assert.Throws<InvalidInput>(() => Offer(rapids: ""));

        Assert.Equal("opportunity.rapids_program_number", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void An_internship_has_no_RAPIDS_program_number()
    {
        var error = Assert.Throws<InvalidInput>(() => Offer(kind: WorkBasedLearningKind.Internship));

        Assert.Equal("opportunity.rapids_program_number", Assert.Single(error.Violations).Field);
        Assert.Null(Offer(kind: WorkBasedLearningKind.Internship, rapids: "").RapidsProgramNumber);
    }

    [Fact]
    public void A_step_the_pathway_does_not_have_is_refused()
    {
        var error = Assert.Throws<InvalidInput>(() => Offer(step: "registered-nurse"));

        Assert.Equal("opportunity.pathway_step", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void More_places_filled_than_offered_is_refused_when_offered()
    {
        var error = Assert.Throws<InvalidInput>(() => Offer(offered: 12, filled: 13));

        Assert.Equal("opportunity.places_filled", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Every_invalid_field_is_named_at_once()
    {
        var error = Assert.Throws<InvalidInput>(() => Offer(kind: null, rapids: "", occupation: "nurse", offered: 0, end: new DateOnly(2026, 2, 1)));

        Assert.Equal(["opportunity.kind", "opportunity.occupation", "opportunity.end_date", "opportunity.places_offered"],
            error.Violations.Select(v => v.Field).ToArray());
    }

    [Fact]
    public void Filling_10_of_12_places_is_recorded_as_a_change()
    {
        var apprenticeship = Offer();
        apprenticeship.ClearDomainEvents();

        apprenticeship.RecordPlacesFilled(10, Now);

        Assert.Equal(10, apprenticeship.PlacesFilled);
        Assert.IsType<WorkBasedLearningPlacesFilled>(Assert.Single(apprenticeship.DomainEvents));
    }

    [Fact]
    public void Filling_13_of_12_places_breaks_the_rule_and_changes_nothing()
    {
        var apprenticeship = Offer();
        apprenticeship.ClearDomainEvents();

        var error = Assert.Throws<BusinessRuleBroken>(() => apprenticeship.RecordPlacesFilled(13, Now));

        Assert.IsType<PlacesFilledWithinPlacesOffered>(Assert.Single(error.Rules));
        Assert.Equal((0, 0), (apprenticeship.PlacesFilled, apprenticeship.DomainEvents.Count));
    }

    [Fact]
    public void The_same_count_again_is_no_change()
    {
        var apprenticeship = Offer(filled: 4);
        apprenticeship.ClearDomainEvents();

        apprenticeship.RecordPlacesFilled(4, Now);

        Assert.Empty(apprenticeship.DomainEvents);
    }
}
