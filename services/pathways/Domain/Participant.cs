using SectorMesh.Domain;
using SectorMesh.Pathways.Domain.Rules;

namespace SectorMesh.Pathways.Domain;

/// <summary>PIRL 400: employment status at program entry.</summary>
public enum EmploymentStatus
{
    Employed,
    EmployedWithNotice,
    NotInLaborForce,
    Unemployed,
}

/// <summary>
/// A worker, job seeker or learner the partnership serves, from program entry (PIRL 900) to exit
/// (PIRL 901), on a step of one of its career pathways. Personal data is not part of it: the data
/// layer keeps that apart, encrypted.
/// </summary>
public sealed partial class Participant : AggregateRoot, IPartnershipRecord
{
    private Participant() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";

    /// <summary>PIRL 100 as the state's system wrote it (upper case and all), when it differs from the id it was normalized to.</summary>
    public string? PirlIdentifier { get; private set; }

    public DateOnly EntryDate { get; private set; }
    public DateOnly? ExitDate { get; private set; }

    /// <summary>PIRL 923, given with the exit.</summary>
    public OtherExitReason ExitReason { get; private set; }
    public EmploymentStatus? EmploymentStatusAtEntry { get; private set; }
    public string? CareerPathwayId { get; private set; }
    public string? CurrentStep { get; private set; }
    public List<TrainingEnrolment> Training { get; private set; } = [];
    public List<AttainedCredential> Credentials { get; private set; } = [];
    public List<SkillGain> SkillGains { get; private set; } = [];
    public List<EmploymentOutcome> EmploymentOutcomes { get; private set; } = [];

    /// <summary>PIRL 1618: whether the state's wage records show the same employer in the 2nd and 4th quarters after exit.</summary>
    public bool? RetainedWithSameEmployer { get; private set; }

    /// <summary>The current period's programs, age band at entry and education.</summary>
    public ReportingDetails ReportingDetails { get; private set; } = ReportingDetails.NotRecorded;

    public Demographics Demographics { get; private set; } = Demographics.NotRecorded;

    /// <summary>The periods of participation before the current one, oldest first, each exited.</summary>
    public List<PeriodOfParticipation> EarlierPeriods { get; private set; } = [];

    /// <summary>The period from the latest entry: the participant's own fields.</summary>
    public PeriodOfParticipation CurrentPeriod => new(EntryDate, ExitDate, ExitReason, EmploymentStatusAtEntry, ReportingDetails,
        Training, Credentials, SkillGains, EmploymentOutcomes, RetainedWithSameEmployer);

    /// <summary>Every period of participation, oldest first; the last is the current one.</summary>
    public IReadOnlyList<PeriodOfParticipation> Periods => [.. EarlierPeriods, CurrentPeriod];

    private const int MaxRecords = 20;

    /// <summary>Enrols a participant; the step, when given, must be a step of the pathway.</summary>
    public static Participant Enrol(string tenantId, string partnershipId, string id, DateOnly entryDate, EmploymentStatus? status,
        CareerPathway? pathway, string? currentStep, DateTimeOffset now, string? pirlIdentifier = null)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "participant_id", ResourceId.Rule)
            .Require(entryDate <= DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), "participant.entry_date", "must not be in the future.")
            .Require(currentStep is null || pathway is not null, "participant.current_step", "needs the career_pathway it is a step of.")
            .Require(currentStep is null || pathway?.Step(currentStep) is not null, "participant.current_step", "must be a step of the career pathway.")
            .ThrowIfAny();
        var participant = new Participant
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            EntryDate = entryDate,
            EmploymentStatusAtEntry = status,
            CareerPathwayId = pathway?.Id,
            CurrentStep = currentStep,
            PirlIdentifier = pirlIdentifier == id ? null : pirlIdentifier,
        };
        participant.Raise(new ParticipantEnrolled(now));
        return participant;
    }

    /// <summary>PIRL 901: the last date of service, on or after entry, with any other reason for exit (923); a participant exits once.</summary>
    public void Exit(DateOnly exitDate, DateTimeOffset now, OtherExitReason reason = OtherExitReason.None)
    {
        BusinessRules.Check(new ExitsOnce(ExitDate));
        new Violations()
            .Require(exitDate >= EntryDate, "exit_date", $"must not be before the entry date {EntryDate:yyyy-MM-dd}.")
            .Require(exitDate <= DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), "exit_date", "must not be in the future.")
            .ThrowIfAny();
        ExitDate = exitDate;
        ExitReason = reason;
        Raise(new ParticipantExited(now));
    }

    /// <summary>
    /// A new period of participation (PIRL 900) after an exit: the exited period is kept as it stands, counted on its own by
    /// every indicator, and the participant's services and outcomes start again empty.
    /// </summary>
    public void Reenter(DateOnly entryDate, EmploymentStatus? status, DateTimeOffset now)
    {
        BusinessRules.Check(new EntersAgainAfterExit(ExitDate, entryDate));
        new Violations()
            .Require(entryDate <= Today(now).AddDays(1), "entry_date", "must not be in the future.")
            .Require(EarlierPeriods.Count < MaxRecords, "entry_date", $"a participant holds at most {MaxRecords + 1} periods of participation.")
            .ThrowIfAny();
        EarlierPeriods.Add(CurrentPeriod);
        EntryDate = entryDate;
        EmploymentStatusAtEntry = status;
        ExitDate = null;
        ExitReason = OtherExitReason.None;
        ReportingDetails = ReportingDetails.NotRecorded;
        Training = [];
        Credentials = [];
        SkillGains = [];
        EmploymentOutcomes = [];
        RetainedWithSameEmployer = null;
        Raise(new ParticipantReentered(entryDate, now));
    }

    /// <summary>
    /// Takes the PIRL record of a later extract of the state's system (its periods, services, outcomes, programs and
    /// demographics, built by the same rules as an enrolment), keeping what the partnership records itself: the career
    /// pathway step, supportive services and barriers disclosed since, to which the extract's barriers are added.
    /// </summary>
    public void TakeRecordFrom(Participant extract, DateTimeOffset now)
    {
        EntryDate = extract.EntryDate;
        ExitDate = extract.ExitDate;
        ExitReason = extract.ExitReason;
        EmploymentStatusAtEntry = extract.EmploymentStatusAtEntry;
        PirlIdentifier = extract.PirlIdentifier;
        Training = [.. extract.Training];
        Credentials = [.. extract.Credentials];
        SkillGains = [.. extract.SkillGains];
        EmploymentOutcomes = [.. extract.EmploymentOutcomes];
        RetainedWithSameEmployer = extract.RetainedWithSameEmployer;
        ReportingDetails = extract.ReportingDetails;
        Demographics = extract.Demographics;
        EarlierPeriods = [.. extract.EarlierPeriods];
        Barriers = [.. Barriers.Union(extract.Barriers).Order()];
        Raise(new ParticipantRecordUpdated(now));
    }

    /// <summary>The current period's programs (PIRL 903–918), age band at entry and education (1332, 1401, 408, 1406, 1811, 1813).</summary>
    public void RecordReportingDetails(ReportingDetails details, DateTimeOffset now)
    {
        var education = details.Education;
        new Violations()
            .Require(education.HighestLevelAtEntry is null or (>= 0 and <= 8), "education.highest_level_at_entry", "must be a PIRL 408 code, 0 to 8.")
            .Require(education.CredentialTrainingCompleted is null || education.CredentialTrainingEntered is { } entered && education.CredentialTrainingCompleted >= entered,
                "education.credential_training_completed", "must follow the date the education or training was entered.")
            .Require(education.EnrolledAfterExit is null || ExitDate is { } exit && education.EnrolledAfterExit >= exit,
                "education.enrolled_after_exit", "must be on or after the exit date.")
            .ThrowIfAny();
        ReportingDetails = details with { Programs = [.. details.Programs.Distinct().Order()] };
        Raise(new ReportingDetailsRecorded(now));
    }

    /// <summary>Sex (PIRL 201) and ethnicity and race (210–215), as the person self-identified.</summary>
    public void RecordDemographics(Demographics demographics, DateTimeOffset now)
    {
        Demographics = demographics with { EthnicityAndRace = [.. demographics.EthnicityAndRace.Distinct().Order()] };
        Raise(new DemographicsRecorded(now));
    }

    /// <summary>Training entered during participation (PIRL 1302, 1303), and its end when known (1308).</summary>
    public void RecordTraining(TrainingEnrolment training, DateTimeOffset now)
    {
        var today = Today(now);
        new Violations()
            .Require(training.Entered >= EntryDate, "training.entered", $"must not be before program entry {EntryDate:yyyy-MM-dd}.")
            .Require(training.Entered <= today, "training.entered", "must not be in the future.")
            .Require(training.Ended is null || (training.Ended >= training.Entered && training.Ended <= today), "training.ended",
                "must be on or after the training was entered, and not in the future.")
            .Require(Training.Count < MaxRecords, "training", $"holds at most {MaxRecords} enrolments.")
            .ThrowIfAny();
        Training.Add(training);
        Raise(new TrainingRecorded(training, now));
    }

    /// <summary>A recognized credential attained (PIRL 1800, 1801): during participation or within a year after exit.</summary>
    public void RecordCredential(AttainedCredential credential, DateTimeOffset now)
    {
        new Violations()
            .Require(credential.Attained >= EntryDate, "credential.attained", $"must not be before program entry {EntryDate:yyyy-MM-dd}.")
            .Require(credential.Attained <= Today(now), "credential.attained", "must not be in the future.")
            .OptionalText(credential.Title, "credential.title", Text.NameLength)
            .Require(Credentials.Count < MaxRecords, "credential", $"holds at most {MaxRecords} credentials.")
            .ThrowIfAny();
        Credentials.Add(credential);
        Raise(new CredentialAttained(credential, now));
    }

    /// <summary>A measurable skill gain (PIRL 1806–1810), which counts in the program year it happens, not at exit.</summary>
    public void RecordSkillGain(SkillGain gain, DateTimeOffset now)
    {
        new Violations()
            .Require(gain.Date >= EntryDate && (ExitDate is null || gain.Date <= ExitDate), "skill_gain.date", "must fall within participation.")
            .Require(gain.Date <= Today(now), "skill_gain.date", "must not be in the future.")
            .Require(SkillGains.Count < MaxRecords * 5, "skill_gain", $"holds at most {MaxRecords * 5} gains.")
            .ThrowIfAny();
        SkillGains.Add(gain);
        Raise(new SkillGainRecorded(gain, now));
    }

    /// <summary>Employment in a quarter after exit; a later match for the same quarter replaces the earlier one.</summary>
    public void RecordEmploymentOutcome(EmploymentOutcome outcome, DateTimeOffset now)
    {
        BusinessRules.Check(new OutcomesFollowExit(ExitDate));
        new Violations()
            .Require(outcome.Quarter is >= 1 and <= 4, "outcome.quarter", "must be 1 to 4: the quarter after the exit quarter.")
            .Require(outcome.Wages is null or (>= 0 and < 1_000_000), "outcome.wages", "must be between 0 and 999,999.99 dollars.")
            .Require(outcome.Employed || outcome.Wages is null or 0, "outcome.wages", "must be empty or zero for a quarter not employed.")
            .OptionalText(outcome.EmployerId, "outcome.employer_id", 63)
            .ThrowIfAny();
        EmploymentOutcomes.RemoveAll(o => o.Quarter == outcome.Quarter);
        EmploymentOutcomes.Add(outcome);
        EmploymentOutcomes.Sort((a, b) => a.Quarter.CompareTo(b.Quarter));
        Raise(new EmploymentOutcomeRecorded(outcome, now));
    }

    /// <summary>PIRL 1618, as the state's wage match reports it once the 4th quarter after exit is known.</summary>
    public void RecordRetention(bool retained, DateTimeOffset now)
    {
        BusinessRules.Check(new OutcomesFollowExit(ExitDate));
        RetainedWithSameEmployer = retained;
        Raise(new RetentionRecorded(retained, now));
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
