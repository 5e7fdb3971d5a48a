namespace SectorMesh.Partnerships.Domain;

public enum PartnershipStage { Exploring, Launching, Active, Sustaining, Inactive }

/// <summary>The thirteen partner types of the Sector Strategies Framework.</summary>
public enum PartnerType
{
    Employer,
    WorkforceBoard,
    EconomicDevelopment,
    K12Education,
    PostsecondaryEducation,
    RegisteredApprenticeshipSponsor,
    IndustryAssociation,
    CommunityBasedOrganization,
    HumanServices,
    OrganizedLabor,
    ElectedOrMunicipal,
    ChamberOrBusinessAssociation,
    HrOrganization,
}

/// <summary>The eight intermediary roles of the Framework, plus fiscal agent.</summary>
public enum IntermediaryRole
{
    Leadership,
    ConveningFacilitation,
    Coordination,
    StrategyAndProjectManagement,
    DayToDayStaffSupport,
    OutreachEngagementCommunications,
    PartnershipDevelopmentAndExpansion,
    Championship,
    FiscalAgent,
}

public enum AgreementStatus { Draft, Circulated, Signed, Superseded }

public enum StrategyStatus { Planned, InProgress, Completed, Paused }

public enum CommitteeKind { Committee, WorkGroup }

/// <summary>What a committee member speaks for; worker or labor members are the partnership's worker voice.</summary>
public enum Representation { Employer, WorkerOrLabor, CommunityOrganization, Education, WorkforceSystem, Other }

public static class PartnershipStages
{
    /// <summary>Stages in which the partnership operates and must meet the Framework's conditions.</summary>
    public static bool IsOperating(this PartnershipStage stage) =>
        stage is PartnershipStage.Active or PartnershipStage.Sustaining;
}
