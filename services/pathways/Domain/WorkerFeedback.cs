using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

public enum WorkerFeedbackSubject
{
    Barrier,
    Program,
    JobQuality,
    PartnershipServices,
}

public enum FeedbackBarrier
{
    Transportation,
    ChildCare,
    Housing,
    CostOfTraining,
    Schedule,
    DigitalAccess,
    Language,
    Health,
    Other,
}

/// <summary>
/// One worker's, learner's or job seeker's feedback (the Framework's worker voice): a rating and a
/// comment on a barrier, a program, job quality at an employer or the partnership's services. When
/// the worker asks to be anonymous nothing that identifies them is kept: no participant, and an id
/// the service chose.
/// </summary>
public sealed class WorkerFeedback : AggregateRoot, IPartnershipRecord
{
    public const int MaxCommentLength = 2000;

    private WorkerFeedback() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public WorkerFeedbackSubject Subject { get; private set; }
    public FeedbackBarrier? Barrier { get; private set; }
    public string? ProgramId { get; private set; }
    public string? EmployerId { get; private set; }
    public int Rating { get; private set; }
    public string Comment { get; private set; } = "";
    public DateOnly FeedbackDate { get; private set; }
    public bool Anonymous { get; private set; }

    /// <summary>The participant who gave the feedback; null when it is anonymous.</summary>
    public string? ParticipantId { get; private set; }

    /// <summary>
    /// Records feedback. <paramref name="idChosen"/> says the caller picked the id; <paramref name="participantId"/>
    /// is "" when no participant is named.
    /// </summary>
    public static WorkerFeedback Record(string tenantId, string partnershipId, string id, bool idChosen, WorkerFeedbackSubject? subject,
        FeedbackBarrier? barrier, string? programId, string? employerId, int rating, string comment, DateOnly? feedbackDate, bool anonymous,
        string participantId, DateTimeOffset now)
    {
        const string field = "worker_feedback";
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        new Violations()
            .Require(ResourceId.IsValid(id), "worker_feedback_id", ResourceId.Rule)
            .Require(!(anonymous && idChosen), "worker_feedback_id", "must be empty for anonymous feedback: a chosen id could say who gave it.")
            .Require(subject is not null, $"{field}.subject", "is required: BARRIER, PROGRAM, JOB_QUALITY or PARTNERSHIP_SERVICES.")
            .Require(subject != WorkerFeedbackSubject.Barrier || barrier is not null, $"{field}.barrier", "is required for feedback about a barrier.")
            .Require(subject == WorkerFeedbackSubject.Barrier || barrier is null, $"{field}.barrier", "belongs only to feedback about a barrier.")
            .Require(subject != WorkerFeedbackSubject.Program || programId is not null, $"{field}.program", "is required for feedback about a program.")
            .Require(subject == WorkerFeedbackSubject.Program || programId is null, $"{field}.program", "belongs only to feedback about a program.")
            .Require(subject != WorkerFeedbackSubject.JobQuality || employerId is not null, $"{field}.employer", "is required for feedback about job quality.")
            .Require(subject == WorkerFeedbackSubject.JobQuality || employerId is null, $"{field}.employer", "belongs only to feedback about job quality.")
            .Require(rating is >= 1 and <= 5, $"{field}.rating", "must be from 1 (very poor) to 5 (very good).")
            .OptionalText(comment, $"{field}.comment", MaxCommentLength)
            .Require(feedbackDate is not null, $"{field}.feedback_date", "is required.")
            .Require(feedbackDate is null || feedbackDate <= today.AddDays(1), $"{field}.feedback_date", "must not be in the future.")
            .Require(!anonymous || participantId.Length == 0, $"{field}.participant",
                "must be empty for anonymous feedback: nothing that identifies the worker is stored.")
            .Require(anonymous || participantId.Length > 0, $"{field}.participant", "is required unless the worker asked to be anonymous.")
            .ThrowIfAny();
        var feedback = new WorkerFeedback
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            Subject = subject!.Value,
            Barrier = barrier,
            ProgramId = programId,
            EmployerId = employerId,
            Rating = rating,
            Comment = comment.Trim(),
            FeedbackDate = feedbackDate!.Value,
            Anonymous = anonymous,
            ParticipantId = anonymous ? null : participantId,
        };
        feedback.Raise(new WorkerFeedbackRecorded(now));
        return feedback;
    }
}

public sealed record WorkerFeedbackRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>What feedback is about, as the summary groups it: one barrier, program or employer, or the partnership's services.</summary>
public sealed record FeedbackTopic(WorkerFeedbackSubject Subject, FeedbackBarrier? Barrier, string? ProgramId, string? EmployerId);

/// <summary>How many responses there are about a topic and the sum of their ratings.</summary>
public sealed record FeedbackTally(FeedbackTopic Topic, int Responses, int RatingTotal);

/// <summary>A topic's figures in the summary, or why they are withheld.</summary>
public sealed record WorkerVoiceGroup(FeedbackTopic Topic, bool Withheld, int Responses, decimal AverageRating, string Note);

/// <summary>The summary of a partnership's feedback, the only place anonymous feedback is seen.</summary>
public static class WorkerVoice
{
    /// <summary>
    /// The fewest responses a group may hold to be shown. A supervisor who knows which three of their
    /// workers were asked can read each one's answer from a small group's count and average, which
    /// would undo the anonymity the worker asked for; five is the smallest cell that public workforce
    /// and education reporting commonly publishes.
    /// </summary>
    public const int MinimumResponses = 5;

    public static string WithheldNote => $"fewer than {MinimumResponses} responses";

    /// <summary>One group per topic, in the order of subject, barrier, program and employer; small groups withheld.</summary>
    public static IReadOnlyList<WorkerVoiceGroup> Summarize(IEnumerable<FeedbackTally> tallies) =>
    [
        .. tallies
            .OrderBy(t => t.Topic.Subject).ThenBy(t => t.Topic.Barrier).ThenBy(t => t.Topic.ProgramId, StringComparer.Ordinal)
            .ThenBy(t => t.Topic.EmployerId, StringComparer.Ordinal)
            .Select(t => t.Responses < MinimumResponses
                ? new WorkerVoiceGroup(t.Topic, Withheld: true, 0, 0, WithheldNote)
                : new WorkerVoiceGroup(t.Topic, Withheld: false, t.Responses,
                    Math.Round((decimal)t.RatingTotal / t.Responses, 2, MidpointRounding.AwayFromZero), "")),
    ];
}
