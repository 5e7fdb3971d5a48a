using System.Text.RegularExpressions;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain.Rules;

namespace SectorMesh.Pathways.Domain;

public enum WorkBasedLearningKind
{
    RegisteredApprenticeship,
    PreApprenticeship,
    Internship,
    OnTheJobTraining,
    IncumbentWorkerTraining,
}

/// <summary>
/// Work-based learning an employer partner offers on a step of one of the partnership's career
/// pathways (Framework element 4), and how many of its places are filled.
/// </summary>
public sealed partial class WorkBasedLearningOpportunity : AggregateRoot, IPartnershipRecord
{
    public const int MaxPlaces = 10_000;

    private WorkBasedLearningOpportunity() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public WorkBasedLearningKind Kind { get; private set; }
    public string? RapidsProgramNumber { get; private set; }
    public string EmployerId { get; private set; } = "";
    public string CareerPathwayId { get; private set; } = "";
    public string PathwayStep { get; private set; } = "";
    public string Occupation { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public decimal? HourlyWage { get; private set; }
    public int PlacesOffered { get; private set; }
    public int PlacesFilled { get; private set; }

    /// <summary>Records an opportunity on <paramref name="step"/> of <paramref name="pathway"/>; the occupation is the step's when none is given.</summary>
    public static WorkBasedLearningOpportunity Offer(string tenantId, string partnershipId, string id, string displayName, WorkBasedLearningKind? kind,
        string rapidsProgramNumber, string employerId, CareerPathway? pathway, string step, string occupation, DateOnly? startDate, DateOnly? endDate,
        decimal? hourlyWage, int placesOffered, int placesFilled, DateTimeOffset now)
    {
        var servedStep = pathway?.Step(step);
        occupation = occupation.Length == 0 && servedStep is not null ? servedStep.Occupation : occupation;
        var registered = kind == WorkBasedLearningKind.RegisteredApprenticeship;
        new Violations()
            .Require(ResourceId.IsValid(id), "opportunity_id", ResourceId.Rule)
            .RequireText(displayName, "opportunity.display_name", Text.NameLength)
            .Require(kind is not null, "opportunity.kind",
                "is required: WORK_BASED_LEARNING_KIND_REGISTERED_APPRENTICESHIP, WORK_BASED_LEARNING_KIND_PRE_APPRENTICESHIP, WORK_BASED_LEARNING_KIND_INTERNSHIP, WORK_BASED_LEARNING_KIND_ON_THE_JOB_TRAINING or WORK_BASED_LEARNING_KIND_INCUMBENT_WORKER_TRAINING.")
            .Require(!registered || rapidsProgramNumber.Length > 0, "opportunity.rapids_program_number",
                "is required for a Registered Apprenticeship: its program number in RAPIDS.")
            .Require(registered || rapidsProgramNumber.Length == 0, "opportunity.rapids_program_number",
                "belongs only to a Registered Apprenticeship; leave it empty for other kinds.")
            .Require(rapidsProgramNumber.Length == 0 || RapidsNumber().IsMatch(rapidsProgramNumber), "opportunity.rapids_program_number",
                "must be 1 to 30 letters, digits or hyphens.")
            .Require(pathway is not null, "opportunity.career_pathway", "is required: a career pathway of this partnership.")
            .Require(pathway is null || servedStep is not null, "opportunity.pathway_step", $"must be the step_id of a step of {pathway?.DisplayName}.")
            // With no step to take it from, an occupation left empty is the step's error, not its own.
            .Require(CareerPathway.SocCode().IsMatch(occupation) || (occupation.Length == 0 && servedStep is null), "opportunity.occupation",
                "must be a SOC code such as 29-2061.")
            .Require(startDate is not null, "opportunity.start_date", "is required.")
            .Require(endDate is null || startDate is null || endDate >= startDate, "opportunity.end_date", "must not be before the start date.")
            .Require(hourlyWage is null or (> 0 and <= 1000), "opportunity.hourly_wage", "must be more than 0 and at most 1000 dollars an hour.")
            .Require(placesOffered is > 0 and <= MaxPlaces, "opportunity.places_offered", $"must be between 1 and {MaxPlaces:N0}.")
            .Require(placesFilled >= 0, "opportunity.places_filled", "must not be negative.")
            .Require(placesFilled <= placesOffered || placesOffered <= 0, "opportunity.places_filled", $"must not be more than the {placesOffered} places offered.")
            .ThrowIfAny();
        var opportunity = new WorkBasedLearningOpportunity
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            DisplayName = displayName.Trim(),
            Kind = kind!.Value,
            RapidsProgramNumber = registered ? rapidsProgramNumber : null,
            EmployerId = employerId,
            CareerPathwayId = pathway!.Id,
            PathwayStep = step,
            Occupation = occupation,
            StartDate = startDate!.Value,
            EndDate = endDate,
            HourlyWage = hourlyWage,
            PlacesOffered = placesOffered,
            PlacesFilled = placesFilled,
        };
        opportunity.Raise(new WorkBasedLearningOffered(now));
        return opportunity;
    }

    /// <summary>Replaces the count of places filled.</summary>
    public void RecordPlacesFilled(int placesFilled, DateTimeOffset now)
    {
        new Violations().Require(placesFilled >= 0, "places_filled", "must not be negative.").ThrowIfAny();
        BusinessRules.Check(new PlacesFilledWithinPlacesOffered(placesFilled, PlacesOffered));
        if (placesFilled == PlacesFilled)
        {
            return;
        }
        PlacesFilled = placesFilled;
        Raise(new WorkBasedLearningPlacesFilled(now));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{0,29}\z")]
    private static partial Regex RapidsNumber();
}

public sealed record WorkBasedLearningOffered(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record WorkBasedLearningPlacesFilled(DateTimeOffset OccurredAt) : IDomainEvent;
