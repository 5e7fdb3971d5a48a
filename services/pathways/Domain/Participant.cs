using SectorMesh.Domain;

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
public sealed class Participant : AggregateRoot, IPartnershipRecord
{
    private Participant() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public DateOnly EntryDate { get; private set; }
    public DateOnly? ExitDate { get; private set; }
    public EmploymentStatus? EmploymentStatusAtEntry { get; private set; }
    public string? CareerPathwayId { get; private set; }
    public string? CurrentStep { get; private set; }

    /// <summary>Enrols a participant; the step, when given, must be a step of the pathway.</summary>
    public static Participant Enrol(string tenantId, string partnershipId, string id, DateOnly entryDate, EmploymentStatus? status,
        CareerPathway? pathway, string? currentStep, DateTimeOffset now)
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
        };
        participant.Raise(new ParticipantEnrolled(now));
        return participant;
    }

    /// <summary>PIRL 901: the last date of service, on or after entry; a participant exits once.</summary>
    public void Exit(DateOnly exitDate, DateTimeOffset now)
    {
        BusinessRules.Check(new ExitsOnce(ExitDate));
        new Violations()
            .Require(exitDate >= EntryDate, "exit_date", $"must not be before the entry date {EntryDate:yyyy-MM-dd}.")
            .Require(exitDate <= DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), "exit_date", "must not be in the future.")
            .ThrowIfAny();
        ExitDate = exitDate;
        Raise(new ParticipantExited(now));
    }
}

/// <summary>A participant's exit is the last date of service; a later service is a new period of participation, not a second exit.</summary>
public sealed record ExitsOnce(DateOnly? ExitDate) : IBusinessRule
{
    public string Message => $"The participant already exited on {ExitDate:yyyy-MM-dd}.";

    public bool IsBroken() => ExitDate is not null;
}
