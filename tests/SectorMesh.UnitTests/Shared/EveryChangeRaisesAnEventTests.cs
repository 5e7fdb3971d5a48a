using System.Reflection;
using SectorMesh.Domain;
using SectorMesh.Engagement.Domain;
using SectorMesh.Partnerships.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.Resources.Domain;
using SectorMesh.UnitTests.Partnerships;
using SectorMesh.UnitTests.Resources;
using ProgressReview = SectorMesh.Metrics.Domain.ProgressReview;
using ReviewPeriod = SectorMesh.Metrics.Domain.ReviewPeriod;
using Survey = SectorMesh.Metrics.Domain.Survey;
using SurveyResponse = SectorMesh.Metrics.Domain.SurveyResponse;
using SurveyTests = SectorMesh.UnitTests.Metrics.SurveyTests;
using GoalMeasure = SectorMesh.Metrics.Domain.GoalMeasure;
using MeasureKind = SectorMesh.Metrics.Domain.MeasureKind;

namespace SectorMesh.UnitTests.Shared;

/// <summary>
/// Other services copy and report on what the aggregates hold, so every public method that changes
/// an aggregate must raise an event. A method added to an aggregate and listed neither as a change
/// (with a call that makes it) nor as a query fails the first test, in every service folder's assembly.
/// </summary>
public class EveryChangeRaisesAnEventTests
{
    private static readonly DateTimeOffset Now = PartnershipBuilder.Now;

    /// <summary>A clock for participant records, which refuse dates in the future: after the dates of the Pathways examples.</summary>
    private static readonly DateTimeOffset Later = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Each aggregate's public changes, each with a call on an aggregate in a state that accepts it.</summary>
    private static readonly Dictionary<Type, Dictionary<string, Func<AggregateRoot>>> Changes = new()
    {
        [typeof(Partnership)] = new()
        {
            [nameof(Partnership.Rename)] = () => Changed(PartnershipBuilder.Exploring(), p => p.Rename("Healthcare Careers Partnership", Now)),
            [nameof(Partnership.MoveToRegion)] = () => Changed(PartnershipBuilder.Exploring(), p => p.MoveToRegion("columbus", Now)),
            [nameof(Partnership.Retarget)] = () => Changed(PartnershipBuilder.Exploring(), p => p.Retarget(new TargetSector("622", "Hospitals"), Now)),
            [nameof(Partnership.RecordSignificance)] = () => Changed(PartnershipBuilder.Exploring(),
                p => p.RecordSignificance(new RegionalSignificance(1000, 1.2, 3, "QCEW", "2024"), Now)),
            [nameof(Partnership.SetVision)] = () => Changed(PartnershipBuilder.Exploring(), p => p.SetVision("Careers for all", Now)),
            [nameof(Partnership.SetMission)] = () => Changed(PartnershipBuilder.Exploring(), p => p.SetMission("Train nurses", Now)),
            [nameof(Partnership.SetGoals)] = () => Changed(PartnershipBuilder.Exploring(), p => p.SetGoals([new Goal("Hire", "hires", 10, null)], Now)),
            [nameof(Partnership.SetStrategies)] = () => Changed(PartnershipBuilder.Exploring(),
                p => p.SetStrategies([new SectorStrategy("Apprenticeships", StrategyStatus.Planned, null)], Now)),
            [nameof(Partnership.ChangeStage)] = () => Changed(PartnershipBuilder.Exploring(), p => p.ChangeStage(PartnershipStage.Launching, 2, Now)),
            [nameof(Partnership.Delete)] = () => Changed(PartnershipBuilder.Exploring(), p => p.Delete(Now)),
            [nameof(Partnership.AddPartner)] = () => Changed(PartnershipBuilder.Exploring(), p => p.AddPartner(PartnershipBuilder.Hospital, [], null, Now)),
            [nameof(Partnership.RemovePartner)] = () => Changed(PartnershipBuilder.WithPartners(PartnershipBuilder.Hospital),
                p => p.RemovePartner("hospital", "partner", new DateOnly(2026, 3, 1), 2, Now)),
            [nameof(Partnership.DesignateIntermediary)] = () => Changed(PartnershipBuilder.WithPartners(PartnershipBuilder.Board),
                p => p.DesignateIntermediary(PartnershipBuilder.AllRolesTo("board"), Now)),
            [nameof(Partnership.DraftAgreement)] = () => Changed(PartnershipBuilder.WithPartners(PartnershipBuilder.Hospital),
                p => p.DraftAgreement([new AgreementTerm("hospital", "", "Host")], null, Now)),
            [nameof(Partnership.ReviseAgreement)] = () => Changed(Drafted(), p => p.ReviseAgreement(1, "agreement", null, new DateOnly(2026, 6, 1), Now)),
            [nameof(Partnership.CirculateAgreement)] = () => Changed(Drafted(), p => p.CirculateAgreement(1, "agreement", Now)),
            [nameof(Partnership.SignAgreement)] = () => Changed(Circulated(), p => p.SignAgreement(1, "agreement", "hospital", "A. Signer", "", PartnershipBuilder.Member, Now)),
            [nameof(Partnership.AddCommittee)] = () => Changed(PartnershipBuilder.Exploring(),
                p => p.AddCommittee("steering", "Steering", CommitteeKind.Committee, "", Now)),
            [nameof(Partnership.AddCommitteeMember)] = () => Changed(WithCommittee(),
                p => p.AddCommitteeMember("steering", "committee", "Pat Lee", null, Representation.WorkerOrLabor, Now)),
        },
        [typeof(FundingSource)] = new()
        {
            [nameof(FundingSource.Correct)] = () => Changed(Prospect(), f => f.Correct("Renamed", null, null, null, null, null, Now)),
            [nameof(FundingSource.MoveTo)] = () => Changed(Prospect(), f => f.MoveTo(FundingStatus.Declined, Now)),
        },
        [typeof(ResourceCommitment)] = new()
        {
            [nameof(ResourceCommitment.RecordContribution)] = () => Changed(WorkedExample.Commitments()[0],
                c => c.RecordContribution(new DateOnly(2026, 7, 1), WorkedExample.Usd(100), null, "", Now)),
        },
        [typeof(EmployerEngagement)] = new()
        {
            [nameof(EmployerEngagement.SetLevel)] = () => Changed(Employer(), e => e.SetLevel(EngagementLevel.Leading, Now)),
            [nameof(EmployerEngagement.Revise)] = () => Changed(Employer(), e => e.Revise(null, ["Dr. Ames"], Now)),
            [nameof(EmployerEngagement.RecordActivity)] = () => Changed(Employer(),
                e => e.RecordActivity(EmployerActivityKind.Hosting, new DateOnly(2026, 5, 1), 0, "", Now)),
            [nameof(EmployerEngagement.RecordNeed)] = () => Changed(Employer(),
                e => e.RecordNeed(SectorMesh.Engagement.Domain.EmployerNeed.Create("29-1141", 5, 10, true, [], [], 30, 40), Now)),
        },
        [typeof(Meeting)] = new()
        {
            [nameof(Meeting.Complete)] = () => Changed(Meeting.Held("oh", "healthcare", "m", new DateOnly(2026, 9, 10), ["Budget"], ["hospital"], [],
                [new("Draft the budget", "Board", new DateOnly(2026, 10, 1))], Now), m => m.Complete(0, Now)),
        },
        [typeof(LmiReview)] = [],
        [typeof(SkillsGapAnalysis)] = [],
        [typeof(TrainingProgram)] = new()
        {
            [nameof(TrainingProgram.Revise)] = () => Changed(Program(), p => p.Revise(p.Terms with { DurationWeeks = 52 }, Later)),
        },
        [typeof(CareerPathway)] = new()
        {
            [nameof(CareerPathway.Revise)] = () => Changed(Pathway(), p => p.Revise("Nursing careers", p.Steps, p.Bridges, [], Later)),
        },
        [typeof(Participant)] = new()
        {
            [nameof(Participant.Exit)] = () => Changed(Enrolled(), p => p.Exit(new DateOnly(2026, 6, 30), Later)),
            [nameof(Participant.RecordTraining)] = () => Changed(Enrolled(),
                p => p.RecordTraining(new TrainingEnrolment(new DateOnly(2026, 3, 9), TrainingType.OnTheJob, null, null), Later)),
            [nameof(Participant.RecordCredential)] = () => Changed(Enrolled(),
                p => p.RecordCredential(new AttainedCredential(CredentialType.SecondaryDiploma, new DateOnly(2026, 5, 1), "Diploma"), Later)),
            [nameof(Participant.RecordSkillGain)] = () => Changed(Enrolled(),
                p => p.RecordSkillGain(new SkillGain(SkillGainKind.EducationalFunctioningLevel, new DateOnly(2026, 5, 1)), Later)),
            [nameof(Participant.RecordEmploymentOutcome)] = () => Changed(Exited(),
                p => p.RecordEmploymentOutcome(new EmploymentOutcome(2, QuarterEmployment.Unsubsidized, 9_800m, null), Later)),
            [nameof(Participant.RecordRetention)] = () => Changed(Exited(), p => p.RecordRetention(true, Later)),
            [nameof(Participant.TakeRecordFrom)] = () => Changed(Enrolled(), p => p.TakeRecordFrom(Exited(), Later)),
            [nameof(Participant.Reenter)] = () => Changed(Exited(), p => p.Reenter(new DateOnly(2026, 8, 3), null, Later)),
            [nameof(Participant.RecordReportingDetails)] = () => Changed(Enrolled(),
                p => p.RecordReportingDetails(new ReportingDetails([WioaProgram.Youth], AgeBand.From19To24, Education.NotRecorded), Later)),
            [nameof(Participant.RecordDemographics)] = () => Changed(Enrolled(),
                p => p.RecordDemographics(new Demographics(Sex.Female, [EthnicityOrRace.Asian]), Later)),
            [nameof(Participant.RecordBarriers)] = () => Changed(Enrolled(), p => p.RecordBarriers([BarrierKind.LowIncome], Later)),
            [nameof(Participant.RecordSupportiveService)] = () => Changed(Enrolled(),
                p => p.RecordSupportiveService(new SupportiveService(new DateOnly(2026, 3, 16), SupportiveServiceKind.Transportation, 85m, "mid-ohio-transit"), Later)),
        },
        [typeof(JobQualityGuidelines)] = new()
        {
            [nameof(JobQualityGuidelines.Revise)] = () => Changed(JobQualityGuidelines.Unwritten("ohio", "healthcare"),
                g => g.Revise([new FactorCommitment(JobQualityFactor.Pay, "A living wage.")], null, Later)),
        },
        [typeof(WorkBasedLearningOpportunity)] = new()
        {
            [nameof(WorkBasedLearningOpportunity.RecordPlacesFilled)] = () => Changed(Apprenticeship(), o => o.RecordPlacesFilled(3, Later)),
        },
        [typeof(Referral)] = new()
        {
            [nameof(Referral.RecordOutcome)] = () => Changed(Referral.Make(Enrolled(), "r-1", "mid-ohio-housing", BarrierKind.Homeless,
                SupportiveServiceKind.Housing, new DateOnly(2026, 3, 10), Later), r => r.RecordOutcome(ReferralOutcome.ServiceReceived, new DateOnly(2026, 3, 20), Later)),
        },
        [typeof(Placement)] = [],
        [typeof(JobQualityAssessment)] = [],
        [typeof(CapacityBuildingActivity)] = [],
        [typeof(WorkerFeedback)] = [],
        [typeof(ProgressReview)] = new()
        {
            [nameof(ProgressReview.Revise)] = () => Changed(ProgressReview.Hold("ohio", "healthcare", ReviewPeriod.Parse("2026-Q1", "period"),
                new DateOnly(2026, 4, 10), "", [], [], [], Later), r => r.Revise("Reflected.", null, null, Later)),
        },
        [typeof(Survey)] = new()
        {
            [nameof(Survey.Close)] = () => Changed(SurveyTests.PartnerSurvey(), s => s.Close(Later)),
        },
        [typeof(SurveyResponse)] = [],
        [typeof(GoalMeasure)] = new()
        {
            [nameof(GoalMeasure.RecordFigure)] = () => Changed(GoalMeasure.Bind("ohio", "healthcare", "m", "Employers hosting", MeasureKind.EnteredByHand, Later),
                m => m.RecordFigure("2026-Q1", 3, Later)),
        },
    };

    /// <summary>Public methods that read or guard and change nothing, or copy another service's facts (which that service's events announced).</summary>
    private static readonly Dictionary<Type, string[]> NotChanges = new()
    {
        [typeof(Partnership)] = [nameof(Partnership.EnsureEtag)],
        [typeof(EmployerEngagement)] = [nameof(EmployerEngagement.Contributions), nameof(EmployerEngagement.ApplyMembership)],
        [typeof(Meeting)] = [nameof(Meeting.Overdue)],
        [typeof(CareerPathway)] = [nameof(CareerPathway.Step), nameof(CareerPathway.WageDrops), nameof(CareerPathway.RoutesTo)],
        [typeof(JobQualityGuidelines)] = [nameof(JobQualityGuidelines.Evaluate)],
        [typeof(ProgressReview)] = [nameof(ProgressReview.Overdue), nameof(ProgressReview.Freeze)],
        [typeof(Survey)] = [nameof(Survey.Respond)],
    };

    public static TheoryData<string, string> EveryChange()
    {
        var data = new TheoryData<string, string>();
        foreach (var (aggregate, changes) in Changes)
        {
            foreach (var method in changes.Keys)
            {
                data.Add(aggregate.Name, method);
            }
        }
        return data;
    }

    [Fact]
    public void Every_public_method_of_every_aggregate_is_listed_as_a_change_or_not()
    {
        var aggregates = ServiceFolders.All
            .SelectMany(service => ServiceFolders.AssemblyOf(service).GetTypes())
            .Where(t => t.IsSubclassOf(typeof(AggregateRoot)) && !t.IsAbstract)
            .ToList();
        var unlisted = aggregates
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName)
                .Where(m => !(Changes.GetValueOrDefault(t)?.ContainsKey(m.Name) ?? false) && !NotChanges.GetValueOrDefault(t, []).Contains(m.Name))
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToList();

        Assert.Empty(unlisted);
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void The_change_raises_an_event(string aggregate, string method)
    {
        var changed = Changes.Single(c => c.Key.Name == aggregate).Value[method]();

        Assert.NotEmpty(changed.DomainEvents);
    }

    [Fact]
    public void Each_event_of_an_aggregate_gets_the_next_revision()
    {
        var partnership = PartnershipBuilder.Exploring();
        partnership.ClearDomainEvents();

        partnership.Rename("A", Now);
        partnership.MoveToRegion("columbus", Now);

        Assert.Equal((2L, 3L, 3L), (partnership.RevisionOf(0), partnership.RevisionOf(1), partnership.Revision));
    }

    private static T Changed<T>(T aggregate, Action<T> change) where T : AggregateRoot
    {
        aggregate.ClearDomainEvents();
        change(aggregate);
        return aggregate;
    }

    private static Partnership Drafted()
    {
        var partnership = PartnershipBuilder.WithPartners(PartnershipBuilder.Hospital);
        partnership.DraftAgreement([new AgreementTerm("hospital", "", "Host")], null, Now);
        return partnership;
    }

    private static Partnership Circulated()
    {
        var partnership = Drafted();
        partnership.CirculateAgreement(1, "agreement", Now);
        return partnership;
    }

    private static Partnership WithCommittee()
    {
        var partnership = PartnershipBuilder.Exploring();
        partnership.AddCommittee("steering", "Steering", CommitteeKind.Committee, "", Now);
        return partnership;
    }

    private static FundingSource Prospect() =>
        WorkedExample.Funding("gift", FundingKind.EmployerOrPrivate, 1000, WorkedExample.Year(2026), FundingStatus.Prospect);

    private static TrainingProgram Program() => TrainingProgram.Record("ohio", "practical-nursing", "state-college",
        new ProgramTerms("Practical Nursing", 48, 9_000m, Modality.Hybrid, "", null, [], [], []), Later);

    private static CareerPathway Pathway() => CareerPathway.Define("ohio", "healthcare", "nursing", "Nursing",
        [new PathwayStep("cna", "31-1131", "Nursing Assistant", "", 18.40m, Entry: true), new PathwayStep("lpn", "29-2061", "Licensed Practical Nurse", "", 28.10m, Entry: false)],
        [new Bridge("cna", "lpn", BridgeKind.WorkExperience, null, "", 12, 0)], Later);

    private static Participant Enrolled() =>
        Participant.Enrol("ohio", "healthcare", "p-001", new DateOnly(2026, 3, 2), EmploymentStatus.Unemployed, null, null, Later);

    private static Participant Exited()
    {
        var participant = Enrolled();
        participant.Exit(new DateOnly(2026, 6, 30), Later);
        return participant;
    }

    private static WorkBasedLearningOpportunity Apprenticeship() => WorkBasedLearningOpportunity.Offer("ohio", "healthcare", "lpn-apprenticeship",
        "Practical Nurse Apprenticeship", WorkBasedLearningKind.RegisteredApprenticeship, "2026-OH-0412", "riverside-medical", Pathway(), "lpn", "",
        new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28), 22.50m, 12, 0, Later);

    private static EmployerEngagement Employer() => EmployerEngagement.Joined("oh", "healthcare", "hospital", "Riverside");
}
