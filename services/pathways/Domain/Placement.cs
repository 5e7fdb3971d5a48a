using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

/// <summary>
/// A participant hired by an employer into an occupation, checked when it is recorded against the
/// partnership's job quality guidelines then in force: later revisions of the guidelines do not
/// change how a past hire was judged.
/// </summary>
public sealed class Placement : AggregateRoot, IPartnershipRecord
{
    private Placement() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string ParticipantId { get; private set; } = "";
    public string EmployerId { get; private set; } = "";
    public string Occupation { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public JobFacts Facts { get; private set; } = null!;
    public GuidelinesVerdict Verdict { get; private set; }
    public List<string> Reasons { get; private set; } = [];

    /// <summary>Records the hire; <paramref name="participant"/> is null when the request named none that could be read.</summary>
    public static Placement Record(string tenantId, string partnershipId, string id, Participant? participant, string employerId, string occupation,
        DateOnly startDate, JobFacts facts, JobQualityGuidelines? guidelines, DateTimeOffset now)
    {
        var violations = new Violations()
            .Require(ResourceId.IsValid(id), "placement_id", ResourceId.Rule)
            .Require(participant is not null, "placement.participant", "must name a participant of the partnership.")
            .Require(CareerPathway.SocCode().IsMatch(occupation), "placement.occupation", "must be a SOC code such as 29-1141.")
            .Require(participant is null || startDate >= participant.EntryDate, "placement.start_date",
                $"must not be before the participant's entry {participant?.EntryDate:yyyy-MM-dd}.")
            .Require(startDate <= DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), "placement.start_date", "must be within a year from today.");
        facts.Validate(violations, "placement", "hourly_wage").ThrowIfAny();
        var check = JobQualityGuidelines.Check(guidelines, facts);
        var placement = new Placement
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            ParticipantId = participant!.Id,
            EmployerId = employerId,
            Occupation = occupation,
            StartDate = startDate,
            Facts = facts.Normalized(),
            Verdict = check.Verdict,
            Reasons = [.. check.Reasons],
        };
        placement.Raise(new PlacementRecorded(now));
        return placement;
    }
}
