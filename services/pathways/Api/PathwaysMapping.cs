using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>Between the Pathways API's messages and the domain: amounts in US dollars, enums without their prefixes.</summary>
public static class PathwaysMapping
{
    public const string Currency = "USD";

    public static decimal Dollars(this Google.Type.Money? money, string field)
    {
        if (money is null)
        {
            return 0;
        }
        new Violations().Require(money.CurrencyCode is "" or Currency, $"{field}.currency_code", "must be USD.").ThrowIfAny();
        var amount = money.ToDecimal(field);
        return amount >= 0 ? amount : throw new InvalidInput(field, "must be a non-negative amount.");
    }

    private static Google.Type.Money Dollars(decimal amount) => ProtoConversions.ToProtoMoney(amount, Currency);

    public static V1.TrainingProgram ToProto(this TrainingProgram p, uint version) => new()
    {
        Etag = Etags.Of(version),
        Name = Names.Program.Format(p.TenantId, p.Id),
        DisplayName = p.DisplayName,
        Provider = Names.Organization.Format(p.TenantId, p.ProviderId),
        DurationWeeks = p.DurationWeeks,
        Cost = Dollars(p.Cost),
        Modality = p.Modality.ToProto<Modality, V1.Modality>(),
        Schedule = p.Schedule,
        Credential = p.Credential is { } c
            ? new V1.Credential { Title = c.Title, Kind = c.Kind.ToProto<CredentialKind, V1.CredentialKind>(), Issuer = c.Issuer, StacksInto = c.StacksInto }
            : null,
        Skills = { p.Skills },
        EmployerNeeds = { p.EmployerNeeds.Select(n => n.ToProto(p.TenantId)) },
        SkillsGaps = { p.SkillsGaps.Select(g => g.ToProto(p.TenantId)) },
    };

    private static V1.EmployerNeedReference ToProto(this EmployerNeedTarget n, string tenant) =>
        new() { Employer = Names.Employer.Format(tenant, n.PartnershipId, n.EmployerId), SocCode = n.SocCode };

    private static V1.SkillsGapReference ToProto(this SkillsGapTarget g, string tenant) =>
        new() { SkillsGapAnalysis = Names.SkillsGapAnalysis.Format(tenant, g.PartnershipId, g.AnalysisId), ElementId = g.ElementId };

    public static V1.Occupation ToProto(this Occupation o, string tenant) => new()
    {
        Name = Names.Occupation.Format(tenant, o.SocCode),
        SocCode = o.SocCode,
        Title = o.Title,
        Year = o.Year,
        Areas =
        {
            o.Areas.Select(a =>
            {
                var area = new V1.OccupationArea { AreaCode = a.AreaCode, AreaTitle = a.AreaTitle, WageTopCoded = a.WageTopCoded };
                if (a.Employment is { } employment)
                {
                    area.Employment = employment;
                }
                if (a.AnnualMedianWage is { } annual)
                {
                    area.AnnualMedianWage = (double)annual;
                    area.HourlyMedianWage = (double)a.HourlyMedianWage!.Value;
                }
                return area;
            }),
        },
    };

    public static V1.ProgramCoverage ToProto(this ProgramCoverage coverage, string tenant, string partnership) => new()
    {
        Name = $"{Names.Partnership.Format(tenant, partnership)}/programCoverage",
        EmployerNeeds =
        {
            coverage.Needs.Select(n => new V1.EmployerNeedCoverage
            {
                Need = new EmployerNeedTarget(partnership, n.Need.EmployerId, n.Need.SocCode).ToProto(tenant),
                Openings12Months = n.Need.Openings12Months, HardToFill = n.Need.HardToFill,
                Programs = { n.ProgramIds.Select(id => Names.Program.Format(tenant, id)) },
            }),
        },
        SkillsGaps =
        {
            coverage.Gaps.Select(g => new V1.SkillsGapCoverage
            {
                Gap = new SkillsGapTarget(partnership, g.Gap.AnalysisId, g.Gap.ElementId).ToProto(tenant),
                ElementName = g.Gap.ElementName, GapPoints = (double)g.Gap.Points,
                Programs = { g.ProgramIds.Select(id => Names.Program.Format(tenant, id)) },
            }),
        },
        UncoveredEmployerNeeds = coverage.UncoveredNeeds,
        UncoveredSkillsGaps = coverage.UncoveredGaps,
    };

    public static V1.CareerPathway ToProto(this CareerPathway p, uint version) => new()
    {
        Etag = Etags.Of(version),
        Name = Names.CareerPathway.Format(p.TenantId, p.PartnershipId, p.Id),
        DisplayName = p.DisplayName,
        Steps =
        {
            p.Steps.Select(s => new V1.PathwayStep
            {
                StepId = s.StepId, Occupation = s.Occupation, Title = s.Title, EntryRequirements = s.EntryRequirements,
                TypicalHourlyWage = (double)s.TypicalHourlyWage, Entry = s.Entry, WageSource = s.WageSource,
            }),
        },
        Bridges =
        {
            p.Bridges.Select(b => new V1.Bridge
            {
                FromStep = b.FromStep, ToStep = b.ToStep, Kind = b.Kind.ToProto<BridgeKind, V1.BridgeKind>(),
                Program = b.ProgramId is null ? "" : Names.Program.Format(p.TenantId, b.ProgramId), Description = b.Description, Months = b.Months,
                Cost = Dollars(b.Cost),
            }),
        },
        Flags = { p.WageDrops() },
    };

    public static V1.Participant ToProto(this Participant p)
    {
        var participant = new V1.Participant
        {
            Name = Names.Participant.Format(p.TenantId, p.PartnershipId, p.Id),
            EntryDate = ((DateOnly?)p.EntryDate).ToProto(),
            ExitDate = p.ExitDate.ToProto(),
            EmploymentStatusAtEntry = p.EmploymentStatusAtEntry is { } status
                ? status.ToProto<EmploymentStatus, V1.EmploymentStatus>()
                : V1.EmploymentStatus.Unspecified,
            CareerPathway = p.CareerPathwayId is null ? "" : Names.CareerPathway.Format(p.TenantId, p.PartnershipId, p.CareerPathwayId),
            CurrentStep = p.CurrentStep ?? "",
            Training = { p.Training.Select(t => t.ToProto(p.TenantId)) },
            Credentials = { p.Credentials.Select(ToProto) },
            Barriers = { p.Barriers.Select(b => b.ToProto<BarrierKind, V1.BarrierKind>()) },
            SkillGains = { p.SkillGains.Select(ToProto) },
            EmploymentOutcomes = { p.EmploymentOutcomes.Select(ToProto) },
            PirlIdentifier = p.PirlIdentifier ?? "",
            OtherExitReason = p.ExitReason.ToProto(),
            EarlierPeriods =
            {
                p.EarlierPeriods.Select(period =>
                {
                    var earlier = new V1.ParticipationPeriod
                    {
                        EntryDate = ((DateOnly?)period.Entry).ToProto(), ExitDate = period.Exit.ToProto(), OtherExitReason = period.ExitReason.ToProto(),
                        Training = { period.Training.Select(t => t.ToProto(p.TenantId)) }, Credentials = { period.Credentials.Select(ToProto) },
                        SkillGains = { period.SkillGains.Select(ToProto) }, EmploymentOutcomes = { period.Outcomes.Select(ToProto) },
                    };
                    if (period.RetainedWithSameEmployer is { } retained)
                    {
                        earlier.RetainedWithSameEmployer = retained;
                    }
                    return earlier;
                }),
            },
        };
        if (p.RetainedWithSameEmployer is { } retainedNow)
        {
            participant.RetainedWithSameEmployer = retainedNow;
        }
        return participant;
    }

    private static V1.OtherExitReason ToProto(this OtherExitReason reason) =>
        reason == OtherExitReason.None ? V1.OtherExitReason.Unspecified : reason.ToProto<OtherExitReason, V1.OtherExitReason>();

    private static V1.TrainingEnrolment ToProto(this TrainingEnrolment t, string tenant) => new()
    {
        EnteredDate = ((DateOnly?)t.Entered).ToProto(), Type = t.Type.ToProto<TrainingType, V1.TrainingType>(),
        Program = t.ProgramId is null ? "" : Names.Program.Format(tenant, t.ProgramId), EndedDate = t.Ended.ToProto(),
    };

    private static V1.AttainedCredential ToProto(AttainedCredential c) => new()
    {
        Type = c.Type.ToProto<CredentialType, V1.CredentialType>(), AttainedDate = ((DateOnly?)c.Attained).ToProto(), Title = c.Title,
    };

    private static V1.SkillGain ToProto(SkillGain g) => new() { Kind = g.Kind.ToProto<SkillGainKind, V1.SkillGainKind>(), Date = ((DateOnly?)g.Date).ToProto() };

    private static V1.EmploymentOutcome ToProto(EmploymentOutcome o)
    {
        var outcome = new V1.EmploymentOutcome
        {
            Quarter = o.Quarter, Status = o.Status.ToProto<QuarterEmployment, V1.QuarterEmployment>(),
            Wages = o.Wages is { } wages ? Dollars(wages) : null, EmployerId = o.EmployerId ?? "",
        };
        if (o.MatchType is { } match)
        {
            outcome.MatchType = match;
        }
        return outcome;
    }

    public static V1.ParticipantPersonalData ToProto(this PersonalData d, string name) => new()
    {
        Name = name,
        GivenName = d.GivenName,
        FamilyName = d.FamilyName,
        BirthDate = d.BirthDate.ToProto(),
        Email = d.Email,
        Phone = d.Phone,
    };

    public static V1.Route ToProto(this Domain.Route r) => new()
    {
        Steps = { r.Steps },
        Months = r.Months,
        Cost = Dollars(r.Cost),
        HourlyWageGain = (double)r.HourlyWageGain,
        Explanation = r.Explanation,
    };
}
