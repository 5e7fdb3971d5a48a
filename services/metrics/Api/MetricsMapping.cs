using System.Globalization;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.Metrics.Api;

/// <summary>Between the indicators the domain computes and the Metrics API's messages and CSV.</summary>
public static class MetricsMapping
{
    public static V1.PerformanceIndicators ToProto(this IReadOnlyList<IndicatorResult> results, string name, int programYear, int threshold)
    {
        V1.IndicatorFigure Of(Indicator indicator) => results.Single(r => r.Indicator == indicator).ToProto();
        return new V1.PerformanceIndicators
        {
            Name = name,
            ProgramYear = programYear,
            SuppressionThreshold = threshold,
            EmploymentRateQ2 = Of(Indicator.EmploymentRateQ2),
            EmploymentRateQ4 = Of(Indicator.EmploymentRateQ4),
            MedianEarningsQ2 = Of(Indicator.MedianEarningsQ2),
            CredentialAttainmentRate = Of(Indicator.CredentialAttainmentRate),
            MeasurableSkillGainsRate = Of(Indicator.MeasurableSkillGainsRate),
            RetentionWithSameEmployer = Of(Indicator.RetentionWithSameEmployer),
        };
    }

    private static V1.IndicatorFigure ToProto(this IndicatorResult result)
    {
        var figure = new V1.IndicatorFigure
        {
            Numerator = result.Total.Numerator,
            Denominator = result.Total.Denominator,
            NotYetAvailable = result.Total.NotYetAvailable,
            Explanation = result.Total.Explanation,
            CohortStart = Text(result.Cohort.Start),
            CohortEnd = Text(result.Cohort.End),
            Excluded = { result.Total.Excluded.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new V1.Exclusion { Reason = e.Key, Count = e.Value }) },
            Breakdowns = { result.Breakdowns.Select(ToProto) },
        };
        if (result.Total.Value is { } value)
        {
            figure.Value = (double)value;
        }
        return figure;
    }

    private static V1.BreakdownCell ToProto(BreakdownCell cell)
    {
        var proto = new V1.BreakdownCell { Dimension = cell.Dimension, Category = cell.Category, Suppressed = cell.Suppressed };
        if (cell.Figure is { } figure)
        {
            proto.Numerator = figure.Numerator;
            proto.Denominator = figure.Denominator;
            if (figure.Value is { } value)
            {
                proto.Value = (double)value;
            }
        }
        return proto;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The indicators as CSV: a row for each indicator's total and each breakdown cell, a suppressed cell with its figures left empty.</summary>
public static class IndicatorCsv
{
    public const string Header = "indicator,cohort_start,cohort_end,dimension,category,suppressed,numerator,denominator,value,excluded,not_yet_available";

    public static IEnumerable<string> Write(IReadOnlyList<IndicatorResult> results)
    {
        yield return Header;
        foreach (var result in results)
        {
            var indicator = result.Indicator.Key();
            var cohort = $"{result.Cohort.Start:yyyy-MM-dd},{result.Cohort.End:yyyy-MM-dd}";
            yield return $"{indicator},{cohort},total,all,false,{Figures(result.Total)}";
            foreach (var cell in result.Breakdowns)
            {
                yield return $"{indicator},{cohort},{cell.Dimension},{Quoted(cell.Category)},{(cell.Suppressed ? "true" : "false")},"
                    + (cell.Figure is { } figure ? Figures(figure) : ",,,,");
            }
        }
    }

    private static string Figures(IndicatorFigure figure) => string.Join(',',
        figure.Numerator.ToString(CultureInfo.InvariantCulture), figure.Denominator.ToString(CultureInfo.InvariantCulture),
        figure.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", figure.ExcludedCount.ToString(CultureInfo.InvariantCulture),
        figure.NotYetAvailable.ToString(CultureInfo.InvariantCulture));

    private static string Quoted(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;

    public static V1.MetricsSettings ToProto(this MetricsSettings settings, uint version) => new()
    {
        Name = Names.MetricsSettings.Format(settings.TenantId),
        SuppressionThreshold = settings.SuppressionThreshold,
        Etag = version == 0 ? "" : Etags.Of(version),
    };

    public static V1.PartnershipScorecard ToProto(this PartnershipScorecard scorecard, string tenant, string partnership) => new()
    {
        Name = Names.PartnershipScorecard.Format(tenant, partnership),
        DisplayName = scorecard.Profile?.DisplayName ?? "",
        Stage = scorecard.Profile?.Stage ?? "",
        Sector = scorecard.Profile?.NaicsCode ?? "",
        SectorTitle = scorecard.Profile?.SectorTitle ?? "",
        Region = scorecard.Profile is { RegionId.Length: > 0 } p ? Names.Region.Format(tenant, p.RegionId) : "",
        OverallScore = scorecard.Overall,
        Areas =
        {
            scorecard.Areas.Select(a => new V1.ScorecardArea
            {
                Area = a.Area, Title = a.Title, Score = a.Score, Explanation = a.Explanation,
                Facts = { a.Facts.Select(f => new V1.ScorecardFact { Label = f.Label, Value = f.Value }) },
            }),
        },
        Flags = { scorecard.Flags },
    };

    public static V1.ProgressReview ToProto(this ProgressReview r, uint version) => new()
    {
        Name = Names.ProgressReview.Format(r.TenantId, r.PartnershipId, r.Id),
        Period = r.Period.ToString(),
        HeldDate = ((DateOnly?)r.HeldOn).ToProto(),
        DueDate = ((DateOnly?)r.Period.DueDate).ToProto(),
        HeldOnTime = r.HeldOnTime,
        Reflections = r.Reflections,
        BestPractices = { r.BestPractices },
        FollowUpActions = { r.Actions.Select(a => a.ToProto()) },
        Figures =
        {
            r.Figures.Select(f =>
            {
                var figure = new V1.FrozenFigure { Key = f.Key, Title = f.Title, Explanation = f.Explanation };
                if (f.Numerator is { } numerator)
                {
                    figure.Numerator = numerator;
                }
                if (f.Denominator is { } denominator)
                {
                    figure.Denominator = denominator;
                }
                if (f.Value is { } value)
                {
                    figure.Value = (double)value;
                }
                return figure;
            }),
        },
        Etag = Etags.Of(version),
    };

    public static V1.FollowUpAction ToProto(this FollowUpAction a) => new()
    {
        Description = a.Description, Owner = a.Owner, DueDate = ((DateOnly?)a.DueDate).ToProto(),
        Status = a.Status == FollowUpStatus.Done ? V1.FollowUpStatus.Done : V1.FollowUpStatus.Open,
    };

    public static List<FollowUpAction> ToDomain(this IEnumerable<V1.FollowUpAction> actions, string field) =>
    [
        .. actions.Select((a, i) => new FollowUpAction(a.Description, a.Owner,
            a.DueDate.ToDate($"{field}[{i}].due_date") ?? throw new InvalidInput($"{field}[{i}].due_date", "is required."),
            a.Status == V1.FollowUpStatus.Done ? FollowUpStatus.Done : FollowUpStatus.Open)),
    ];

    public static V1.ScheduledReview ToProto(this ScheduledReview s, string tenant, string partnership) => new()
    {
        Period = s.Period.ToString(),
        DueDate = ((DateOnly?)s.Period.DueDate).ToProto(),
        Status = s.Status switch
        {
            ScheduleStatus.HeldOnTime => "HELD_ON_TIME",
            ScheduleStatus.HeldLate => "HELD_LATE",
            ScheduleStatus.Due => "DUE",
            _ => "OVERDUE",
        },
        ProgressReview = s.Review is null ? "" : Names.ProgressReview.Format(tenant, partnership, s.Review.Id),
    };

    public static V1.Survey ToProto(this Survey s) => new()
    {
        Name = Names.Survey.Format(s.TenantId, s.PartnershipId, s.Id),
        Title = s.Title,
        Audience = s.Audience.ToProto<SurveyAudience, V1.SurveyAudience>(),
        Anonymous = s.Anonymous,
        Invited = s.Invited,
        Questions =
        {
            s.Questions.Select(q => new V1.SurveyQuestion
            {
                Id = q.Id, Text = q.Text, Kind = q.Kind.ToProto<QuestionKind, V1.QuestionKind>(), Options = { q.Options }, MultipleChoices = q.MultipleChoices,
            }),
        },
        OpenDate = ((DateOnly?)s.OpenedOn).ToProto(),
        CloseDate = s.ClosedOn.ToProto(),
    };

    public static V1.SurveyResponse ToProto(this SurveyResponse r, string name) => new()
    {
        Name = name,
        Respondent = r.Respondent ?? "",
        Answers =
        {
            r.Answers.Select(a =>
            {
                var answer = new V1.SurveyAnswer { QuestionId = a.QuestionId, Choices = { a.Choices } };
                if (a.Likert is { } likert)
                {
                    answer.Likert = likert;
                }
                if (a.Text is { } text)
                {
                    answer.Text = text;
                }
                return answer;
            }),
        },
        SubmitDate = ((DateOnly?)r.SubmittedOn).ToProto(),
    };

    public static V1.SurveyResults ToProto(this SurveyResults results, string name)
    {
        var proto = new V1.SurveyResults { Name = name, Responses = results.Responses, Invited = results.Invited, Explanation = results.Explanation };
        if (results.ResponseRate is { } rate)
        {
            proto.ResponseRate = (double)rate;
        }
        proto.Questions.AddRange(results.Questions.Select(q =>
        {
            var question = new V1.QuestionResults
            {
                QuestionId = q.Question.Id, Text = q.Question.Text, Answered = q.Answered, Suppressed = q.Suppressed, Counts = { q.Counts.Select(c => new V1.AnswerCount { Answer = c.Key, Count = c.Value }) }, Texts = { q.Texts },
            };
            if (q.MeanLikert is { } mean)
            {
                question.MeanLikert = (double)mean;
            }
            return question;
        }));
        return proto;
    }

    public static V1.GoalMeasure ToProto(this GoalMeasure m) => new()
    {
        Name = Names.GoalMeasure.Format(m.TenantId, m.PartnershipId, m.Id),
        Metric = m.Metric,
        Kind = m.Kind.ToProto<MeasureKind, V1.MeasureKind>(),
        Figures = { m.HandFigures.Select(f => new V1.QuarterFigure { Quarter = f.Quarter, Value = (double)f.Value }) },
    };

    public static V1.GoalStanding ToProto(this GoalProgress p)
    {
        var standing = new V1.GoalStanding
        {
            Statement = p.Goal.Statement, Metric = p.Goal.Metric, Target = p.Goal.Target, DueDate = p.Goal.DueDate.ToProto(),
            Kind = p.Kind is { } kind ? kind.ToProto<MeasureKind, V1.MeasureKind>() : V1.MeasureKind.Unspecified,
            ByQuarter = { p.ByQuarter.Select(f => new V1.QuarterFigure { Quarter = f.Quarter, Value = (double)f.Value }) },
            Explanation = p.Explanation,
        };
        if (p.Current is { } current)
        {
            standing.Current = (double)current;
        }
        if (p.OnTrack is { } onTrack)
        {
            standing.OnTrack = onTrack;
        }
        return standing;
    }
}
