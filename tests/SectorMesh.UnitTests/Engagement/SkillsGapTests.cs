using SectorMesh.ServiceDefaults;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.UnitTests.Engagement;

public class SkillsGapTests
{
    private static List<OnetRating> Ratings(ImportReport? report = null)
    {
        using var file = SampleFiles.Onet();
        return OnetReader.ReadAsync(file, report ?? new ImportReport()).ToBlockingEnumerable().ToList();
    }

    // On O*NET's Level scale 0-7; standardized 50, 55, 40 and 60.
    private static readonly WorkforceSkill[] Cohort =
    [
        new("2.A.1.a", 3.5m), new("2.A.1.b", 3.85m), new("2.A.2.a", 2.8m), new("2.B.1.a", 4.2m),
    ];

    [Theory]
    [InlineData(SkillScale.Importance, 4.00, 75.0)]
    [InlineData(SkillScale.Importance, 1.00, 0.0)]
    [InlineData(SkillScale.Level, 4.38, 62.6)]
    [InlineData(SkillScale.Level, 7.00, 100.0)]
    public void Ratings_are_standardized_to_0_100_by_their_scales_range(SkillScale scale, double value, double standardized)
    {
        Assert.Equal((decimal)standardized, OnetRating.Standardize(scale, (decimal)value));
    }

    [Fact]
    public void The_sample_skills_file_is_read_with_both_scales()
    {
        var report = new ImportReport();

        var ratings = Ratings(report);

        Assert.Equal(18, ratings.Count);
        Assert.Equal(0, report.RejectedCount);
    }

    [Fact]
    public void Gaps_are_ranked_by_level_points_short_then_by_importance()
    {
        var gaps = SkillsGap.Rank(Ratings(), new HashSet<string> { "29-1141.00", "31-9092.00" }, Cohort);

        // RN critical thinking 60.7 − 40, RN reading 62.6 − 50, RN listening 60.7 − 55, MA critical thinking 44.6 − 40.
        Assert.Equal(
            [("29-1141.00", "2.A.2.a", 20.7m), ("29-1141.00", "2.A.1.a", 12.6m), ("29-1141.00", "2.A.1.b", 5.7m), ("31-9092.00", "2.A.2.a", 4.6m)],
            gaps.Take(4).Select(g => (g.OnetSocCode, g.ElementId, g.Gap)));
        Assert.All(gaps.Skip(4), g => Assert.Equal(0, g.Gap));
    }

    [Fact]
    public void A_skill_the_cohort_was_not_assessed_on_is_listed_as_not_assessed_not_as_a_gap_of_its_whole_requirement()
    {
        var ratings = Ratings();
        var registeredNurses = new HashSet<string> { "29-1141.00" };
        WorkforceSkill[] readingOnly = [new("2.A.1.a", 3.5m)];

        var gaps = SkillsGap.Rank(ratings, registeredNurses, readingOnly);
        var notAssessed = SkillsGap.NotAssessed(ratings, registeredNurses, readingOnly);

        // Reading 62.6 − 50 = 12.6. Active listening (required 60.7) read as level 0 was a gap of 60.7, the whole requirement.
        Assert.Equal(("2.A.1.a", 12.6m), (Assert.Single(gaps).ElementId, gaps[0].Gap));
        // Most important first: active listening 78.0, critical thinking 75.0, social perceptiveness 72.0.
        Assert.Equal([("2.A.1.b", 60.7m, 78.0m), ("2.A.2.a", 60.7m, 75.0m), ("2.B.1.a", 57.1m, 72.0m)],
            notAssessed.Select(s => (s.ElementId, s.RequiredLevel, s.Importance)));
    }

    [Fact]
    public void Unimportant_and_not_relevant_skills_are_left_out()
    {
        var gaps = SkillsGap.Rank(Ratings(), new HashSet<string> { "31-9092.00" }, Cohort);

        Assert.DoesNotContain(gaps, g => g.ElementId == "2.A.1.e");
        Assert.DoesNotContain(gaps, g => g.ElementId == "2.B.1.a");
    }

    [Fact]
    public void A_row_with_a_malformed_occupation_code_is_rejected_with_its_line()
    {
        var text = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tRecommend Suppress\tNot Relevant\n"
            + "29-1141.00\t2.A.1.a\tReading Comprehension\tLV\t4.38\tN\tN\n"
            + "29-1141\t2.A.1.a\tReading Comprehension\tLV\t4.38\tN\tN\n";
        var report = new ImportReport();

        var ratings = OnetReader.ReadAsync(new StringReader(text), report).ToBlockingEnumerable().ToList();

        Assert.Single(ratings);
        Assert.Equal(3, Assert.Single(report.Rejected).Line);
    }

    [Fact]
    public void A_file_without_the_onet_header_is_refused()
    {
        Assert.Throws<ImportRefused>(() => OnetReader.ReadAsync(new StringReader("code\tvalue\n"), new ImportReport()).ToBlockingEnumerable().ToList());
    }
}

public class SkillsGapAnalysisTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static WorkforceCohort Cohort() => WorkforceCohort.Describe("oh", "healthcare", "fall", "Fall cohort", [new("2.A.1.a", 3.5m)]);

    [Fact]
    public void An_analysis_names_a_target_occupation_without_imported_ratings()
    {
        var error = Assert.Throws<InvalidInput>(() => SkillsGapAnalysis.Run("oh", "healthcare", "a1", Cohort(), ["29-1141.00", "31-9092.00"],
            [new OnetRating("29-1141.00", "2.A.1.a", "Reading Comprehension", SkillScale.Level, 4.38m, false, false)], Now));

        Assert.Equal("skills_gap_analysis.target_occupations[1]", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void An_analysis_keeps_the_skills_not_assessed_apart_from_its_gaps()
    {
        var ratings = new List<OnetRating>
        {
            new("29-1141.00", "2.A.1.a", "Reading Comprehension", SkillScale.Importance, 4.00m, false, false),
            new("29-1141.00", "2.A.1.a", "Reading Comprehension", SkillScale.Level, 4.38m, false, false),
            new("29-1141.00", "2.A.1.b", "Active Listening", SkillScale.Importance, 4.12m, false, false),
            new("29-1141.00", "2.A.1.b", "Active Listening", SkillScale.Level, 4.25m, false, false),
        };

        var analysis = SkillsGapAnalysis.Run("oh", "healthcare", "a1", Cohort(), ["29-1141.00"], ratings, Now);

        // Reading: 62.6 − 50 = 12.6; active listening has no gap figure.
        Assert.Equal(("2.A.1.a", 12.6m), (Assert.Single(analysis.Gaps).ElementId, analysis.Gaps[0].Gap));
        Assert.Equal("2.A.1.b", Assert.Single(analysis.NotAssessed).ElementId);
    }

    [Theory]
    [InlineData("2.A.1.a", 7.5, "cohort.skills[0].level")]
    [InlineData("reading", 3, "cohort.skills[0].element_id")]
    public void A_cohorts_skills_are_O_NET_elements_on_the_level_scale(string element, double level, string field)
    {
        var error = Assert.Throws<InvalidInput>(() => WorkforceCohort.Describe("oh", "healthcare", "fall", "Fall", [new(element, (decimal)level)]));

        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }
}
