using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

/// <summary>Translation from the Industry Engagement domain to the v1 messages.</summary>
public static class EngagementMapping
{
    public static V1.EmployerEngagement ToProto(this EmployerEngagement e, uint version) => new()
    {
        Name = Names.Employer.Format(e.TenantId, e.PartnershipId, e.OrganizationId),
        Organization = Names.Organization.Format(e.TenantId, e.OrganizationId),
        OrganizationDisplayName = e.OrganizationName,
        Level = e.Level.ToProto<EngagementLevel, V1.EngagementLevel>(),
        Champions = { e.Champions },
        CurrentPartner = e.IsCurrentPartner,
        Activities =
        {
            e.Activities.Select(a => new V1.EmployerActivity
            {
                Kind = a.Kind.ToProto<EmployerActivityKind, V1.EmployerActivityKind>(),
                Date = ((DateOnly?)a.Date).ToProto(),
                Quantity = a.Quantity,
                Note = a.Note,
            }),
        },
        Needs =
        {
            e.Needs.Select(n => new V1.EmployerNeed
            {
                SocCode = n.SocCode,
                Openings12Months = n.OpeningsIn12Months,
                Openings36Months = n.OpeningsIn36Months,
                HardToFill = n.HardToFill,
                Skills = { n.Skills },
                Credentials = { n.Credentials },
                WageMin = (double)n.WageMin,
                WageMax = (double)n.WageMax,
            }),
        },
        Etag = Etags.Of(version),
    };

    public static V1.OccupationNeed ToProto(this OccupationNeed o) => new()
    {
        SocCode = o.SocCode,
        Employers = o.Employers,
        Openings12Months = o.OpeningsIn12Months,
        Openings36Months = o.OpeningsIn36Months,
        HardToFill = o.HardToFill,
        WageMin = (double)o.WageMin,
        WageMax = (double)o.WageMax,
        Skills = { o.Skills },
        Credentials = { o.Credentials },
    };

    public static V1.EmployerContribution ToContribution(this EmployerEngagement e)
    {
        var counts = e.Contributions();
        int Count(EmployerActivityKind kind) => counts.GetValueOrDefault(kind);
        return new V1.EmployerContribution
        {
            Employer = Names.Employer.Format(e.TenantId, e.PartnershipId, e.OrganizationId),
            OrganizationDisplayName = e.OrganizationName,
            Level = e.Level.ToProto<EngagementLevel, V1.EngagementLevel>(),
            MeetingsAttended = Count(EmployerActivityKind.MeetingAttended),
            Hosting = Count(EmployerActivityKind.Hosting),
            HiresCommitted = Count(EmployerActivityKind.HiringCommitment),
            CurriculumInput = Count(EmployerActivityKind.CurriculumInput),
            WorkBasedLearningPlaces = Count(EmployerActivityKind.WorkBasedLearningPlaces),
        };
    }

    public static V1.SectorCandidate ToProto(this SectorCandidate c)
    {
        var candidate = new V1.SectorCandidate
        {
            IndustryCode = c.IndustryCode,
            Employment = c.Employment,
            SuppressedCounties = c.SuppressedAreas,
            LocationQuotientMismatches = { c.LocationQuotientMismatches },
            EmploymentIsLowerBound = c.EmploymentIsLowerBound,
            Explanation = c.Explanation,
            IndustryDetail = c.Detail.ToProto<IndustryDetail, V1.IndustryDetail>(),
        };
        if (c.LocationQuotient is { } lq)
        {
            candidate.LocationQuotient = (double)lq;
        }
        if (c.EmploymentChangePercent is { } change)
        {
            candidate.EmploymentChangePercent = (double)change;
        }
        return candidate;
    }

    public static V1.OccupationEmployment ToProto(this OewsRecord r)
    {
        var row = new V1.OccupationEmployment
        {
            Year = r.Year,
            AreaCode = r.AreaCode,
            AreaTitle = r.AreaTitle,
            IndustryCode = r.IndustryCode,
            OccupationCode = r.OccupationCode,
            OccupationTitle = r.OccupationTitle,
            WageTopCoded = r.WageTopCoded,
        };
        if (r.Employment is { } employment)
        {
            row.Employment = employment;
        }
        if (r.LocationQuotient is { } lq)
        {
            row.LocationQuotient = (double)lq;
        }
        if (r.AnnualMeanWage is { } mean)
        {
            row.AnnualMeanWage = (double)mean;
        }
        if (r.AnnualMedianWage is { } median)
        {
            row.AnnualMedianWage = (double)median;
        }
        return row;
    }

    public static V1.LmiReview ToProto(this LmiReview r) => new()
    {
        Name = Names.LmiReview.Format(r.TenantId, r.PartnershipId, r.Id),
        DataPoint = r.DataPoint,
        Organization = Names.Organization.Format(r.TenantId, r.OrganizationId),
        Verdict = r.Verdict.ToProto<LmiVerdict, V1.LmiVerdict>(),
        Comment = r.Comment,
    };

    public static V1.WorkforceCohort ToProto(this WorkforceCohort c) => new()
    {
        Name = Names.Cohort.Format(c.TenantId, c.PartnershipId, c.Id),
        DisplayName = c.DisplayName,
        Skills = { c.Skills.Select(s => new V1.WorkforceSkill { ElementId = s.ElementId, Level = (double)s.Level }) },
    };

    public static V1.SkillsGapAnalysis ToProto(this SkillsGapAnalysis a) => new()
    {
        Name = $"{Names.Partnership.Format(a.TenantId, a.PartnershipId)}/skillsGapAnalyses/{a.Id}",
        Cohort = Names.Cohort.Format(a.TenantId, a.PartnershipId, a.CohortId),
        TargetOccupations = { a.TargetOccupations },
        Gaps =
        {
            a.Gaps.Select(g => new V1.SkillGap
            {
                OnetSocCode = g.OnetSocCode,
                ElementId = g.ElementId,
                ElementName = g.ElementName,
                RequiredLevel = (double)g.RequiredLevel,
                Importance = (double)g.Importance,
                AvailableLevel = (double)g.AvailableLevel,
                Gap = (double)g.Gap,
            }),
        },
        NotAssessed =
        {
            a.NotAssessed.Select(s => new V1.UnassessedSkill
            {
                OnetSocCode = s.OnetSocCode,
                ElementId = s.ElementId,
                ElementName = s.ElementName,
                RequiredLevel = (double)s.RequiredLevel,
                Importance = (double)s.Importance,
            }),
        },
        Explanation = SkillsGap.Explanation,
    };

    public static V1.Meeting ToProto(this Meeting m) => new()
    {
        Name = $"{Names.Partnership.Format(m.TenantId, m.PartnershipId)}/meetings/{m.Id}",
        Date = ((DateOnly?)m.Date).ToProto(),
        Agenda = { m.Agenda },
        Attendees = { m.Attendees },
        Decisions = { m.Decisions },
        ActionItems = { m.ActionItems.Select(ToProto) },
    };

    public static V1.ActionItem ToProto(this ActionItem item) => new()
    {
        Description = item.Description,
        Owner = item.Owner,
        DueDate = ((DateOnly?)item.DueDate).ToProto(),
        Status = item.Status.ToProto<ActionItemStatus, V1.ActionItemStatus>(),
    };

    public static V1.OverdueActionItem ToProto(this OverdueActionItem o) => new()
    {
        Meeting = $"{Names.Partnership.Format(o.Meeting.TenantId, o.Meeting.PartnershipId)}/meetings/{o.Meeting.Id}",
        ActionItem = o.Index,
        Item = o.Item.ToProto(),
        DaysOverdue = o.DaysOverdue,
    };

    public static V1.ImportReport ToProto(this ImportReport report) => new()
    {
        LinesRead = report.LinesRead,
        RowsKept = report.RowsKept,
        RowsRejected = report.RejectedCount,
        Rejected = { report.Rejected.Select(r => new V1.RejectedRow { Line = r.Line, Reason = r.Reason }) },
        RowsSkipped = report.SkippedCount,
        Skipped = { report.Skipped.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new V1.SkippedRows { Reason = s.Key, Rows = s.Value }) },
    };
}
