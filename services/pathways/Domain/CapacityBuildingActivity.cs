using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

public enum CapacityBuildingAudience
{
    TalentFacingStaff,
    Educators,
    Employers,
    IntermediaryStaff,
}

/// <summary>
/// Training the partnership gave talent-facing staff, educators or employers in the industry's
/// expectations, career pathways and opportunities, or development of its intermediary's staff
/// (Framework element 4).
/// </summary>
public sealed class CapacityBuildingActivity : AggregateRoot, IPartnershipRecord
{
    public const decimal MaxHours = 2000;
    public const int MaxPeopleTrained = 100_000;

    private CapacityBuildingActivity() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public CapacityBuildingAudience Audience { get; private set; }
    public string Topic { get; private set; } = "";
    public DateOnly ActivityDate { get; private set; }
    public decimal Hours { get; private set; }
    public int PeopleTrained { get; private set; }

    /// <summary>The tenant's organization that gave the training, when one did.</summary>
    public string? ProviderId { get; private set; }

    public static CapacityBuildingActivity Record(string tenantId, string partnershipId, string id, CapacityBuildingAudience? audience, string topic,
        DateOnly? activityDate, decimal hours, int peopleTrained, string? providerId, DateTimeOffset now)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "activity_id", ResourceId.Rule)
            .Require(audience is not null, "activity.audience", "is required: CAPACITY_BUILDING_AUDIENCE_TALENT_FACING_STAFF, CAPACITY_BUILDING_AUDIENCE_EDUCATORS, CAPACITY_BUILDING_AUDIENCE_EMPLOYERS or CAPACITY_BUILDING_AUDIENCE_INTERMEDIARY_STAFF.")
            .RequireText(topic, "activity.topic", Text.NameLength)
            .Require(activityDate is not null, "activity.activity_date", "is required.")
            .Require(hours is > 0 and <= MaxHours, "activity.hours", $"must be more than 0 and at most {MaxHours:N0}.")
            .Require(peopleTrained is > 0 and <= MaxPeopleTrained, "activity.people_trained", $"must be between 1 and {MaxPeopleTrained:N0}.")
            .ThrowIfAny();
        var activity = new CapacityBuildingActivity
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            Audience = audience!.Value,
            Topic = topic.Trim(),
            ActivityDate = activityDate!.Value,
            Hours = Math.Round(hours, 2),
            PeopleTrained = peopleTrained,
            ProviderId = providerId,
        };
        activity.Raise(new CapacityBuildingActivityRecorded(now));
        return activity;
    }
}

public sealed record CapacityBuildingActivityRecorded(DateTimeOffset OccurredAt) : IDomainEvent;
