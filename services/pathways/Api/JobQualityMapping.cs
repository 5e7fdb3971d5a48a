using Google.Protobuf.WellKnownTypes;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>Between the Job Quality API's messages and the domain.</summary>
public static class JobQualityMapping
{
    private const string FactorRule = "must be one of the eight factors, such as JOB_QUALITY_FACTOR_PAY.";
    private const string BenefitRule = "must be BENEFIT_HEALTH_INSURANCE, BENEFIT_RETIREMENT, BENEFIT_PAID_LEAVE or BENEFIT_CAREGIVING_SUPPORT.";
    private const string StandardRule = "must set one of minimum_hourly_wage, pay_range_posted, required_benefit, minimum_schedule_notice_days, minimum_weekly_hours.";

    public static JobQualityFactor Factor(this V1.JobQualityFactor factor, string field) =>
        factor.ToDomain<V1.JobQualityFactor, JobQualityFactor>() ?? throw new InvalidInput(field, FactorRule);

    public static List<Benefit> ToDomainBenefits(this IList<V1.Benefit> benefits, string field, InputCollector input)
    {
        if (benefits.Count > System.Enum.GetValues<Benefit>().Length)
        {
            throw new InvalidInput(field, "must list each benefit at most once.");
        }
        return [.. benefits.Select((b, i) => input.Take(() => b.ToDomain<V1.Benefit, Benefit>() ?? throw new InvalidInput($"{field}[{i}]", BenefitRule)))];
    }

    /// <summary>A dollar amount rounded to cents, as wages are paid.</summary>
    public static decimal Wage(this Google.Type.Money? money, string field) =>
        money is null ? throw new InvalidInput(field, "is required.") : decimal.Round(money.Dollars(field), 2);

    public static decimal Hours(this double hours, string field) => decimal.Round(hours.ToDecimal(field), 2);

    public static JobQualityStandard ToDomain(this V1.JobQualityStandard s, string field) => s.StandardCase switch
    {
        V1.JobQualityStandard.StandardOneofCase.MinimumHourlyWage =>
            new(StandardKind.MinimumHourlyWage, s.MinimumHourlyWage.Wage($"{field}.minimum_hourly_wage")),
        V1.JobQualityStandard.StandardOneofCase.PayRangePosted => s.PayRangePosted
            ? new(StandardKind.PayRangePosted)
            : throw new InvalidInput($"{field}.pay_range_posted", "must be true: a standard asks for a posted pay range, or is left out."),
        V1.JobQualityStandard.StandardOneofCase.RequiredBenefit => new(StandardKind.RequiredBenefit,
            Benefit: s.RequiredBenefit.ToDomain<V1.Benefit, Benefit>() ?? throw new InvalidInput($"{field}.required_benefit", BenefitRule)),
        V1.JobQualityStandard.StandardOneofCase.MinimumScheduleNoticeDays => new(StandardKind.MinimumScheduleNoticeDays, s.MinimumScheduleNoticeDays),
        V1.JobQualityStandard.StandardOneofCase.MinimumWeeklyHours =>
            new(StandardKind.MinimumWeeklyHours, s.MinimumWeeklyHours.Hours($"{field}.minimum_weekly_hours")),
        _ => throw new InvalidInput(field, StandardRule),
    };

    public static V1.JobQualityStandard ToProto(this JobQualityStandard s)
    {
        var standard = new V1.JobQualityStandard { Factor = s.Factor.ToProto<JobQualityFactor, V1.JobQualityFactor>() };
        switch (s.Kind)
        {
            case StandardKind.MinimumHourlyWage: standard.MinimumHourlyWage = Dollars(s.Value); break;
            case StandardKind.PayRangePosted: standard.PayRangePosted = true; break;
            case StandardKind.RequiredBenefit: standard.RequiredBenefit = s.Benefit!.Value.ToProto<Benefit, V1.Benefit>(); break;
            case StandardKind.MinimumScheduleNoticeDays: standard.MinimumScheduleNoticeDays = (int)s.Value; break;
            default: standard.MinimumWeeklyHours = (double)s.Value; break;
        }
        return standard;
    }

    public static V1.JobQualityGuidelines ToProto(this JobQualityGuidelines g, uint version) => new()
    {
        Name = Names.JobQualityGuidelines.Format(g.TenantId, g.PartnershipId),
        Commitments =
        {
            g.Commitments.Select(c => new V1.FactorCommitment { Factor = c.Factor.ToProto<JobQualityFactor, V1.JobQualityFactor>(), Commitment = c.Commitment }),
        },
        Standards = { g.Standards.Select(s => s.ToProto()) },
        Etag = Etags.Of(version),
        UpdateTime = g.UpdateTime is { } t ? Timestamp.FromDateTimeOffset(t) : null,
    };

    public static V1.JobQualityAssessment ToProto(this JobQualityAssessment a) => new()
    {
        Name = Names.JobQualityAssessment.Format(a.TenantId, a.PartnershipId, a.Id),
        Employer = Names.Organization.Format(a.TenantId, a.EmployerId),
        AssessmentDate = ((DateOnly?)a.AssessmentDate).ToProto(),
        Facts = new V1.EmployerFacts
        {
            StartingHourlyWage = Dollars(a.Facts.HourlyWage),
            WeeklyHours = (double)a.Facts.WeeklyHours,
            Benefits = { a.Facts.Benefits.Select(b => b.ToProto<Benefit, V1.Benefit>()) },
            ScheduleNoticeDays = a.Facts.ScheduleNoticeDays,
            PayRangePosted = a.Facts.PayRangePosted,
        },
        Findings =
        {
            a.Findings.Select(f => new V1.FactorFinding
            {
                Factor = f.Factor.ToProto<JobQualityFactor, V1.JobQualityFactor>(),
                Rating = f.Rating.ToProto<JobQualityRating, V1.JobQualityRating>(),
                Evidence = f.Evidence,
                FromStandards = f.FromStandards,
            }),
        },
        FactorsMet = a.FactorsMet,
    };

    public static V1.Placement ToProto(this Placement p) => new()
    {
        Name = Names.Placement.Format(p.TenantId, p.PartnershipId, p.Id),
        Participant = Names.Participant.Format(p.TenantId, p.PartnershipId, p.ParticipantId),
        Employer = Names.Organization.Format(p.TenantId, p.EmployerId),
        Occupation = p.Occupation,
        StartDate = ((DateOnly?)p.StartDate).ToProto(),
        HourlyWage = Dollars(p.Facts.HourlyWage),
        WeeklyHours = (double)p.Facts.WeeklyHours,
        Benefits = { p.Facts.Benefits.Select(b => b.ToProto<Benefit, V1.Benefit>()) },
        ScheduleNoticeDays = p.Facts.ScheduleNoticeDays,
        PayRangePosted = p.Facts.PayRangePosted,
        GuidelinesCheck = p.Verdict.ToProto<GuidelinesVerdict, V1.GuidelinesCheck>(),
        Reasons = { p.Reasons },
    };

    private static Google.Type.Money Dollars(decimal amount) => ProtoConversions.ToProtoMoney(amount, PathwaysMapping.Currency);
}
