using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

/// <summary>PIRL 1303: the type of training service.</summary>
public enum TrainingType
{
    OnTheJob = 1,
    SkillUpgrading = 2,
    Entrepreneurial = 3,
    AdultEducationWithTraining = 4,
    Customized = 5,
    OccupationalSkills = 6,
    AdultEducationWithoutTraining = 7,
    Prerequisite = 8,
    RegisteredApprenticeship = 9,
    YouthOccupationalSkills = 10,
    OtherNonOccupational = 11,
    JobReadinessWithTraining = 12,
}

/// <summary>PIRL 923: other reasons for exit, which take a period out of the performance indicators.</summary>
public enum OtherExitReason
{
    None = 0,
    Institutionalized = 1,
    HealthOrMedical = 2,
    Deceased = 3,
    ReserveOrGuardCalledToActiveDuty = 4,
    FosterCareMoved = 5,
    LaterFoundIneligible = 6,
    RemainsIncarcerated = 7,
}

/// <summary>PIRL 1800: the type of recognized credential.</summary>
public enum CredentialType
{
    SecondaryDiploma = 1,
    AssociateDegree = 2,
    BachelorsDegree = 3,
    OccupationalLicensure = 4,
    OccupationalCertificate = 5,
    OccupationalCertification = 6,
    OtherRecognized = 7,
}

/// <summary>PIRL 1806–1810: the kinds of measurable skill gain.</summary>
public enum SkillGainKind
{
    EducationalFunctioningLevel,
    PostsecondaryTranscript,
    SecondaryTranscript,
    TrainingMilestone,
    SkillsProgression,
}

/// <summary>PIRL 1600/1602/1604/1606: employment in a quarter after exit.</summary>
public enum QuarterEmployment
{
    NotEmployed = 0,
    Unsubsidized = 1,
    RegisteredApprenticeship = 2,
    MilitaryService = 3,
    NotYetKnown = 9,
}

/// <summary>Training entered (PIRL 1302–1303) and, once over, completed or withdrawn from (1308).</summary>
public sealed record TrainingEnrolment(DateOnly Entered, TrainingType Type, string? ProgramId, DateOnly? Ended);

public sealed record AttainedCredential(CredentialType Type, DateOnly Attained, string Title);

public sealed record SkillGain(SkillGainKind Kind, DateOnly Date);

/// <summary>
/// Employment in the n-th quarter after the exit quarter (1–4): PIRL 1600-series status, 1703-series wages
/// (null while not yet available), and the employer's id (its FEIN) from the wage-record match.
/// </summary>
public sealed record EmploymentOutcome(int Quarter, QuarterEmployment Status, decimal? Wages, string? EmployerId)
{
    /// <summary>Registered Apprenticeship and military service count as employment (WIOA performance indicators).</summary>
    public bool Employed => Status is QuarterEmployment.Unsubsidized or QuarterEmployment.RegisteredApprenticeship or QuarterEmployment.MilitaryService;
}
