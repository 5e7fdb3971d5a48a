using SectorMesh.Contracts.Events;
using SectorMesh.Domain;
using SectorMesh.Messaging;
using SectorMesh.Pathways.Domain;
using Events = SectorMesh.Contracts.Events.Pathways;

namespace SectorMesh.Pathways.Data;

/// <summary>What other services (metrics above all) learn of programs, pathways and participants; never personal data.</summary>
public sealed class PathwayIntegrationEvents : IIntegrationEventMapper
{
    public IEnumerable<IIntegrationEvent> Map(AggregateRoot aggregate, IDomainEvent domainEvent)
    {
        var id = Guid.CreateVersion7(domainEvent.OccurredAt);
        IIntegrationEvent? mapped = (aggregate, domainEvent) switch
        {
            (TrainingProgram p, TrainingProgramRecorded e) => new Events.TrainingProgramRecorded(id, p.TenantId, "", e.OccurredAt,
                p.Id, p.ProviderId, p.DisplayName, p.DurationWeeks, p.Credential?.Title),
            (TrainingProgram p, TrainingProgramRevised e) => new Events.TrainingProgramRevised(id, p.TenantId, "", e.OccurredAt,
                p.Id, p.DisplayName, p.DurationWeeks, p.Credential?.Title, p.EmployerNeeds.Count, p.SkillsGaps.Count),
            (CareerPathway c, CareerPathwayDefined e) => new Events.CareerPathwayDefined(id, c.TenantId, c.PartnershipId, e.OccurredAt,
                c.Id, c.DisplayName, [.. c.Steps.Select(s => s.Occupation).Distinct()]),
            (CareerPathway c, CareerPathwayRevised e) => new Events.CareerPathwayRevised(id, c.TenantId, c.PartnershipId, e.OccurredAt,
                c.Id, c.DisplayName, [.. c.Steps.Select(s => s.Occupation).Distinct()]),
            (Participant p, ParticipantEnrolled e) => new Events.ParticipantEnrolled(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, p.EntryDate, p.EmploymentStatusAtEntry?.ToString(), p.CareerPathwayId, p.CurrentStep),
            (Participant p, ParticipantExited e) => new Events.ParticipantExited(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, p.ExitDate!.Value),
            (Participant p, TrainingRecorded e) => new Events.TrainingRecorded(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, e.Training.Entered, e.Training.Type.ToString(), e.Training.ProgramId, e.Training.Ended),
            (Participant p, CredentialAttained e) => new Events.CredentialAttained(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, e.Credential.Type.ToString(), e.Credential.Attained, e.Credential.Title),
            (Participant p, SkillGainRecorded e) => new Events.SkillGainRecorded(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, e.Gain.Kind.ToString(), e.Gain.Date),
            (Participant p, EmploymentOutcomeRecorded e) => new Events.EmploymentOutcomeRecorded(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, p.ExitDate!.Value, e.Outcome.Quarter, e.Outcome.Status.ToString(), e.Outcome.Employed, e.Outcome.Wages, e.Outcome.EmployerId),
            (JobQualityGuidelines g, JobQualityGuidelinesChanged e) => new Events.JobQualityGuidelinesChanged(id, g.TenantId, g.PartnershipId, e.OccurredAt,
                [.. g.Commitments.Select(c => c.Factor.ToString())], [.. g.Standards.Select(s => s.Factor.ToString()).Distinct()],
                g.Standards.FirstOrDefault(s => s.Kind == StandardKind.MinimumHourlyWage)?.Value),
            (JobQualityAssessment a, EmployerAssessed e) => new Events.JobQualityAssessed(id, a.TenantId, a.PartnershipId, e.OccurredAt,
                a.Id, a.EmployerId, a.AssessmentDate, a.FactorsMet, a.FactorsAssessed),
            (Placement p, PlacementRecorded e) => new Events.PlacementRecorded(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, p.ParticipantId, p.EmployerId, p.Occupation, p.StartDate,
                p.Verdict == GuidelinesVerdict.NoGuidelines ? null : p.Verdict == GuidelinesVerdict.Meets, p.Reasons),
            (Participant p, BarriersRecorded e) => new Events.BarriersRecorded(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, [.. e.Added.Select(b => b.ToString())], [.. p.Barriers.Select(b => b.ToString())]),
            (Participant p, SupportiveServiceProvided e) => new Events.SupportiveServiceProvided(id, p.TenantId, p.PartnershipId, e.OccurredAt,
                p.Id, e.Service.Date, e.Service.Kind.ToString(), e.Service.Amount, e.Service.ProviderId),
            (Referral r, ParticipantReferred e) => new Events.ParticipantReferred(id, r.TenantId, r.PartnershipId, e.OccurredAt,
                r.ParticipantId, r.Id, r.OrganizationId, r.Barrier?.ToString(), r.Need?.ToString(), r.ReferredOn),
            (Referral r, ReferralOutcomeRecorded e) => new Events.ReferralOutcomeRecorded(id, r.TenantId, r.PartnershipId, e.OccurredAt,
                r.ParticipantId, r.Id, r.OrganizationId, r.Outcome.ToString(), r.ReferredOn, r.OutcomeDate!.Value),
            (WorkBasedLearningOpportunity o, WorkBasedLearningOffered e) => new Events.WorkBasedLearningOffered(id, o.TenantId, o.PartnershipId, e.OccurredAt,
                o.Id, o.Kind.ToString(), o.RapidsProgramNumber, o.EmployerId, o.CareerPathwayId, o.PathwayStep, o.Occupation, o.StartDate, o.EndDate,
                o.HourlyWage, o.PlacesOffered, o.PlacesFilled),
            (WorkBasedLearningOpportunity o, WorkBasedLearningPlacesFilled e) => new Events.WorkBasedLearningPlacesFilled(id, o.TenantId, o.PartnershipId, e.OccurredAt,
                o.Id, o.PlacesOffered, o.PlacesFilled),
            (WorkerFeedback f, WorkerFeedbackRecorded e) => new Events.WorkerFeedbackRecorded(id, f.TenantId, f.PartnershipId, e.OccurredAt,
                f.Anonymous ? null : f.Id, f.Subject.ToString(), f.Barrier?.ToString(), f.ProgramId, f.EmployerId, f.Rating, f.FeedbackDate,
                f.Anonymous, f.ParticipantId),
            (CapacityBuildingActivity a, CapacityBuildingActivityRecorded e) => new Events.CapacityBuildingActivityRecorded(id, a.TenantId, a.PartnershipId, e.OccurredAt,
                a.Id, a.Audience.ToString(), a.Topic, a.ActivityDate, a.Hours, a.PeopleTrained, a.ProviderId),
            _ => null,
        };
        IEnumerable<IIntegrationEvent> events = mapped is null ? [] : [mapped];
        // The aggregate holds its state after every pending change: the last one's snapshots carry them all.
        return aggregate is Participant participant && ReferenceEquals(participant.DomainEvents[^1], domainEvent)
            ? events.Concat(PeriodsOf(participant, domainEvent.OccurredAt))
            : events;
    }

    /// <summary>A snapshot of each of the participant's periods of participation, numbered from 1, oldest first.</summary>
    public static IEnumerable<Events.ParticipationPeriodChanged> PeriodsOf(Participant p, DateTimeOffset at) =>
        p.Periods.Select((period, index) => new Events.ParticipationPeriodChanged(Guid.CreateVersion7(at), p.TenantId, p.PartnershipId, at,
            p.Id, period.Entry, period.Exit, (int)period.ExitReason,
            [.. period.Training.Select(t => new Events.PeriodTraining((int)t.Type, t.Entered, t.Ended))],
            [.. period.Credentials.Select(c => new Events.PeriodCredential((int)c.Type, c.Attained))],
            [.. period.SkillGains.Select(g => new Events.PeriodSkillGain(g.Kind.ToString(), g.Date))],
            [.. period.Outcomes.Select(o => new Events.PeriodQuarter(o.Quarter, (int)o.Status, o.Wages, o.EmployerId, o.MatchType))],
            [.. p.Barriers.Select(b => b.ToString())], period.RetainedWithSameEmployer,
            index + 1, [.. period.Details.Programs.Select(g => g.ToString())],
            new Events.PeriodEducation(period.Details.Education.Postsecondary, period.Details.Education.Secondary, period.Details.Education.HighestLevelAtEntry,
                period.Details.Education.EnrolledAfterExit, period.Details.Education.CredentialTrainingEntered, period.Details.Education.CredentialTrainingCompleted),
            period.Details.AgeAtEntry?.ToString(), (int?)p.Demographics.Sex, [.. p.Demographics.EthnicityAndRace.Select(c => c.ToString())]));
}
