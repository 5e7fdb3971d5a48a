namespace SectorMesh.Metrics.Domain;

/// <summary>The WIOA program a period of participation is reported under; the exclusions of PIRL 923 depend on it.</summary>
public enum WioaProgram
{
    Adult,
    DislocatedWorker,
    Youth,
    WagnerPeyser,
    AdultEducation,
    AdultEducationCorrections,
    VocationalRehabilitation,
}

/// <summary>PIRL 923, other reasons for exit.</summary>
public enum ExitReason
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

/// <summary>PIRL 1600/1602/1604/1606: employment in a quarter after the exit quarter.</summary>
public enum QuarterStatus
{
    NotEmployed = 0,
    Unsubsidized = 1,
    RegisteredApprenticeship = 2,
    MilitaryService = 3,
    NotYetAvailable = 9,
}

/// <summary>
/// One quarter after exit as reported: status (1600-series), type of match (1601-series, 5 = not yet available), wages
/// (1703-series, null for blank or 999999.99), the employer's identifier (FEIN or state tax id) when a wage match gives it,
/// and the Youth placement in education or training (1900/1901) for the 2nd and 4th quarters.
/// </summary>
public sealed record QuarterAfterExit(QuarterStatus? Status, int? MatchType, decimal? Wages, string? EmployerId, bool InEducationOrTraining = false)
{
    public static readonly QuarterAfterExit Unreported = new(null, null, null, null);

    /// <summary>Registered Apprenticeship and military service count as employment.</summary>
    public bool Employed => Status is QuarterStatus.Unsubsidized or QuarterStatus.RegisteredApprenticeship or QuarterStatus.MilitaryService;

    /// <summary>TEGL 10-16 Change 3: status 9, match type 5, or wages all 9s or blank; never counted as not employed.</summary>
    public bool NotYetAvailable => Status is null or QuarterStatus.NotYetAvailable || MatchType == 5 || Wages is null;
}

/// <summary>PIRL 1303/1310/1315: the type of training service.</summary>
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

/// <summary>PIRL 1800/1802/1804: the type of recognized credential.</summary>
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

public sealed record Credential(CredentialType Type, DateOnly Attained);

/// <summary>PIRL 201.</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
    DidNotSelfIdentify = 9,
}

/// <summary>PIRL 210–215 and the 2024 categories.</summary>
public enum EthnicityOrRace
{
    HispanicOrLatino,
    AmericanIndianOrAlaskaNative,
    Asian,
    BlackOrAfricanAmerican,
    NativeHawaiianOrPacificIslander,
    White,
    MiddleEasternOrNorthAfrican,
    Multiracial,
}

/// <summary>The age bands of the annual statewide report, from the age at program entry.</summary>
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

/// <summary>
/// The demographic attributes the indicators are broken down by. Metrics holds these, never a name, date of birth or
/// contact, and never returns them for one person: only counts over cells large enough to show.
/// </summary>
public sealed record Demographics(Sex? Sex, IReadOnlyList<EthnicityOrRace> EthnicityAndRace, AgeBand? AgeAtEntry, bool? Disability,
    IReadOnlyList<string> Barriers)
{
    public static readonly Demographics Unknown = new(null, [], null, null, []);
}

/// <summary>
/// PIRL 1806–1810 (the dates of the most recent gain of each kind), 1811 (entered education or training leading to a
/// credential or employment) and 1813 (completed it).
/// </summary>
public sealed record SkillGains(DateOnly? EducationalFunctioningLevel, DateOnly? PostsecondaryTranscript, DateOnly? SecondaryTranscript,
    DateOnly? TrainingMilestone, DateOnly? SkillsProgression, DateOnly? EducationOrTrainingEntered, DateOnly? EducationOrTrainingCompleted)
{
    public static readonly SkillGains None = new(null, null, null, null, null, null, null);

    public IEnumerable<DateOnly> Dates =>
        new[] { EducationalFunctioningLevel, PostsecondaryTranscript, SecondaryTranscript, TrainingMilestone, SkillsProgression }.OfType<DateOnly>();
}

/// <summary>
/// One period of participation (program entry, PIRL 900, to exit, 901), the unit every WIOA indicator counts: a person who
/// exits and enters again is two periods. It holds what the indicators read and nothing that identifies the person.
/// </summary>
public sealed record ParticipationPeriod(
    string PartnershipId,
    string ParticipantId,
    DateOnly Entry,
    DateOnly? Exit,
    WioaProgram Program,
    ExitReason ExitReason,
    IReadOnlyList<TrainingType> Training,
    bool PostsecondaryDuringParticipation,
    bool SecondaryDuringParticipation,
    bool NoEducationalLevelAtEntry,
    DateOnly? EducationAfterExit,
    IReadOnlyList<QuarterAfterExit> Quarters,
    bool? RetainedWithSameEmployer,
    IReadOnlyList<Credential> Credentials,
    SkillGains SkillGains,
    Demographics Demographics)
{
    /// <summary>Whether the period shows training, a credential, a skill gain or employment after exit: the scorecard's "progressing".</summary>
    public bool Progressing => Training.Count > 0 || Credentials.Count > 0 || SkillGains.Dates.Any() || Quarters.Any(q => q.Employed);

    /// <summary>The n-th quarter after the exit quarter (1–4), or an unreported one.</summary>
    public QuarterAfterExit Quarter(int n) => n <= Quarters.Count ? Quarters[n - 1] : QuarterAfterExit.Unreported;

    /// <summary>Attachment II tables A and B: out of every indicator, for the programs each reason applies to.</summary>
    public bool ExcludedFromEveryIndicator => Exit is not null && ExitReason switch
    {
        ExitReason.Institutionalized or ExitReason.HealthOrMedical or ExitReason.Deceased or ExitReason.ReserveOrGuardCalledToActiveDuty => true,
        ExitReason.FosterCareMoved => Program == WioaProgram.Youth,
        ExitReason.LaterFoundIneligible => Program == WioaProgram.VocationalRehabilitation,
        _ => false,
    };

    /// <summary>Table C: a section 225 participant who remains incarcerated is out of the exit-based indicators but stays in skill gains.</summary>
    public bool RemainsIncarcerated => Exit is not null && ExitReason == ExitReason.RemainsIncarcerated;
}
