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
/// (null while not yet available), the employer's id (its FEIN) from the wage-record match, and the 1601-series type of
/// match (1–4 the kind of record, 5 not yet available, 0 not employed) when the state reports it.
/// </summary>
public sealed record EmploymentOutcome(int Quarter, QuarterEmployment Status, decimal? Wages, string? EmployerId, int? MatchType = null)
{
    /// <summary>Registered Apprenticeship and military service count as employment (WIOA performance indicators).</summary>
    public bool Employed => Status is QuarterEmployment.Unsubsidized or QuarterEmployment.RegisteredApprenticeship or QuarterEmployment.MilitaryService;
}

/// <summary>PIRL 903, 904, 905 and 918: the WIOA programs (funding streams) a period of participation is reported under.</summary>
public enum WioaProgram
{
    Adult,
    DislocatedWorker,
    Youth,
    WagnerPeyser,
}

/// <summary>PIRL 201.</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
    DidNotSelfIdentify = 9,
}

/// <summary>PIRL 210 (ethnicity) and 211–215 (race); several may apply.</summary>
public enum EthnicityOrRace
{
    HispanicOrLatino,
    AmericanIndianOrAlaskaNative,
    Asian,
    BlackOrAfricanAmerican,
    NativeHawaiianOrPacificIslander,
    White,
}

/// <summary>The age bands of the annual statewide report (ETA-9169), from the age at program entry.</summary>
public enum AgeBand
{
    Under16,
    From16To18,
    From19To24,
    From25To44,
    From45To54,
    From55To59,
    Over59,
}

/// <summary>The demographic attributes reports are broken down by (PIRL 201, 210–215); the person's, not one period's.</summary>
public sealed record Demographics(Sex? Sex, IReadOnlyList<EthnicityOrRace> EthnicityAndRace)
{
    public static readonly Demographics NotRecorded = new(null, []);
}

/// <summary>
/// Education during and after a period of participation: postsecondary (PIRL 1332) and secondary (1401) education during it,
/// the highest level completed at entry (408, 0 none), the date enrolled in education or training leading to a recognized
/// postsecondary credential after exit (1406), and the span of education or training leading to a credential or
/// employment (1811 entered, 1813 completed) that selects the period for measurable skill gains.
/// </summary>
public sealed record Education(bool Postsecondary, bool Secondary, int? HighestLevelAtEntry, DateOnly? EnrolledAfterExit,
    DateOnly? CredentialTrainingEntered, DateOnly? CredentialTrainingCompleted)
{
    public static readonly Education NotRecorded = new(false, false, null, null, null, null);
}

/// <summary>What a period of participation's reports read besides its services and outcomes: the programs, the age band at entry and education.</summary>
public sealed record ReportingDetails(IReadOnlyList<WioaProgram> Programs, AgeBand? AgeAtEntry, Education Education)
{
    public static readonly ReportingDetails NotRecorded = new([], null, Education.NotRecorded);
}

/// <summary>
/// One period of participation, entry (PIRL 900) to exit (901): what the WIOA indicators count, each on its own, when a
/// person exits and enters again. The current period is the participant's own fields; earlier ones are kept as these.
/// </summary>
public sealed record PeriodOfParticipation(DateOnly Entry, DateOnly? Exit, OtherExitReason ExitReason, EmploymentStatus? StatusAtEntry,
    ReportingDetails Details, IReadOnlyList<TrainingEnrolment> Training, IReadOnlyList<AttainedCredential> Credentials,
    IReadOnlyList<SkillGain> SkillGains, IReadOnlyList<EmploymentOutcome> Outcomes, bool? RetainedWithSameEmployer);

public static class AgeBands
{
    /// <summary>The band of the age reached on the entry date: &lt;16, 16–18, 19–24, 25–44, 45–54, 55–59, 60+.</summary>
    public static AgeBand At(DateOnly birth, DateOnly entry)
    {
        var age = entry.Year - birth.Year - (entry < birth.AddYears(entry.Year - birth.Year) ? 1 : 0);
        return age switch
        {
            < 16 => AgeBand.Under16,
            <= 18 => AgeBand.From16To18,
            <= 24 => AgeBand.From19To24,
            <= 44 => AgeBand.From25To44,
            <= 54 => AgeBand.From45To54,
            <= 59 => AgeBand.From55To59,
            _ => AgeBand.Over59,
        };
    }
}
