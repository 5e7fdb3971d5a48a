using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using Date = Google.Type.Date;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Money = Google.Type.Money;

namespace SectorMesh.SampleData;

/// <summary>
/// The Central Ohio healthcare partnership's job quality guidelines ($18.00 an hour, health
/// insurance and paid leave, 14 days' notice of schedules), an assessment of Riverside Regional
/// Medical Center, and four hires of sample participants: one that meets the guidelines and three
/// that each miss one standard.
/// </summary>
public sealed class HealthcareJobQuality(SampleClient client)
{
    private static Money Usd(long units, int cents = 0) => new() { CurrencyCode = "USD", Units = units, Nanos = cents * 10_000_000 };

    private static Date On(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>Loads what is not there yet: guidelines once written are left as the partnership keeps them.</summary>
    public async Task LoadAsync(string tenant, string partnership)
    {
        var auth = client.Auth;
        var guidelines = await client.JobQuality.GetJobQualityGuidelinesAsync(new GetJobQualityGuidelinesRequest { Name = $"{partnership}/jobQualityGuidelines" }, auth);
        if (guidelines.Standards.Count == 0 && guidelines.Commitments.Count == 0)
        {
            await client.JobQuality.UpdateJobQualityGuidelinesAsync(new UpdateJobQualityGuidelinesRequest
            {
                JobQualityGuidelines = new JobQualityGuidelines
                {
                    Name = guidelines.Name, Etag = guidelines.Etag,
                    Commitments =
                    {
                        new FactorCommitment { Factor = JobQualityFactor.RecruitmentAndHiring, Commitment = "Hire for skills: no degree asked where a credential shows the skill." },
                        new FactorCommitment { Factor = JobQualityFactor.Benefits, Commitment = "Health insurance and paid leave from the first day, for part-time staff too." },
                        new FactorCommitment { Factor = JobQualityFactor.EmpowermentAndRepresentation, Commitment = "Front-line workers sit on every staffing committee." },
                        new FactorCommitment { Factor = JobQualityFactor.JobSecurityAndWorkingConditions, Commitment = "Schedules posted two weeks ahead; safe patient-handling equipment on every unit." },
                        new FactorCommitment { Factor = JobQualityFactor.Pay, Commitment = "Every entry-level job pays at least the regional living wage, with pay ranges posted." },
                        new FactorCommitment { Factor = JobQualityFactor.SkillsAndCareerAdvancement, Commitment = "Paid time and tuition for the nursing pathway's next credential." },
                    },
                    Standards =
                    {
                        new JobQualityStandard { MinimumHourlyWage = Usd(18) },
                        new JobQualityStandard { RequiredBenefit = Benefit.HealthInsurance },
                        new JobQualityStandard { RequiredBenefit = Benefit.PaidLeave },
                        new JobQualityStandard { MinimumScheduleNoticeDays = 14 },
                    },
                },
                UpdateMask = new FieldMask { Paths = { "commitments", "standards" } },
            }, auth);
        }

        await Missing(client.JobQuality.CreateJobQualityAssessmentAsync(new CreateJobQualityAssessmentRequest
        {
            Parent = partnership, JobQualityAssessmentId = "riverside-medical-2026",
            JobQualityAssessment = new JobQualityAssessment
            {
                Employer = $"{tenant}/organizations/riverside-medical", AssessmentDate = On(2026, 10, 15),
                Facts = new EmployerFacts
                {
                    StartingHourlyWage = Usd(19, 25), WeeklyHours = 36, ScheduleNoticeDays = 14, PayRangePosted = true,
                    Benefits = { Benefit.HealthInsurance, Benefit.PaidLeave, Benefit.Retirement },
                },
                Findings =
                {
                    new FactorFinding { Factor = JobQualityFactor.RecruitmentAndHiring, Rating = JobQualityRating.Meets, Evidence = "Nursing assistant postings ask for the STNA certification only." },
                    new FactorFinding { Factor = JobQualityFactor.EmpowermentAndRepresentation, Rating = JobQualityRating.PartlyMeets, Evidence = "Workers sit on the staffing committee of two units of five." },
                    new FactorFinding { Factor = JobQualityFactor.SkillsAndCareerAdvancement, Rating = JobQualityRating.Meets, Evidence = "Tuition paid for the Practical Nursing Diploma." },
                },
            },
        }, auth).ResponseAsync);

        (string Participant, string Employer, string Occupation, long Dollars, int Cents, Benefit[] Benefits, int NoticeDays)[] hires =
        [
            ("p-0005", "riverside-medical", "31-1131", 19, 25, [Benefit.HealthInsurance, Benefit.PaidLeave, Benefit.Retirement], 14),
            ("p-0006", "olentangy-care", "31-1131", 16, 50, [Benefit.HealthInsurance, Benefit.PaidLeave], 14),
            ("p-0007", "scioto-health", "31-9092", 19, 90, [Benefit.HealthInsurance], 21),
            ("p-0008", "olentangy-care", "31-1131", 18, 75, [Benefit.HealthInsurance, Benefit.PaidLeave], 7),
        ];
        foreach (var (participant, employer, occupation, dollars, cents, benefits, notice) in hires)
        {
            await Missing(client.JobQuality.CreatePlacementAsync(new CreatePlacementRequest
            {
                Parent = partnership, PlacementId = $"hire-{participant}",
                Placement = new Placement
                {
                    Participant = $"{partnership}/participants/{participant}", Employer = $"{tenant}/organizations/{employer}", Occupation = occupation,
                    StartDate = On(2026, 2, 2), HourlyWage = Usd(dollars, cents), WeeklyHours = 36, Benefits = { benefits }, ScheduleNoticeDays = notice,
                },
            }, auth).ResponseAsync);
        }
    }

    private static async Task Missing<T>(Task<T> create)
    {
        try
        {
            await create;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
        }
    }
}
