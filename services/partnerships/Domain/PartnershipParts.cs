namespace SectorMesh.Partnerships.Domain;

// The parts of a partnership. They change only through the Partnership aggregate, which
// checks the Framework's rules; their setters are private for that reason.

public sealed class Goal
{
    private Goal() { }

    public Goal(string statement, string metric, double target, DateOnly? dueDate)
    {
        Statement = statement;
        Metric = metric;
        Target = target;
        DueDate = dueDate;
    }

    public string Statement { get; private set; } = "";
    public string Metric { get; private set; } = "";
    public double Target { get; private set; }
    public DateOnly? DueDate { get; private set; }
}

public sealed class SectorStrategy
{
    private SectorStrategy() { }

    /// <param name="id">The strategy's identity when the caller keeps an existing one; null lets the partnership assign it.</param>
    public SectorStrategy(string title, StrategyStatus status, string? ownerCommitteeId, string? id = null)
    {
        Title = title;
        Status = status;
        OwnerCommitteeId = ownerCommitteeId;
        Id = id ?? "";
    }

    /// <summary>Assigned by the partnership and kept while the strategy exists, so other services can refer to it whatever its title.</summary>
    public string Id { get; private set; } = "";

    public string Title { get; private set; } = "";
    public StrategyStatus Status { get; private set; }
    public string? OwnerCommitteeId { get; private set; }

    internal void Identify(string id) => Id = id;
}

/// <summary>An organization's membership in the partnership; kept after it leaves, with its leave date.</summary>
public sealed class PartnerMembership
{
    private PartnerMembership() { }

    internal PartnerMembership(string organizationId, string organizationName, PartnerType partnerType,
        IReadOnlyList<string> roles, DateOnly? joinDate)
    {
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        PartnerType = partnerType;
        Roles = [.. roles];
        JoinDate = joinDate;
    }

    public string OrganizationId { get; private set; } = "";
    public string OrganizationName { get; private set; } = "";
    public PartnerType PartnerType { get; private set; }
    public List<string> Roles { get; private set; } = [];
    public DateOnly? JoinDate { get; private set; }
    public DateOnly? LeaveDate { get; private set; }

    public bool IsCurrent => LeaveDate is null;

    internal void Leave(DateOnly leaveDate) => LeaveDate = leaveDate;
}

public sealed class IntermediaryAssignment
{
    private IntermediaryAssignment() { }

    public IntermediaryAssignment(IntermediaryRole role, string organizationId)
    {
        Role = role;
        OrganizationId = organizationId;
    }

    public IntermediaryRole Role { get; private set; }
    public string OrganizationId { get; private set; } = "";
}

/// <summary>The organization, or two organizations sharing the roles, that convene and run the partnership.</summary>
public sealed class Intermediary
{
    private Intermediary() { }

    internal Intermediary(IReadOnlyList<IntermediaryAssignment> assignments, DateTimeOffset designatedAt)
    {
        Assignments = [.. assignments];
        DesignatedAt = designatedAt;
    }

    public List<IntermediaryAssignment> Assignments { get; private set; } = [];
    public DateTimeOffset DesignatedAt { get; private set; }

    public IReadOnlyList<string> OrganizationIds => Assignments.Select(a => a.OrganizationId).Distinct().ToList();
}

/// <summary>What one partner expects from the partnership and commits to it.</summary>
public sealed class AgreementTerm
{
    private AgreementTerm() { }

    public AgreementTerm(string organizationId, string expectations, string commitments)
    {
        OrganizationId = organizationId;
        Expectations = expectations;
        Commitments = commitments;
    }

    public string OrganizationId { get; private set; } = "";
    public string Expectations { get; private set; } = "";
    public string Commitments { get; private set; } = "";
}

/// <summary>Who signs: the subject of the token, and whether for the organization as its member or on its behalf.</summary>
public sealed record Signer(string Subject, bool OnBehalf);

public sealed class Signature
{
    private Signature() { }

    internal Signature(string organizationId, string signatoryName, string signatoryTitle, Signer signer, DateTimeOffset signedAt)
    {
        OrganizationId = organizationId;
        SignatoryName = signatoryName;
        SignatoryTitle = signatoryTitle;
        SignedBy = signer.Subject;
        OnBehalf = signer.OnBehalf;
        SignedAt = signedAt;
    }

    public string OrganizationId { get; private set; } = "";
    public string SignatoryName { get; private set; } = "";
    public string SignatoryTitle { get; private set; } = "";

    /// <summary>Who gave the signature: the subject of the signing token; unknown (null) for signatures given before signers were recorded.</summary>
    public string? SignedBy { get; private set; }

    /// <summary>A board administrator signed for the organization, not one of its own members.</summary>
    public bool OnBehalf { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }
}

/// <summary>One version of the formal partner agreement.</summary>
public sealed class PartnerAgreement
{
    private PartnerAgreement() { }

    internal PartnerAgreement(int version, IReadOnlyList<AgreementTerm> terms, DateOnly? effectiveDate)
    {
        Version = version;
        Terms = [.. terms];
        EffectiveDate = effectiveDate;
        Status = AgreementStatus.Draft;
    }

    public int Version { get; private set; }
    public AgreementStatus Status { get; private set; }
    public DateOnly? EffectiveDate { get; private set; }
    public List<AgreementTerm> Terms { get; private set; } = [];
    public List<Signature> Signatures { get; private set; } = [];

    public bool IsSignedByEveryParty =>
        Terms.All(t => Signatures.Any(s => s.OrganizationId == t.OrganizationId));

    internal void Revise(IReadOnlyList<AgreementTerm>? terms, DateOnly? effectiveDate)
    {
        if (terms is not null)
        {
            Terms = [.. terms];
        }
        EffectiveDate = effectiveDate ?? EffectiveDate;
        // A revised text must be circulated again before anyone signs it.
        Status = AgreementStatus.Draft;
        Signatures.Clear();
    }

    internal void Circulate() => Status = AgreementStatus.Circulated;

    internal void AddSignature(Signature signature)
    {
        Signatures.Add(signature);
        if (IsSignedByEveryParty)
        {
            Status = AgreementStatus.Signed;
        }
    }

    internal void Supersede() => Status = AgreementStatus.Superseded;
}

public sealed class CommitteeMember
{
    private CommitteeMember() { }

    public CommitteeMember(string personName, string? organizationId, Representation represents)
    {
        PersonName = personName;
        OrganizationId = organizationId;
        Represents = represents;
    }

    public string PersonName { get; private set; } = "";
    public string? OrganizationId { get; private set; }
    public Representation Represents { get; private set; }
}

/// <summary>A committee or work group of the partnership and who sits on it.</summary>
public sealed class Committee
{
    private Committee() { }

    internal Committee(string id, string displayName, CommitteeKind kind, string purpose)
    {
        Id = id;
        DisplayName = displayName;
        Kind = kind;
        Purpose = purpose;
    }

    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public CommitteeKind Kind { get; private set; }
    public string Purpose { get; private set; } = "";
    public List<CommitteeMember> Members { get; private set; } = [];
}
