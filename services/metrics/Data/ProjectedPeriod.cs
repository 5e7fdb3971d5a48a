using SectorMesh.Metrics.Domain;

namespace SectorMesh.Metrics.Data;

/// <summary>
/// A period of participation as Metrics holds it: keyed as the Career Pathways service keys its participant and the
/// period's number among that participant's periods (1 the oldest), with the
/// revision it was projected from (an older or repeated event changes nothing), when that change happened, the dates
/// cohorts are selected by, and the period itself.
/// </summary>
public sealed class ProjectedPeriod
{
    public string TenantId { get; set; } = "";
    public string PartnershipId { get; set; } = "";
    public string ParticipantId { get; set; } = "";
    public int PeriodNumber { get; set; }
    public long SourceRevision { get; set; }
    public DateTimeOffset SourceTime { get; set; }
    public DateOnly? ExitDate { get; set; }
    public DateOnly? TrainingEntered { get; set; }
    public DateOnly? TrainingCompleted { get; set; }

    /// <summary>The period's <see cref="ParticipationPeriod.Progressing"/>, as a column the scorecard counts by.</summary>
    public bool Progressing { get; set; }
    public ParticipationPeriod Period { get; set; } = null!;
}

/// <summary>
/// How many changes the projections have applied to a tenant's periods: part of every cached answer's key, so an answer is
/// never served after a change it does not count has been applied.
/// </summary>
public sealed class TenantGeneration
{
    public string TenantId { get; set; } = "";
    public long Generation { get; set; }
}

/// <summary>A partnership's facts as the other services' events state them, one row a partnership, for the scorecard and the statewide view.</summary>
public sealed class ProjectedPartnership
{
    public string TenantId { get; set; } = "";
    public string PartnershipId { get; set; } = "";
    public PartnershipFacts Facts { get; set; } = new();
}
