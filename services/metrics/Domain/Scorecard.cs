using System.Globalization;

namespace SectorMesh.Metrics.Domain;

/// <summary>One fact a score rests on, as shown beside it.</summary>
public sealed record ScoreFact(string Label, string Value);

/// <summary>A Framework element or core component, scored 0–100, with the facts behind the score and a sentence that explains it.</summary>
public sealed record ScorecardArea(string Area, string Title, int Score, IReadOnlyList<ScoreFact> Facts, string Explanation);

public sealed record PartnershipScorecard(PartnershipProfile? Profile, IReadOnlyList<ScorecardArea> Areas, IReadOnlyList<string> Flags)
{
    public const string NoWorkerRepresentative = "NO_WORKER_REPRESENTATIVE";

    /// <summary>The mean of the eight areas, what the statewide view sorts by.</summary>
    public int Overall => Areas.Count == 0 ? 0 : (int)Math.Round(Areas.Average(a => a.Score), MidpointRounding.AwayFromZero);
}

/// <summary>What Metrics itself knows of a partnership: its periods of participation, progress reviews, surveys and goals.</summary>
public sealed record ContinuousImprovementFacts(int Periods, int PeriodsProgressing, int ReviewsDue, int ReviewsOnTime, int SurveysRun,
    int SurveyResponses, int GoalsMeasured, int GoalsOnTrack)
{
    public static readonly ContinuousImprovementFacts None = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The partnership health scorecard: each area is the mean of a few checks, each worth 0 to 1, read from the facts the
/// other services have published and Metrics' own records. A check with nothing to measure yet counts 0: a partnership
/// earns its score by what is recorded.
/// </summary>
public static class Scorecards
{
    /// <summary>The areas' keys, the five elements then the three core components.</summary>
    public static readonly IReadOnlyList<string> AreaKeys =
    [
        "leadershipVisionAlignment", "resourcesCapacity", "industryEngagement", "sectorBasedServiceDelivery", "continuousImprovement",
        "engagedPartnerships", "dataInformedDecisionMaking", "workerVoiceJobQuality",
    ];

    /// <summary>A committee that has not met in this long is not meeting.</summary>
    public const int MeetingWindowDays = 180;

    private sealed record Check(string Label, string Value, double Score, string Sentence);

    public static PartnershipScorecard Compute(PartnershipFacts facts, ContinuousImprovementFacts own, DateOnly today)
    {
        var employerLevels = facts.EmployerLevels.Values.GroupBy(l => l.Value).ToDictionary(g => g.Key, g => g.Count());
        var openActions = facts.Meetings.Values.Sum(m => m.ActionItems) - facts.CompletedActions.Count;
        var lateActions = facts.CompletedActions.Values.Count(late => late);
        var lastMeeting = facts.Meetings.Values.Select(m => (DateOnly?)m.Date).Max();
        var meetingRecently = lastMeeting is { } last && last >= today.AddDays(-MeetingWindowDays);
        var goals = facts.Goals?.Value ?? [];
        var goalsWithMetrics = goals.Count(g => g.Metric.Length > 0 && g.Target > 0);
        var awarded = facts.FundingSources.Values.Select(f => f.Value).Where(f => f.Status is "Awarded" or "Spent").ToList();
        var pursued = facts.FundingSources.Values.Count(f => f.Value.Status is not "Declined");
        var awardedTotal = awarded.Sum(f => f.Amount);
        var largestShare = awardedTotal == 0 ? (decimal?)null
            : awarded.GroupBy(f => f.Funder ?? f.Kind).Max(g => g.Sum(f => f.Amount)) / awardedTotal;
        var (pledged, delivered) = (facts.Pledged(), facts.Delivered());
        var contested = facts.LmiStandings.Values.Count(s => s.Value == "Contested");
        var (wblOffered, wblFilled) = (facts.PlacesOffered(), facts.PlacesFilled());
        var assessedPlacements = facts.Placements.Values.Select(p => p.MeetsGuidelines).Where(p => p is not null).ToList();
        var qualityPlacements = assessedPlacements.Count(p => p == true);
        var partners = facts.Partners.Values.Where(p => p.Value.Current).Select(p => p.Value.PartnerType).ToList();
        var employers = partners.Count(t => t == "Employer");
        var worker = facts.HasWorkerRepresentative();
        var collaborating = facts.EmployersCollaboratingOrLeading();

        ScorecardArea Area(string area, string title, params Check[] checks)
        {
            var score = (int)Math.Round(checks.Average(c => Math.Clamp(c.Score, 0, 1)) * 100, MidpointRounding.AwayFromZero);
            return new ScorecardArea(area, title, score, [.. checks.Select(c => new ScoreFact(c.Label, c.Value))],
                $"{title} scores {score} of 100: " + string.Join("; ", checks.Select(c => c.Sentence)) + ".");
        }

        var areas = new List<ScorecardArea>
        {
            Area("leadershipVisionAlignment", "Leadership, Vision, Alignment",
                Yes("Vision", facts.HasVision?.Value == true, "a vision is set", "no vision is set"),
                Yes("Signed agreement", facts.SignedAgreementVersion is not null,
                    $"agreement version {facts.SignedAgreementVersion?.Value} is signed", "no partner agreement is signed"),
                new Check("Goals with metrics", $"{goalsWithMetrics} of {goals.Count}", goals.Count == 0 ? 0 : (double)goalsWithMetrics / goals.Count,
                    goals.Count == 0 ? "no goals are set" : $"{goalsWithMetrics} of {goals.Count} goals have a metric and a target"),
                Yes("Committees meeting", facts.Committees.Count > 0 && meetingRecently,
                    $"{facts.Committees.Count} committee(s), last meeting {lastMeeting:yyyy-MM-dd}",
                    facts.Committees.Count == 0 ? "no committee is formed" : $"no meeting in the last {MeetingWindowDays} days"),
                Yes("Worker representative in governance", worker, "a worker representative sits on a committee", "no worker representative sits on any committee")),
            Area("resourcesCapacity", "Resources and Capacity",
                new Check("Funding awarded", $"{awarded.Count} of {pursued}", pursued == 0 ? 0 : (double)awarded.Count / pursued,
                    pursued == 0 ? "no funding is pursued" : $"{awarded.Count} of {pursued} funding sources pursued are awarded ({Dollars(awardedTotal)})"),
                new Check("Commitment fulfilment", pledged == 0 ? "none pledged" : Percent(delivered / pledged), pledged == 0 ? 0 : (double)(delivered / pledged),
                    pledged == 0 ? "no partner commitments are recorded" : $"{Dollars(delivered)} delivered of {Dollars(pledged)} pledged ({Percent(delivered / pledged)})"),
                new Check("Largest funder's share", largestShare is { } share ? Percent(share) : "no funding awarded",
                    largestShare is { } s ? (double)Math.Min(1m, (1m - s) * 2m) : 0,
                    largestShare is { } l ? $"the largest funder gives {Percent(l)} of awarded funding" : "no funding is awarded, so none is diversified")),
            Area("industryEngagement", "Industry Engagement",
                new Check("Employers collaborating or leading", $"{collaborating} of {facts.EmployerLevels.Count}",
                    facts.EmployerLevels.Count == 0 ? 0 : (collaborating + 0.5 * employerLevels.GetValueOrDefault("Involved")) / facts.EmployerLevels.Count,
                    facts.EmployerLevels.Count == 0 ? "no employer's engagement is recorded"
                    : $"employers by level: {string.Join(", ", employerLevels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Value} {l.Key.ToLowerInvariant()}"))}"),
                new Check("Open and late action items", $"{openActions} open, {lateActions} completed late",
                    facts.Meetings.Count == 0 ? 0 : 1 - (double)(Math.Max(openActions, 0) + lateActions) / Math.Max(1, facts.Meetings.Values.Sum(m => m.ActionItems)),
                    facts.Meetings.Count == 0 ? "no employer meeting is recorded" : $"{Math.Max(openActions, 0)} action item(s) open and {lateActions} completed late"),
                new Check("Labor market figures contested", $"{contested} of {facts.LmiStandings.Count}",
                    facts.LmiStandings.Count == 0 ? 0 : 1 - (double)contested / facts.LmiStandings.Count,
                    facts.LmiStandings.Count == 0 ? "employers have reviewed no labor market figure" : $"{contested} of {facts.LmiStandings.Count} labor market figures employers reviewed are contested")),
            Area("sectorBasedServiceDelivery", "Sector-Based Service Delivery",
                Yes("Career pathways defined", facts.CareerPathways.Count > 0, $"{facts.CareerPathways.Count} career pathway(s) defined", "no career pathway is defined"),
                new Check("Work-based learning places filled", $"{wblFilled} of {wblOffered}", wblOffered == 0 ? 0 : (double)wblFilled / wblOffered,
                    wblOffered == 0 ? "no work-based learning places are offered" : $"{wblFilled} of {wblOffered} work-based learning places are filled"),
                new Check("Participants progressing", $"{own.PeriodsProgressing} of {own.Periods}", own.Periods == 0 ? 0 : (double)own.PeriodsProgressing / own.Periods,
                    own.Periods == 0 ? "no participant is enrolled" : $"{own.PeriodsProgressing} of {own.Periods} periods of participation show training, a credential, a skill gain or employment")),
            Area("continuousImprovement", "Continuous Improvement",
                new Check("Reviews held on time", $"{own.ReviewsOnTime} of {own.ReviewsDue}", own.ReviewsDue == 0 ? 0 : (double)own.ReviewsOnTime / own.ReviewsDue,
                    own.ReviewsDue == 0 ? "no progress review has fallen due" : $"{own.ReviewsOnTime} of {own.ReviewsDue} progress reviews due were held on time"),
                Yes("Surveys run", own.SurveysRun > 0, $"{own.SurveysRun} survey(s) with {own.SurveyResponses} response(s)", "no survey has been run"),
                new Check("Goals on track", $"{own.GoalsOnTrack} of {own.GoalsMeasured}", own.GoalsMeasured == 0 ? 0 : (double)own.GoalsOnTrack / own.GoalsMeasured,
                    own.GoalsMeasured == 0 ? "no goal is measured" : $"{own.GoalsOnTrack} of {own.GoalsMeasured} measured goals are on track")),
            Area("engagedPartnerships", "Engaged Partnerships",
                new Check("Employer partners", employers.ToString(CultureInfo.InvariantCulture), Math.Min(1, employers / 2.0),
                    $"{employers} employer partner(s) of the two a sector partnership needs at least"),
                new Check("Kinds of partner", partners.Distinct().Count().ToString(CultureInfo.InvariantCulture), Math.Min(1, partners.Distinct().Count() / 4.0),
                    $"{partners.Distinct().Count()} of the Framework's partner types take part ({partners.Count} partners)")),
            Area("dataInformedDecisionMaking", "Data-Informed Decision Making",
                Yes("Labor market figures reviewed by employers", facts.LmiStandings.Count > 0, $"{facts.LmiStandings.Count} figure(s) reviewed", "employers have reviewed no labor market figure"),
                Yes("Outcomes recorded", own.Periods > 0, $"{own.Periods} period(s) of participation recorded", "no participant outcomes are recorded"),
                Yes("Goals measured", own.GoalsMeasured > 0, $"{own.GoalsMeasured} goal(s) measured", "no goal is measured")),
            Area("workerVoiceJobQuality", "Worker Voice and Job Quality",
                Yes("Worker representation", worker, "workers are represented in governance", "no worker representative sits on any committee"),
                Yes("Worker feedback collected", facts.WorkerFeedback.Count > 0, $"{facts.WorkerFeedback.Count} worker feedback response(s)", "no worker feedback is collected"),
                new Check("Placements in quality jobs", $"{qualityPlacements} of {assessedPlacements.Count}",
                    assessedPlacements.Count == 0 ? 0 : (double)qualityPlacements / assessedPlacements.Count,
                    assessedPlacements.Count == 0 ? "no placement is assessed against the job quality guidelines"
                    : $"{qualityPlacements} of {assessedPlacements.Count} assessed placements meet the job quality guidelines")),
        };
        return new PartnershipScorecard(facts.Profile?.Value, areas, worker ? [] : [PartnershipScorecard.NoWorkerRepresentative]);
    }

    private static Check Yes(string label, bool met, string whenMet, string whenNot) => new(label, met ? "yes" : "no", met ? 1 : 0, met ? whenMet : whenNot);

    private static string Percent(decimal share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Dollars(decimal amount) => amount.ToString("$#,0", CultureInfo.InvariantCulture);
}
