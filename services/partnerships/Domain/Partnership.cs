using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain.Rules;

namespace SectorMesh.Partnerships.Domain;

/// <summary>
/// A sector partnership: employers of one regionally significant industry with education,
/// workforce, community and labor partners, convened by an intermediary. Every change goes
/// through this aggregate, which checks the Framework's rules and records the events of it.
/// </summary>
public sealed class Partnership : AggregateRoot
{
    private readonly List<Goal> _goals = [];
    private readonly List<SectorStrategy> _strategies = [];
    private readonly List<PartnerMembership> _partners = [];
    private readonly List<PartnerAgreement> _agreements = [];
    private readonly List<Committee> _committees = [];

    private Partnership() { }

    public string TenantId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string RegionId { get; private set; } = "";
    public TargetSector Sector { get; private set; } = new("", "");
    public RegionalSignificance? Significance { get; private set; }
    public PartnershipStage Stage { get; private set; }
    public string Vision { get; private set; } = "";
    public string Mission { get; private set; } = "";
    public Intermediary? Intermediary { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changes with every stored change; the etag callers send back to avoid lost updates.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<Goal> Goals => _goals;
    public IReadOnlyList<SectorStrategy> Strategies => _strategies;
    public IReadOnlyList<PartnerMembership> Partners => _partners;
    public IReadOnlyList<PartnerAgreement> Agreements => _agreements;
    public IReadOnlyList<Committee> Committees => _committees;

    public IEnumerable<PartnerMembership> CurrentPartners => _partners.Where(p => p.IsCurrent);

    public int EmployerPartnerCount => CurrentPartners.Count(p => p.PartnerType == PartnerType.Employer);

    public string Etag => Etags.Of(Version);

    public static Partnership Create(string tenantId, string id, string displayName, string regionId,
        TargetSector sector, RegionalSignificance? significance, DateTimeOffset now)
    {
        var violations = new Violations().Require(ResourceId.IsValid(id), "partnership_id", ResourceId.Rule);
        ValidateName(violations, displayName);
        ValidateSector(violations, sector);
        ValidateSignificance(violations, significance);
        violations.ThrowIfAny();

        var partnership = new Partnership
        {
            TenantId = tenantId,
            Id = id,
            DisplayName = displayName.Trim(),
            RegionId = regionId,
            Sector = sector with { Title = sector.Title.Trim() },
            Significance = significance,
            Stage = PartnershipStage.Exploring,
            CreatedAt = now,
            UpdatedAt = now,
        };
        partnership.Raise(new PartnershipCreated(now));
        return partnership;
    }

    public void EnsureEtag(string? etag, string resourceName) => Etags.Ensure(etag, Version, resourceName);

    public void Rename(string displayName, DateTimeOffset now)
    {
        ValidateName(new Violations(), displayName).ThrowIfAny();
        DisplayName = displayName.Trim();
        Touch(now);
        Raise(new PartnershipRenamed(now));
    }

    public void MoveToRegion(string regionId, DateTimeOffset now)
    {
        var from = RegionId;
        RegionId = regionId;
        Touch(now);
        Raise(new PartnershipMoved(from, now));
    }

    public void Retarget(TargetSector sector, DateTimeOffset now)
    {
        ValidateSector(new Violations(), sector).ThrowIfAny();
        var from = Sector.NaicsCode;
        Sector = sector with { Title = sector.Title.Trim() };
        Touch(now);
        Raise(new PartnershipRetargeted(from, now));
    }

    public void RecordSignificance(RegionalSignificance? significance, DateTimeOffset now)
    {
        ValidateSignificance(new Violations(), significance).ThrowIfAny();
        Significance = significance;
        Touch(now);
        Raise(new SignificanceRecorded(significance, now));
    }

    public void SetVision(string vision, DateTimeOffset now)
    {
        new Violations().OptionalText(vision, "partnership.vision", 2000).ThrowIfAny();
        if (Stage.IsOperating())
        {
            BusinessRules.Check(new ActivePartnershipNeedsVision(vision));
        }
        Vision = vision.Trim();
        Touch(now);
        Raise(new PurposeChanged(now));
    }

    public void SetMission(string mission, DateTimeOffset now)
    {
        new Violations().OptionalText(mission, "partnership.mission", 2000).ThrowIfAny();
        Mission = mission.Trim();
        Touch(now);
        Raise(new PurposeChanged(now));
    }

    public void SetGoals(IReadOnlyList<Goal> goals, DateTimeOffset now)
    {
        var violations = new Violations().Require(goals.Count <= 50, "partnership.goals", "must be at most 50.");
        for (var i = 0; i < goals.Count; i++)
        {
            violations
                .RequireText(goals[i].Statement, $"partnership.goals[{i}].statement", 500)
                .RequireText(goals[i].Metric, $"partnership.goals[{i}].metric", 200)
                .Require(double.IsFinite(goals[i].Target) && goals[i].Target >= 0, $"partnership.goals[{i}].target", "must be a number of zero or more.")
                .Require(goals[i].DueDate is null || goals[i].DueDate >= DateOnly.FromDateTime(CreatedAt.UtcDateTime.AddYears(-1)),
                    $"partnership.goals[{i}].due_date", "must not be more than a year before the partnership was created.");
        }
        violations.ThrowIfAny();
        _goals.Clear();
        _goals.AddRange(goals);
        Touch(now);
        Raise(new GoalSet(_goals.ToList(), now));
    }

    public void SetStrategies(IReadOnlyList<SectorStrategy> strategies, DateTimeOffset now)
    {
        var kept = strategies.Where(s => s.Id.Length > 0).Select(s => s.Id).ToList();
        var violations = new Violations()
            .Require(strategies.Count <= 50, "partnership.strategies", "must be at most 50.")
            .Require(kept.Distinct().Count() == kept.Count, "partnership.strategies", "must name each strategy once.");
        for (var i = 0; i < strategies.Count; i++)
        {
            var owner = strategies[i].OwnerCommitteeId;
            var id = strategies[i].Id;
            violations
                .RequireText(strategies[i].Title, $"partnership.strategies[{i}].title", 300)
                .Require(owner is null || _committees.Any(c => c.Id == owner), $"partnership.strategies[{i}].owner_committee",
                    "must name a committee of this partnership.")
                .Require(id.Length == 0 || _strategies.Any(s => s.Id == id), $"partnership.strategies[{i}].name",
                    "must name a strategy of this partnership, or be left empty for a new one.");
        }
        violations.ThrowIfAny();
        IdentifyStrategies(strategies);
        _strategies.Clear();
        _strategies.AddRange(strategies);
        Touch(now);
        Raise(new StrategiesSet(_strategies.ToList(), now));
    }

    /// <summary>
    /// A strategy sent without its identity keeps that of the current strategy with the same title, so a
    /// caller that knows only titles does not orphan what other services recorded against the strategy.
    /// </summary>
    private void IdentifyStrategies(IReadOnlyList<SectorStrategy> strategies)
    {
        var taken = strategies.Where(s => s.Id.Length > 0).Select(s => s.Id).ToHashSet();
        foreach (var strategy in strategies.Where(s => s.Id.Length == 0))
        {
            var same = _strategies.FirstOrDefault(s => !taken.Contains(s.Id) && s.Title.Trim() == strategy.Title.Trim());
            var id = same?.Id ?? ResourceId.New();
            taken.Add(id);
            strategy.Identify(id);
        }
    }

    public void ChangeStage(PartnershipStage target, int minEmployerPartners, DateTimeOffset now)
    {
        if (target == Stage)
        {
            return;
        }
        if (target.IsOperating())
        {
            BusinessRules.Check(
                new ActivePartnershipNeedsMinimumEmployerPartners(EmployerPartnerCount, minEmployerPartners),
                new ActivePartnershipNeedsIntermediary(Intermediary),
                new ActivePartnershipNeedsVision(Vision),
                new ActivePartnershipNeedsSignedAgreement(_agreements));
        }
        var from = Stage;
        Stage = target;
        Touch(now);
        Raise(new PartnershipStageChanged(from, target, now));
    }

    public void Delete(DateTimeOffset now)
    {
        BusinessRules.Check(new ActivePartnershipCannotBeDeleted(Stage));
        Raise(new PartnershipDeleted(now));
    }

    public PartnerMembership AddPartner(Organization organization, IReadOnlyList<string> roles, DateOnly? joinDate, DateTimeOffset now)
    {
        var violations = new Violations().Require(roles.Count <= 20, "partner.roles", "must be at most 20.");
        for (var i = 0; i < roles.Count; i++)
        {
            violations.RequireText(roles[i], $"partner.roles[{i}]", 100);
        }
        violations.ThrowIfAny();
        BusinessRules.Check(new OrganizationJoinsOnce(organization.Id, _partners));

        var membership = new PartnerMembership(organization.Id, organization.DisplayName, organization.Type,
            roles.Select(r => r.Trim()).ToList(), joinDate);
        _partners.Add(membership);
        Touch(now);
        Raise(new PartnerJoined(membership, now));
        return membership;
    }

    public void RemovePartner(string organizationId, string resourceName, DateOnly leaveDate, int minEmployerPartners, DateTimeOffset now)
    {
        var membership = CurrentPartners.FirstOrDefault(p => p.OrganizationId == organizationId)
            ?? throw new ResourceNotFound(resourceName);
        new Violations()
            .Require(membership.JoinDate is null || leaveDate >= membership.JoinDate, "leave_date", "must not be before the partner joined.")
            .ThrowIfAny();
        BusinessRules.Check(new OperatingPartnershipKeepsMinimumEmployerPartners(Stage, membership, EmployerPartnerCount, minEmployerPartners));
        membership.Leave(leaveDate);
        Touch(now);
        Raise(new PartnerLeft(organizationId, leaveDate, now));
    }

    public void DesignateIntermediary(IReadOnlyList<IntermediaryAssignment> assignments, DateTimeOffset now)
    {
        BusinessRules.Check(
            new IntermediaryCoversEveryRoleOnce(assignments),
            new IntermediaryIsOneOrTwoOrganizations(assignments),
            new IntermediaryIsAPartner(assignments, _partners));
        Intermediary = new Intermediary(assignments, now);
        Touch(now);
        Raise(new IntermediaryDesignated(Intermediary, now));
    }

    public PartnerAgreement DraftAgreement(IReadOnlyList<AgreementTerm> terms, DateOnly? effectiveDate, DateTimeOffset now)
    {
        ValidateTerms(terms);
        var agreement = new PartnerAgreement(_agreements.Count == 0 ? 1 : _agreements.Max(a => a.Version) + 1, terms, effectiveDate);
        _agreements.Add(agreement);
        Touch(now);
        Raise(new AgreementDrafted(agreement, now));
        return agreement;
    }

    public void ReviseAgreement(int version, string resourceName, IReadOnlyList<AgreementTerm>? terms, DateOnly? effectiveDate, DateTimeOffset now)
    {
        var agreement = FindAgreement(version, resourceName);
        BusinessRules.Check(new SignedAgreementCannotBeEdited(agreement));
        if (terms is not null)
        {
            ValidateTerms(terms);
        }
        agreement.Revise(terms, effectiveDate);
        Touch(now);
        Raise(new AgreementRevised(agreement, now));
    }

    public void CirculateAgreement(int version, string resourceName, DateTimeOffset now)
    {
        var agreement = FindAgreement(version, resourceName);
        BusinessRules.Check(new OnlyDraftAgreementIsCirculated(agreement));
        agreement.Circulate();
        Touch(now);
        Raise(new AgreementCirculated(version, now));
    }

    public void SignAgreement(int version, string resourceName, string organizationId, string signatoryName, string signatoryTitle, Signer signer,
        DateTimeOffset now)
    {
        var agreement = FindAgreement(version, resourceName);
        new Violations()
            .RequireText(signatoryName, "signatory_name", 200)
            .OptionalText(signatoryTitle, "signatory_title", 200)
            .ThrowIfAny();
        BusinessRules.Check(
            new AgreementIsSignedOnlyOnceCirculated(agreement),
            new OnlyPartiesSignAgreement(agreement, organizationId),
            new PartySignsOnce(agreement, organizationId));

        var signature = new Signature(organizationId, signatoryName.Trim(), signatoryTitle.Trim(), signer, now);
        agreement.AddSignature(signature);
        Touch(now);
        Raise(new AgreementSignatureAdded(version, signature, now));
        if (agreement.Status != AgreementStatus.Signed)
        {
            return;
        }
        var previous = _agreements.Where(a => a != agreement && a.Status == AgreementStatus.Signed).ToList();
        previous.ForEach(a => a.Supersede());
        Raise(new AgreementSigned(agreement, previous.Select(a => (int?)a.Version).Max(), now));
    }

    public Committee AddCommittee(string id, string displayName, CommitteeKind? kind, string purpose, DateTimeOffset now)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "committee_id", ResourceId.Rule)
            .RequireText(displayName, "committee.display_name", 200)
            .Require(kind is not null, "committee.kind", "is required: COMMITTEE_KIND_COMMITTEE or COMMITTEE_KIND_WORK_GROUP.")
            .OptionalText(purpose, "committee.purpose", 1000)
            .ThrowIfAny();
        if (_committees.Any(c => c.Id == id))
        {
            throw new ResourceAlreadyExists($"committees/{id}");
        }
        var committee = new Committee(id, displayName.Trim(), kind!.Value, purpose.Trim());
        _committees.Add(committee);
        Touch(now);
        Raise(new CommitteeAdded(committee, now));
        return committee;
    }

    public void AddCommitteeMember(string committeeId, string resourceName, string personName, string? organizationId,
        Representation? represents, DateTimeOffset now)
    {
        var committee = _committees.FirstOrDefault(c => c.Id == committeeId) ?? throw new ResourceNotFound(resourceName);
        new Violations()
            .RequireText(personName, "member.person_name", 200)
            .Require(represents is not null, "member.represents", "is required: what the member speaks for.")
            .ThrowIfAny();
        var member = new CommitteeMember(personName.Trim(), organizationId, represents!.Value);
        committee.Members.Add(member);
        Touch(now);
        Raise(new CommitteeMemberAdded(committee, member, now));
    }

    /// <summary>Worker voice: a governance with no worker or labor representative is flagged on the scorecard.</summary>
    public bool HasWorkerRepresentation =>
        _committees.Any(c => c.Members.Any(m => m.Represents == Representation.WorkerOrLabor));

    private PartnerAgreement FindAgreement(int version, string resourceName) =>
        _agreements.FirstOrDefault(a => a.Version == version) ?? throw new ResourceNotFound(resourceName);

    private void ValidateTerms(IReadOnlyList<AgreementTerm> terms)
    {
        var violations = new Violations()
            .Require(terms.Count > 0, "agreement.terms", "must name at least one party and its commitments.")
            .Require(terms.Select(t => t.OrganizationId).Distinct().Count() == terms.Count, "agreement.terms", "must name each party once.");
        for (var i = 0; i < terms.Count; i++)
        {
            violations
                .OptionalText(terms[i].Expectations, $"agreement.terms[{i}].expectations", 2000)
                .RequireText(terms[i].Commitments, $"agreement.terms[{i}].commitments", 2000);
        }
        violations.ThrowIfAny();
        BusinessRules.Check(new AgreementPartiesArePartners(terms, _partners));
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now;

    private static Violations ValidateName(Violations violations, string displayName) =>
        violations.RequireText(displayName, "partnership.display_name", 200);

    private static Violations ValidateSector(Violations violations, TargetSector sector) =>
        violations
            .Require(NaicsCode.IsValid(sector.NaicsCode), "partnership.target_sector.naics_code", NaicsCode.Rule)
            .RequireText(sector.Title, "partnership.target_sector.title", 200);

    private static Violations ValidateSignificance(Violations violations, RegionalSignificance? s) =>
        s is null
            ? violations
            : violations
                .Require(s.Employment >= 0, "partnership.regional_significance.employment", "must be zero or more.")
                .Require(double.IsFinite(s.LocationQuotient) && s.LocationQuotient >= 0, "partnership.regional_significance.location_quotient", "must be zero or more.")
                .Require(double.IsFinite(s.EmploymentGrowthPercent) && s.EmploymentGrowthPercent is >= -100 and <= 1000,
                    "partnership.regional_significance.employment_growth_percent", "must be between -100 and 1000.")
                .RequireText(s.Source, "partnership.regional_significance.source", 300)
                .RequireText(s.Period, "partnership.regional_significance.period", 20);
}
