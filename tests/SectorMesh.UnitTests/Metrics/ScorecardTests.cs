using SectorMesh.Metrics.Domain;

namespace SectorMesh.UnitTests.Metrics;

/// <summary>The partnership health scorecard: each score from its facts, and the sentence that explains it saying the same.</summary>
public class ScorecardTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static PartnershipFacts Governed(bool workerRepresentative)
    {
        var facts = new PartnershipFacts
        {
            Profile = new(1, new PartnershipProfile("Central Ohio Healthcare", "central", "62", "Health care", "Active")),
            HasVision = new(2, true),
            SignedAgreementVersion = new(3, 2),
            Goals = new(4, [new GoalFact("Place 100 nurses", "placements", 100, null), new GoalFact("Be known", "", 0, null)]),
            Committees = { ["steering"] = "Steering" },
            Meetings = { ["m-1"] = new MeetingFact(Today.AddDays(-30), 2) },
        };
        facts.CommitteeMembers["a"] = new CommitteeMemberFact("steering", workerRepresentative ? "WorkerOrLabor" : "Employer");
        return facts;
    }

    private static ScorecardArea Area(PartnershipScorecard scorecard, string key) => scorecard.Areas.Single(a => a.Area == key);

    [Fact]
    public void A_partnership_with_no_worker_representative_in_its_governance_is_flagged_and_told_why()
    {
        var scorecard = Scorecards.Compute(Governed(workerRepresentative: false), ContinuousImprovementFacts.None, Today);

        Assert.Equal([PartnershipScorecard.NoWorkerRepresentative], scorecard.Flags);
        Assert.Contains("no worker representative sits on any committee", Area(scorecard, "workerVoiceJobQuality").Explanation);
    }

    [Fact]
    public void Leadership_scores_each_of_its_five_checks_and_names_them_in_its_sentence()
    {
        var area = Area(Scorecards.Compute(Governed(workerRepresentative: true), ContinuousImprovementFacts.None, Today), "leadershipVisionAlignment");

        Assert.Equal(90, area.Score);
        Assert.Equal("Leadership, Vision, Alignment scores 90 of 100: a vision is set; agreement version 2 is signed; 1 of 2 goals have a metric and a target; "
            + "1 committee(s), last meeting 2026-11-03; a worker representative sits on a committee.", area.Explanation);
    }

    [Fact]
    public void Commitment_fulfilment_counts_a_contribution_over_its_pledge_at_the_pledge()
    {
        var facts = new PartnershipFacts
        {
            Commitments = { ["c-1"] = new(1, 1000m), ["c-2"] = new(1, 1000m) },
            Contributions = { ["c-1#2"] = 1500m, ["c-2#2"] = 500m },
        };

        var area = Area(Scorecards.Compute(facts, ContinuousImprovementFacts.None, Today), "resourcesCapacity");

        Assert.Equal("75%", area.Facts.Single(f => f.Label == "Commitment fulfilment").Value);
        Assert.Contains("$1,500 delivered of $2,000 pledged (75%)", area.Explanation);
    }

    [Fact]
    public void One_funder_giving_everything_scores_no_diversity()
    {
        var facts = new PartnershipFacts
        {
            FundingSources = { ["f-1"] = new(1, new FundingFact("WioaTitleI", "Awarded", 50_000m, "DOL")), ["f-2"] = new(1, new FundingFact("State", "Prospect", 10_000m, "Ohio")) },
        };

        var area = Area(Scorecards.Compute(facts, ContinuousImprovementFacts.None, Today), "resourcesCapacity");

        Assert.Equal(("100%", "1 of 2"), (area.Facts.Single(f => f.Label == "Largest funder's share").Value, area.Facts.Single(f => f.Label == "Funding awarded").Value));
        Assert.Contains("the largest funder gives 100% of awarded funding", area.Explanation);
    }

    [Fact]
    public void Nothing_recorded_scores_nothing_and_says_so()
    {
        var scorecard = Scorecards.Compute(new PartnershipFacts(), ContinuousImprovementFacts.None, Today);

        Assert.All(scorecard.Areas, a => Assert.Equal(0, a.Score));
        Assert.Contains("no career pathway is defined", Area(scorecard, "sectorBasedServiceDelivery").Explanation);
    }

    [Fact]
    public void Participants_progressing_are_read_from_Metrics_own_periods()
    {
        var area = Area(Scorecards.Compute(new PartnershipFacts(), ContinuousImprovementFacts.None with { Periods = 4, PeriodsProgressing = 3 }, Today),
            "sectorBasedServiceDelivery");

        Assert.Contains("3 of 4 periods of participation show training, a credential, a skill gain or employment", area.Explanation);
    }

    [Fact]
    public void An_older_statement_of_a_fact_arriving_late_does_not_replace_a_newer_one()
    {
        var levels = new Dictionary<string, Versioned<string>>();

        PartnershipFacts.Newer(levels, "acme", 3, "Leading");
        PartnershipFacts.Newer(levels, "acme", 2, "Informed");

        Assert.Equal("Leading", levels["acme"].Value);
    }
}
