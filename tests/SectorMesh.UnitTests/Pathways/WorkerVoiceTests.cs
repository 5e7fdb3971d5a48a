using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>
/// Worker feedback and its summary. The worked example: five responses about the practical nursing
/// program rated 4, 5, 3, 4 and 5 average 4.20; four about job quality at Riverside are withheld.
/// </summary>
public class WorkerVoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Given = new(2026, 11, 2);

    private static readonly FeedbackTopic NursingProgram = new(WorkerFeedbackSubject.Program, null, "practical-nursing", null);
    private static readonly FeedbackTopic RiversideJobs = new(WorkerFeedbackSubject.JobQuality, null, null, "riverside-medical");
    private static readonly FeedbackTopic Transportation = new(WorkerFeedbackSubject.Barrier, FeedbackBarrier.Transportation, null, null);

    private static WorkerFeedback Record(bool anonymous, string participant, bool idChosen = false, int rating = 4,
        WorkerFeedbackSubject? subject = WorkerFeedbackSubject.Program, string? program = "practical-nursing") =>
        WorkerFeedback.Record("ohio", "healthcare", "f-0001", idChosen, subject, null, program, null, rating, "Clinical rotations were well organised.",
            Given, anonymous, participant, Now);

    [Fact]
    public void Named_feedback_keeps_the_participant_who_gave_it()
    {
        var feedback = Record(anonymous: false, participant: "p-0007");

        Assert.Equal(("p-0007", false), (feedback.ParticipantId, feedback.Anonymous));
    }

    [Fact]
    public void Anonymous_feedback_keeps_no_participant()
    {
        var feedback = Record(anonymous: true, participant: "");

        Assert.Equal((null, true), (feedback.ParticipantId, feedback.Anonymous));
    }

    [Fact]
    public void Anonymous_feedback_naming_a_participant_is_refused()
    {
        var error = Assert.Throws<InvalidInput>(() => Record(anonymous: true, participant: "p-0007"));

        Assert.Equal("worker_feedback.participant", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Anonymous_feedback_under_a_chosen_id_is_refused()
    {
        var error = Assert.Throws<InvalidInput>(() => Record(anonymous: true, participant: "", idChosen: true));

        Assert.Equal("worker_feedback_id", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Named_feedback_without_a_participant_is_refused()
    {
        var error = Assert.Throws<InvalidInput>(() => Record(anonymous: false, participant: ""));

        Assert.Equal("worker_feedback.participant", Assert.Single(error.Violations).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_rating_outside_1_to_5_is_refused(int rating)
    {
        var error = Assert.Throws<InvalidInput>(() => Record(anonymous: true, participant: "", rating: rating));

        Assert.Equal("worker_feedback.rating", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Feedback_about_job_quality_names_the_employer_and_nothing_else()
    {
        var error = Assert.Throws<InvalidInput>(() => Record(anonymous: true, participant: "", subject: WorkerFeedbackSubject.JobQuality));

        Assert.Equal(["worker_feedback.program", "worker_feedback.employer"], error.Violations.Select(v => v.Field).ToArray());
    }

    [Fact]
    public void Five_responses_are_shown_with_their_average_rating()
    {
        // 4 + 5 + 3 + 4 + 5 = 21 over 5 responses.
        var group = Assert.Single(WorkerVoice.Summarize([new FeedbackTally(NursingProgram, 5, 21)]));

        Assert.Equal((false, 5, 4.20m, ""), (group.Withheld, group.Responses, group.AverageRating, group.Note));
    }

    [Fact]
    public void Four_responses_are_withheld_and_say_why()
    {
        var group = Assert.Single(WorkerVoice.Summarize([new FeedbackTally(RiversideJobs, 4, 8)]));

        Assert.Equal((true, 0, 0m, "fewer than 5 responses"), (group.Withheld, group.Responses, group.AverageRating, group.Note));
    }

    [Fact]
    public void A_single_response_never_shows_its_rating()
    {
        var group = Assert.Single(WorkerVoice.Summarize([new FeedbackTally(Transportation, 1, 1)]));

        Assert.True(group.Withheld);
        Assert.Equal(0m, group.AverageRating);
    }

    [Fact]
    public void Averages_are_rounded_to_two_decimals()
    {
        // 5 + 5 + 4 + 4 + 4 + 3 = 25 over 6 responses: 4.1666...
        var group = Assert.Single(WorkerVoice.Summarize([new FeedbackTally(NursingProgram, 6, 25)]));

        Assert.Equal(4.17m, group.AverageRating);
    }

    [Fact]
    public void Groups_come_barriers_first_then_programs_then_employers()
    {
        var groups = WorkerVoice.Summarize([new FeedbackTally(RiversideJobs, 7, 21), new FeedbackTally(NursingProgram, 5, 21), new FeedbackTally(Transportation, 9, 18)]);

        Assert.Equal([Transportation, NursingProgram, RiversideJobs], groups.Select(g => g.Topic).ToArray());
        Assert.Equal([2.00m, 4.20m, 3.00m], groups.Select(g => g.AverageRating).ToArray());
    }
}
