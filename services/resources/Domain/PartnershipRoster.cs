using SectorMesh.Domain;

namespace SectorMesh.Resources.Domain;

/// <summary>What this service needs to know of a partnership, as the Partnerships service reports it.</summary>
/// <param name="Strategies">The partnership's sector strategies: title by identity.</param>
public sealed record PartnershipRoster(
    IReadOnlySet<string> CurrentPartners, IReadOnlyList<AgreementOnFile> Agreements, IReadOnlyDictionary<string, string> Strategies)
{
    public AgreementOnFile? Agreement(int version) => Agreements.FirstOrDefault(a => a.Version == version);

    /// <summary>Whether <see cref="Strategy"/> would find the strategy named, so a stale roster can be asked for again.</summary>
    public bool Knows(string id, string title) =>
        id.Length > 0 ? Strategies.ContainsKey(id) : title.Trim().Length == 0 || Strategies.Values.Count(t => t == title.Trim()) == 1;

    /// <summary>
    /// The strategy a record is for, named by its identity or, by older clients, by its exact title;
    /// <see cref="StrategyRef.None"/> when neither is given. A name that finds no strategy is refused,
    /// never read as "no strategy", since that would quietly move the money out of the strategy's gap.
    /// </summary>
    public StrategyRef Strategy(string id, string title, string prefix)
    {
        if (id.Length > 0)
        {
            return Strategies.TryGetValue(id, out var named)
                ? new StrategyRef(id, named)
                : throw new InvalidInput($"{prefix}.sector_strategy", "must name a sector strategy of this partnership; the Partnerships service lists them.");
        }
        if (title.Trim().Length == 0)
        {
            return StrategyRef.None;
        }
        var titled = Strategies.Where(s => s.Value == title.Trim()).ToList();
        return titled.Count == 1
            ? new StrategyRef(titled[0].Key, titled[0].Value)
            : throw new InvalidInput($"{prefix}.strategy", "must be exactly the title of one of the partnership's sector strategies; name the strategy by sector_strategy instead.");
    }
}

public enum AgreementStanding { Draft, Circulated, Signed, Superseded }

/// <summary>One version of the partner agreement: where it stands and the organizations that are parties to it.</summary>
public sealed record AgreementOnFile(int Version, AgreementStanding Standing, IReadOnlySet<string> Parties);

/// <summary>
/// A sector strategy as a record refers to it: the identity the Partnerships service gave it, and its
/// title when the record was made. Records made before strategies had identities carry only the title.
/// </summary>
public readonly record struct StrategyRef(string Id, string Title)
{
    public static readonly StrategyRef None = new("", "");

    public bool IsNone => Id.Length == 0 && Title.Length == 0;

    /// <summary>The same strategy: by identity, or by title only where neither side has an identity.</summary>
    public bool IsSameAs(StrategyRef other) =>
        !IsNone && (Id.Length > 0 || other.Id.Length > 0 ? Id == other.Id : Title == other.Title);
}
