using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using Date = Google.Type.Date;
using Money = Google.Type.Money;

namespace SectorMesh.SampleData;

/// <summary>
/// The Central Ohio healthcare partnership's work-based learning (a practical nurse Registered
/// Apprenticeship at Riverside and a medical assistant internship at Scioto Valley), a dozen pieces
/// of worker feedback, most of them anonymous, and two capacity-building activities.
/// </summary>
public sealed class HealthcareServiceDelivery(SampleClient client)
{
    private static Date On(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>Loads what is not there yet, so a load cut short finishes on the next start.</summary>
    public async Task LoadAsync(string tenant, string partnership)
    {
        var auth = client.Auth;
        string Organization(string id) => $"{tenant}/organizations/{id}";
        var nursing = $"{partnership}/careerPathways/nursing";

        (string Id, WorkBasedLearningOpportunity Opportunity, int Filled)[] opportunities =
        [
            ("lpn-apprenticeship", new WorkBasedLearningOpportunity
            {
                DisplayName = "Licensed Practical Nurse Apprenticeship", Kind = WorkBasedLearningKind.RegisteredApprenticeship,
                RapidsProgramNumber = "2025-OH-0412", Employer = Organization("riverside-medical"), CareerPathway = nursing, PathwayStep = "practical-nurse",
                StartDate = On(2025, 9, 1), EndDate = On(2027, 8, 31), HourlyWage = new Money { CurrencyCode = "USD", Units = 21, Nanos = 500_000_000 },
                PlacesOffered = 12,
            }, 9),
            ("medical-assistant-internship", new WorkBasedLearningOpportunity
            {
                DisplayName = "Medical Assistant Clinical Internship", Kind = WorkBasedLearningKind.Internship,
                Employer = Organization("scioto-health"), CareerPathway = nursing, PathwayStep = "medical-assistant",
                StartDate = On(2025, 10, 6), EndDate = On(2025, 12, 19), HourlyWage = new Money { CurrencyCode = "USD", Units = 16, Nanos = 500_000_000 },
                PlacesOffered = 8,
            }, 5),
        ];
        foreach (var (id, opportunity, filled) in opportunities)
        {
            if (await Missing(client.WorkBasedLearning.CreateWorkBasedLearningOpportunityAsync(new CreateWorkBasedLearningOpportunityRequest
                {
                    Parent = partnership, OpportunityId = id, Opportunity = opportunity,
                }, auth).ResponseAsync) is { } offered)
            {
                await client.WorkBasedLearning.RecordPlacesFilledAsync(new RecordPlacesFilledRequest { Name = offered.Name, PlacesFilled = filled }, auth);
            }
        }

        await LoadFeedbackAsync(tenant, partnership, Organization("riverside-medical"));

        (string Id, CapacityBuildingActivity Activity)[] activities =
        [
            ("navigator-pathways-training", new CapacityBuildingActivity
            {
                Audience = CapacityBuildingAudience.TalentFacingStaff, Topic = "Nursing and allied health career pathways for career navigators",
                ActivityDate = On(2025, 10, 14), Hours = 6, PeopleTrained = 18, Provider = Organization("central-ohio-wdb"),
            }),
            ("apprentice-mentor-training", new CapacityBuildingActivity
            {
                Audience = CapacityBuildingAudience.Employers, Topic = "Mentoring practical nurse apprentices on the unit",
                ActivityDate = On(2025, 11, 5), Hours = 4, PeopleTrained = 12, Provider = Organization("capital-state-cc"),
            }),
        ];
        foreach (var (id, activity) in activities)
        {
            await Missing(client.CapacityBuilding.CreateCapacityBuildingActivityAsync(new CreateCapacityBuildingActivityRequest
            {
                Parent = partnership, ActivityId = id, Activity = activity,
            }, auth).ResponseAsync);
        }
    }

    /// <summary>
    /// Twelve responses: five anonymous about job quality at Riverside and five about the practical
    /// nursing program (two anonymous) make groups the summary shows; a lone child care barrier and a
    /// lone word on the partnership's services stay withheld.
    /// </summary>
    private async Task LoadFeedbackAsync(string tenant, string partnership, string riverside)
    {
        var auth = client.Auth;
        var practicalNursing = $"{tenant}/programs/practical-nursing";
        // Anonymous feedback cannot be looked up by id, so it is loaded only while the partnership has no feedback at all.
        var summary = await client.WorkerVoice.GetWorkerVoiceSummaryAsync(new GetWorkerVoiceSummaryRequest { Name = $"{partnership}/workerVoiceSummary" }, auth);
        if (summary.Groups.Count == 0)
        {
            (int Rating, string Comment)[] riversideShifts =
            [
                (3, "Schedules are posted only a week ahead."), (2, "Mandatory overtime most weeks."), (4, "Good charge nurses who explain things."),
                (3, "Pay is fair but the parking costs a lot."), (2, "Short-staffed on nights."),
            ];
            var anonymous = riversideShifts.Select((r, i) => new WorkerFeedback
            {
                Subject = WorkerFeedbackSubject.JobQuality, Employer = riverside, Rating = r.Rating, Comment = r.Comment, FeedbackDate = On(2025, 11, 3 + i),
            }).Concat(
            [
                new WorkerFeedback { Subject = WorkerFeedbackSubject.Program, Program = practicalNursing, Rating = 4, Comment = "Clinical rotations were well organised.", FeedbackDate = On(2025, 11, 10) },
                new WorkerFeedback { Subject = WorkerFeedbackSubject.Program, Program = practicalNursing, Rating = 3, Comment = "Evening classes end too late for the last bus.", FeedbackDate = On(2025, 11, 11) },
                new WorkerFeedback { Subject = WorkerFeedbackSubject.Barrier, Barrier = FeedbackBarrier.ChildCare, Rating = 2, Comment = "No child care for weekend clinicals.", FeedbackDate = On(2025, 11, 12) },
            ]);
            foreach (var feedback in anonymous)
            {
                feedback.Anonymous = true;
                await client.WorkerVoice.CreateWorkerFeedbackAsync(new CreateWorkerFeedbackRequest { Parent = partnership, WorkerFeedback = feedback }, auth);
            }
        }

        (string Id, string Participant, WorkerFeedback Feedback)[] named =
        [
            ("pn-feedback-0001", "p-0001", new WorkerFeedback { Subject = WorkerFeedbackSubject.Program, Program = practicalNursing, Rating = 5, Comment = "The instructors knew every student by name." }),
            ("pn-feedback-0002", "p-0002", new WorkerFeedback { Subject = WorkerFeedbackSubject.Program, Program = practicalNursing, Rating = 4, Comment = "" }),
            ("pn-feedback-0003", "p-0003", new WorkerFeedback { Subject = WorkerFeedbackSubject.Program, Program = practicalNursing, Rating = 4, Comment = "Tutoring before the NCLEX-PN helped." }),
            ("navigation-feedback-0004", "p-0004", new WorkerFeedback { Subject = WorkerFeedbackSubject.PartnershipServices, Rating = 5, Comment = "My navigator found me a bus pass in a day." }),
        ];
        foreach (var (id, participant, feedback) in named)
        {
            feedback.Participant = $"{partnership}/participants/{participant}";
            feedback.FeedbackDate = On(2025, 11, 14);
            await Missing(client.WorkerVoice.CreateWorkerFeedbackAsync(new CreateWorkerFeedbackRequest
            {
                Parent = partnership, WorkerFeedbackId = id, WorkerFeedback = feedback,
            }, auth).ResponseAsync);
        }
    }

    /// <summary>What the call created, or null when it was there already.</summary>
    private static async Task<T?> Missing<T>(Task<T> create) where T : class
    {
        try
        {
            return await create;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            return null;
        }
    }
}
