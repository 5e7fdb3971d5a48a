using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using Engagement = SectorMesh.Contracts.Engagement.V1;
using Pathways = SectorMesh.Contracts.Pathways.V1;
using Resources = SectorMesh.Contracts.Resources.V1;

namespace SectorMesh.IntegrationTests.Security;

/// <summary>
/// A fresh tenant with one resource of every kind the write methods name (a partnership with partners, agreements and
/// a committee, funding and a commitment, a meeting, a cohort, an employer, a participant and a referral, a career pathway and
/// work-based learning on it), so generated inputs can name real ones.
/// </summary>
public static class KnownResources
{
    public static async Task<IReadOnlyList<string>> CreateAsync(TenantScenario tenant)
    {
        var platform = tenant.Platform;
        var partnership = (await tenant.PrepareForActivationWithOneEmployerAsync("healthcare")).Name;
        await platform.PartnershipsThroughGateway.CreateCommitteeAsync(new CreateCommitteeRequest
        {
            Parent = partnership, CommitteeId = "steering", Committee = new Committee { DisplayName = "Steering", Kind = CommitteeKind.Committee },
        }, tenant.Board);
        await platform.PartnershipsThroughGateway.CreateAgreementAsync(new CreateAgreementRequest
        {
            Parent = partnership,
            Agreement = new Agreement { Terms = { new AgreementTerm { Organization = tenant.Organization("hospital"), Commitments = "Host a cohort" } } },
        }, tenant.Board);

        var year = new Resources.Period
        {
            StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 31 },
        };
        await platform.ResourcesThroughGateway.CreateFundingSourceAsync(new Resources.CreateFundingSourceRequest
        {
            Parent = partnership,
            FundingSourceId = "wioa",
            FundingSource = new Resources.FundingSource
            {
                DisplayName = "WIOA", Kind = Resources.FundingKind.WioaTitleI, Amount = new Google.Type.Money { CurrencyCode = "USD", Units = 400_000 }, Period = year,
            },
        }, tenant.Board);
        await platform.ResourcesThroughGateway.CreateCommitmentAsync(new Resources.CreateCommitmentRequest
        {
            Parent = partnership,
            CommitmentId = "hospital-cash",
            Commitment = new Resources.Commitment
            {
                Organization = tenant.Organization("hospital"), Agreement = $"{partnership}/agreements/1", Kind = Resources.CommitmentKind.Cash,
                Value = new Google.Type.Money { CurrencyCode = "USD", Units = 100_000 }, Period = year,
            },
        }, tenant.Board);

        // The Engagement service learns of the partnership and its employer from their events, in either order.
        await Eventually.SucceedsAsync(() => platform.EngagementThroughGateway.GetEmployerEngagementAsync(
            new Engagement.GetEmployerEngagementRequest { Name = $"{partnership}/employers/hospital" }, tenant.Board).ResponseAsync);
        await Eventually.SucceedsAsync(() => platform.EngagementThroughGateway.CreateMeetingAsync(new Engagement.CreateMeetingRequest
        {
            Parent = partnership,
            MeetingId = "kickoff",
            Meeting = new Engagement.Meeting
            {
                Date = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 }, Agenda = { "Vision" }, Attendees = { "H. Lead" },
                ActionItems = { new Engagement.ActionItem { Description = "Draft goals", Owner = "H. Lead", DueDate = new Google.Type.Date { Year = 2026, Month = 4, Day = 1 } } },
            },
        }, tenant.Board).ResponseAsync);
        await platform.EngagementThroughGateway.CreateWorkforceCohortAsync(new Engagement.CreateWorkforceCohortRequest
        {
            Parent = partnership,
            CohortId = "nurses",
            Cohort = new Engagement.WorkforceCohort { DisplayName = "Nurses", Skills = { new Engagement.WorkforceSkill { ElementId = "2.A.1.a", Level = 4 } } },
        }, tenant.Board);

        var participant = (await platform.PathwaysThroughGateway.CreateParticipantAsync(new Pathways.CreateParticipantRequest
        {
            Parent = partnership, ParticipantId = "p-1", Participant = new Pathways.Participant { EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 } },
        }, tenant.Board)).Name;
        await platform.ParticipantSupportsThroughGateway.CreateReferralAsync(new Pathways.CreateReferralRequest
        {
            Parent = participant, ReferralId = "r-1",
            Referral = new Pathways.Referral
            {
                Organization = tenant.Organization("board"), Need = Pathways.SupportiveServiceKind.Housing, ReferralDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 10 },
            },
        }, tenant.Board);
        await platform.PathwaysThroughGateway.CreateCareerPathwayAsync(new Pathways.CreateCareerPathwayRequest
        {
            Parent = partnership, CareerPathwayId = "nursing",
            CareerPathway = new Pathways.CareerPathway
            {
                DisplayName = "Nursing",
                Steps =
                {
                    new Pathways.PathwayStep { StepId = "nursing-assistant", Occupation = "31-1131", Title = "Nursing Assistant", TypicalHourlyWage = 18.40, Entry = true },
                    new Pathways.PathwayStep { StepId = "practical-nurse", Occupation = "29-2061", Title = "Licensed Practical Nurse", TypicalHourlyWage = 28.10 },
                },
                Bridges = { new Pathways.Bridge { FromStep = "nursing-assistant", ToStep = "practical-nurse", Kind = Pathways.BridgeKind.WorkExperience, Months = 12 } },
            },
        }, tenant.Board);
        await platform.WorkBasedLearningThroughGateway.CreateWorkBasedLearningOpportunityAsync(new Pathways.CreateWorkBasedLearningOpportunityRequest
        {
            Parent = partnership, OpportunityId = "lpn-apprenticeship",
            Opportunity = new Pathways.WorkBasedLearningOpportunity
            {
                DisplayName = "LPN Apprenticeship", Kind = Pathways.WorkBasedLearningKind.RegisteredApprenticeship, RapidsProgramNumber = "2026-OH-0412",
                Employer = tenant.Organization("hospital"), CareerPathway = $"{partnership}/careerPathways/nursing", PathwayStep = "practical-nurse",
                StartDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 1 }, PlacesOffered = 12,
            },
        }, tenant.Board);

        return
        [
            tenant.Tenant, tenant.Region, tenant.Organization("hospital"), tenant.Organization("clinic"), tenant.Organization("board"),
            partnership, $"{partnership}/partners/hospital", $"{partnership}/partners/board", $"{partnership}/agreements/1",
            $"{partnership}/agreements/2", $"{partnership}/committees/steering", $"{partnership}/fundingSources/wioa",
            $"{partnership}/commitments/hospital-cash", $"{partnership}/employers/hospital", $"{partnership}/meetings/kickoff",
            $"{partnership}/cohorts/nurses", participant, $"{participant}/referrals/r-1", $"{partnership}/careerPathways/nursing",
            $"{partnership}/workBasedLearning/lpn-apprenticeship",
        ];
    }
}
