using Grpc.Core;
using SectorMesh.Contracts.Engagement.V1;
using Date = Google.Type.Date;

namespace SectorMesh.SampleData;

/// <summary>
/// Labor market files for Ohio, and the Central Ohio healthcare partnership's employer engagement:
/// levels, activities, needs, a meeting with action items, a cohort's skills gap and reviewed figures.
/// </summary>
public sealed class HealthcareEngagement(SampleClient client)
{
    private static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Lmi", name);

    public async Task LoadAsync(string tenantId, string regionId, string partnership)
    {
        await client.ImportAsync($"/v1/tenants/{tenantId}/lmi/qcew:import", File("qcew-2024-annual-central-ohio.csv"));
        await client.ImportAsync($"/v1/tenants/{tenantId}/lmi/oews:import?year=2024", File("oews-2024-ohio-healthcare.csv"));
        await client.ImportAsync($"/v1/tenants/{tenantId}/lmi/onet:import", File("onet-skills-healthcare.txt"));

        var auth = client.Auth;
        var employers = await EmployersAsync(partnership, 3);
        await PartnershipKnownAsync(partnership);
        var riverside = employers.Single(e => e.Name.EndsWith("/riverside-medical", StringComparison.Ordinal));
        var scioto = employers.Single(e => e.Name.EndsWith("/scioto-health", StringComparison.Ordinal));

        await client.Engagement.UpdateEmployerEngagementAsync(new UpdateEmployerEngagementRequest
        {
            EmployerEngagement = new EmployerEngagement { Name = riverside.Name, Etag = riverside.Etag, Level = EngagementLevel.Leading, Champions = { "Dana Whitfield, Chief Nursing Officer" } },
            UpdateMask = new() { Paths = { "level", "champions" } },
        }, auth);
        await client.Engagement.UpdateEmployerEngagementAsync(new UpdateEmployerEngagementRequest
        {
            EmployerEngagement = new EmployerEngagement { Name = scioto.Name, Etag = scioto.Etag, Level = EngagementLevel.Collaborating },
            UpdateMask = new() { Paths = { "level" } },
        }, auth);
        EmployerActivity[] riversideActivities =
        [
            new() { Kind = EmployerActivityKind.MeetingAttended, Date = Day(2026, 9, 10) },
            new() { Kind = EmployerActivityKind.Hosting, Date = Day(2026, 9, 10), Note = "Hosted the September meeting" },
            new() { Kind = EmployerActivityKind.HiringCommitment, Date = Day(2026, 10, 1), Quantity = 12, Note = "RN residency graduates" },
            new() { Kind = EmployerActivityKind.WorkBasedLearningPlaces, Date = Day(2026, 10, 1), Quantity = 8, Note = "Paid clinical rotations" },
        ];
        foreach (var activity in riversideActivities)
        {
            await client.Engagement.RecordEmployerActivityAsync(new RecordEmployerActivityRequest { Name = riverside.Name, Activity = activity }, auth);
        }
        await client.Engagement.RecordEmployerActivityAsync(new RecordEmployerActivityRequest
        {
            Name = scioto.Name, Activity = new EmployerActivity { Kind = EmployerActivityKind.CurriculumInput, Date = Day(2026, 8, 20), Note = "Reviewed the medical assistant curriculum" },
        }, auth);
        await client.Engagement.RecordEmployerNeedAsync(new RecordEmployerNeedRequest
        {
            Name = riverside.Name,
            Need = new EmployerNeed { SocCode = "29-1141", Openings12Months = 85, Openings36Months = 240, HardToFill = true, Skills = { "Patient assessment", "Electronic health records" }, Credentials = { "Ohio RN license", "BLS certification" }, WageMin = 72000, WageMax = 98000 },
        }, auth);
        await client.Engagement.RecordEmployerNeedAsync(new RecordEmployerNeedRequest
        {
            Name = scioto.Name,
            Need = new EmployerNeed { SocCode = "31-9092", Openings12Months = 40, Openings36Months = 110, HardToFill = true, Skills = { "Vital signs", "Scheduling" }, Credentials = { "Certified Medical Assistant (CMA)" }, WageMin = 36000, WageMax = 44000 },
        }, auth);
        await client.Engagement.RecordEmployerNeedAsync(new RecordEmployerNeedRequest
        {
            Name = scioto.Name,
            Need = new EmployerNeed { SocCode = "29-1141", Openings12Months = 30, Openings36Months = 90, HardToFill = false, Skills = { "Patient assessment" }, Credentials = { "Ohio RN license" }, WageMin = 70000, WageMax = 95000 },
        }, auth);

        await client.Engagement.CreateMeetingAsync(new CreateMeetingRequest
        {
            Parent = partnership, MeetingId = "2026-09-steering",
            Meeting = new Meeting
            {
                Date = Day(2026, 9, 10),
                Agenda = { "Nursing openings for 2027", "Medical assistant apprenticeship pilot" },
                Attendees = { "riverside-medical", "scioto-health", "capital-state-cc", "central-ohio-wdb" },
                Decisions = { "Start a medical assistant apprenticeship cohort in January" },
                ActionItems =
                {
                    new ActionItem { Description = "Draft the apprenticeship pilot budget", Owner = "Central Ohio Workforce Development Board", DueDate = Day(2026, 10, 15) },
                    new ActionItem { Description = "Share 2027 nursing openings by unit", Owner = "Riverside Regional Medical Center", DueDate = Day(2026, 10, 1) },
                    new ActionItem { Description = "Recruit the first cohort", Owner = "Capital State Community College", DueDate = Day(2027, 1, 8) },
                },
            },
        }, auth);
        await client.Engagement.CompleteActionItemAsync(new CompleteActionItemRequest { Name = $"{partnership}/meetings/2026-09-steering", ActionItem = 1 }, auth);

        var cohort = await client.Engagement.CreateWorkforceCohortAsync(new CreateWorkforceCohortRequest
        {
            Parent = partnership, CohortId = "ma-pre-apprentices-2026",
            Cohort = new WorkforceCohort
            {
                DisplayName = "Medical assistant pre-apprentices, fall 2026",
                Skills =
                {
                    new WorkforceSkill { ElementId = "2.A.1.a", Level = 3.2 },
                    new WorkforceSkill { ElementId = "2.A.1.b", Level = 3.6 },
                    new WorkforceSkill { ElementId = "2.A.1.e", Level = 2.1 },
                    new WorkforceSkill { ElementId = "2.A.2.a", Level = 2.8 },
                    new WorkforceSkill { ElementId = "2.B.1.a", Level = 3.9 },
                },
            },
        }, auth);
        await client.Engagement.CreateSkillsGapAnalysisAsync(new CreateSkillsGapAnalysisRequest
        {
            Parent = partnership, SkillsGapAnalysisId = "ma-and-rn-2026",
            SkillsGapAnalysis = new SkillsGapAnalysis { Cohort = cohort.Name, TargetOccupations = { "31-9092.00", "29-1141.00" } },
        }, auth);

        await client.Engagement.CreateLmiReviewAsync(new CreateLmiReviewRequest
        {
            Parent = partnership,
            LmiReview = new LmiReview { DataPoint = "qcew/2024/39049/62/employment", Organization = $"tenants/{tenantId}/organizations/riverside-medical", Verdict = LmiVerdict.Confirmed },
        }, auth);
        await client.Engagement.CreateLmiReviewAsync(new CreateLmiReviewRequest
        {
            Parent = partnership,
            LmiReview = new LmiReview { DataPoint = "oews/2024/18140/31-9092/employment", Organization = $"tenants/{tenantId}/organizations/scioto-health", Verdict = LmiVerdict.Disputed, Comment = "Our own medical assistant headcount grew by a third since 2024." },
        }, auth);
    }

    /// <summary>The partnership's employers, once the Partnerships service's events have reached the Engagement service.</summary>
    private async Task<IReadOnlyList<EmployerEngagement>> EmployersAsync(string partnership, int expected)
    {
        for (var attempt = 1; ; attempt++)
        {
            var employers = (await client.Engagement.ListEmployerEngagementsAsync(new ListEmployerEngagementsRequest { Parent = partnership }, client.Auth)).EmployerEngagements;
            if (employers.Count >= expected || attempt == 120)
            {
                return employers;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>
    /// Waits until the Engagement service has copied the partnership itself from its event: an empty
    /// cohort is refused as invalid once it has, and as not found before.
    /// </summary>
    private async Task PartnershipKnownAsync(string partnership)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.Engagement.CreateWorkforceCohortAsync(new CreateWorkforceCohortRequest { Parent = partnership, Cohort = new WorkforceCohort() }, client.Auth);
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && attempt < 120)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                return;
            }
        }
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
