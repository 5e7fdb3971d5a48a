namespace SectorMesh.Metrics.Domain;

/// <summary>A fact as its source last stated it, with the source aggregate's revision: an older statement never replaces a newer one.</summary>
public sealed record Versioned<T>(long Revision, T Value);

public sealed record PartnershipProfile(string DisplayName, string RegionId, string NaicsCode, string SectorTitle, string Stage);

public sealed record GoalFact(string Statement, string Metric, double Target, DateOnly? DueDate);

public sealed record PartnerFact(string PartnerType, bool Current);

public sealed record CommitteeMemberFact(string CommitteeId, string Represents);

public sealed record FundingFact(string Kind, string Status, decimal Amount, string? Funder);

public sealed record MeetingFact(DateOnly Date, int ActionItems);

public sealed record PlacesFact(int Offered, int Filled);

public sealed record PlacementFact(DateOnly StartDate, bool? MeetsGuidelines);

public sealed record HiresFact(DateOnly Date, int Hires);

/// <summary>
/// What the other services have said about one partnership, as Metrics keeps it for the scorecard and the statewide view:
/// each fact keyed by what it is about (a partner, a meeting, a funding source) and held at the newest revision heard, so
/// events applied twice, late or out of order leave the same facts. It holds counts and states, never a person's name.
/// </summary>
public sealed class PartnershipFacts
{
    public Versioned<PartnershipProfile>? Profile { get; set; }
    /// <summary>When the partnership was created: the progress reviews it owes start then.</summary>
    public DateOnly? CreatedOn { get; set; }
    public Versioned<bool>? HasVision { get; set; }
    public Versioned<int>? SignedAgreementVersion { get; set; }
    public Versioned<List<GoalFact>>? Goals { get; set; }
    public Dictionary<string, Versioned<PartnerFact>> Partners { get; set; } = [];
    public Dictionary<string, string> Committees { get; set; } = [];
    /// <summary>Keyed by the member-added event, which names no person here: only the committee and whom the member represents.</summary>
    public Dictionary<string, CommitteeMemberFact> CommitteeMembers { get; set; } = [];
    public Dictionary<string, Versioned<FundingFact>> FundingSources { get; set; } = [];
    public Dictionary<string, Versioned<decimal>> Commitments { get; set; } = [];
    /// <summary>Each contribution by its commitment and that commitment's revision, so they add up once each.</summary>
    public Dictionary<string, decimal> Contributions { get; set; } = [];
    public Dictionary<string, Versioned<string>> EmployerLevels { get; set; } = [];
    public Dictionary<string, MeetingFact> Meetings { get; set; } = [];
    /// <summary>Completed action items by meeting and item; the value says whether it was completed after its due date.</summary>
    public Dictionary<string, bool> CompletedActions { get; set; } = [];
    public Dictionary<string, Versioned<string>> LmiStandings { get; set; } = [];
    public Dictionary<string, string> CareerPathways { get; set; } = [];
    public Dictionary<string, Versioned<PlacesFact>> WorkBasedLearning { get; set; } = [];
    /// <summary>Worker feedback ratings (1–5) by feedback.</summary>
    public Dictionary<string, int> WorkerFeedback { get; set; } = [];
    /// <summary>Placements by id: when the job starts, and whether it meets the partnership's job quality guidelines (null when not assessed).</summary>
    public Dictionary<string, PlacementFact> Placements { get; set; } = [];
    /// <summary>Hires employers committed to, by the event that recorded the commitment: when, and how many.</summary>
    public Dictionary<string, HiresFact> HiresCommitted { get; set; } = [];

    public static void Newer<T>(Dictionary<string, Versioned<T>> facts, string key, long revision, T value)
    {
        if (!facts.TryGetValue(key, out var held) || held.Revision < revision)
        {
            facts[key] = new Versioned<T>(revision, value);
        }
    }

    public static Versioned<T> Newer<T>(Versioned<T>? held, long revision, T value) =>
        held is not null && held.Revision >= revision ? held : new Versioned<T>(revision, value);
}

/// <summary>
/// Figures read off a partnership's facts that the scorecard and the goal measures both show; methods rather than
/// properties, so they are never written into the stored facts.
/// </summary>
public static class PartnershipFigures
{
    /// <summary>The Framework's worker voice: a member of a committee who represents workers or organized labor.</summary>
    public static bool HasWorkerRepresentative(this PartnershipFacts facts) => facts.CommitteeMembers.Values.Any(m => m.Represents == "WorkerOrLabor");

    public static decimal Pledged(this PartnershipFacts facts) => facts.Commitments.Values.Sum(c => c.Value);

    /// <summary>What partners contributed against their commitments, each counted up to its pledge.</summary>
    public static decimal Delivered(this PartnershipFacts facts) => facts.Commitments.Sum(c => Math.Min(c.Value.Value,
        facts.Contributions.Where(x => x.Key.StartsWith(c.Key + "#", StringComparison.Ordinal)).Sum(x => x.Value)));

    public static int PlacesOffered(this PartnershipFacts facts) => facts.WorkBasedLearning.Values.Sum(w => w.Value.Offered);

    /// <summary>Work-based learning places filled, each opportunity counted up to the places it offers.</summary>
    public static int PlacesFilled(this PartnershipFacts facts) => facts.WorkBasedLearning.Values.Sum(w => Math.Min(w.Value.Filled, w.Value.Offered));

    public static int EmployersCollaboratingOrLeading(this PartnershipFacts facts) =>
        facts.EmployerLevels.Values.Count(l => l.Value is "Collaborating" or "Leading");
}
