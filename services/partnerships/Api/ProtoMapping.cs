using Google.Protobuf.WellKnownTypes;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.ServiceDefaults;
using SectorMesh.Partnerships.Domain;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Partnerships.Api;

/// <summary>Translation between the v1 messages and the domain, in both directions.</summary>
public static class ProtoMapping
{
    /// <summary>PostgreSQL keeps microseconds, so a resource reads back the same time it was created with.</summary>
    private static Timestamp ToTimestamp(DateTimeOffset time) =>
        Timestamp.FromDateTimeOffset(time.AddTicks(-(time.Ticks % 10)));

    public static V1.Tenant ToProto(this Domain.Tenant tenant) => new()
    {
        Name = Names.Tenant.Format(tenant.Id),
        DisplayName = tenant.DisplayName,
        MinEmployerPartners = tenant.MinEmployerPartners,
        AuditRetentionDays = tenant.AuditRetentionDays,
        Etag = Etags.Of(tenant.Version),
        CreateTime = ToTimestamp(tenant.CreatedAt),
    };

    public static V1.AuditEntry ToProto(this Data.AuditEntry entry) => new()
    {
        Name = $"{Names.Tenant.Format(entry.TenantId)}/auditEntries/{entry.Id}",
        Time = ToTimestamp(entry.OccurredAt),
        Subject = entry.Subject,
        Service = entry.Service,
        Method = entry.Method,
        Resource = entry.ResourceName,
        Outcome = entry.Outcome,
        TraceId = entry.TraceId,
        FieldMask = entry.FieldMask,
    };

    public static V1.Region ToProto(this Domain.Region region) => new()
    {
        Name = Names.Region.Format(region.TenantId, region.Id),
        DisplayName = region.DisplayName,
        CountyFips = { region.CountyFips },
        MetroArea = region.MetroArea ?? "",
    };

    public static V1.Organization ToProto(this Domain.Organization organization) => new()
    {
        Name = Names.Organization.Format(organization.TenantId, organization.Id),
        DisplayName = organization.DisplayName,
        Type = organization.Type.ToProto<PartnerType, V1.PartnerType>(),
        NaicsCode = organization.NaicsCode ?? "",
    };

    public static V1.Partnership ToProto(this Domain.Partnership p)
    {
        var organization = (string id) => Names.Organization.Format(p.TenantId, id);
        var message = new V1.Partnership
        {
            Name = Names.Partnership.Format(p.TenantId, p.Id),
            DisplayName = p.DisplayName,
            Region = Names.Region.Format(p.TenantId, p.RegionId),
            TargetSector = new V1.TargetSector { NaicsCode = p.Sector.NaicsCode, Title = p.Sector.Title },
            Stage = p.Stage.ToProto<PartnershipStage, V1.PartnershipStage>(),
            Vision = p.Vision,
            Mission = p.Mission,
            Etag = p.Etag,
            CreateTime = ToTimestamp(p.CreatedAt),
            UpdateTime = ToTimestamp(p.UpdatedAt),
            Goals = { p.Goals.Select(g => new V1.Goal { Statement = g.Statement, Metric = g.Metric, Target = g.Target, DueDate = g.DueDate.ToProto() }) },
            Strategies =
            {
                p.Strategies.Select(s => new V1.SectorStrategy
                {
                    Name = Names.Strategy.Format(p.TenantId, p.Id, s.Id),
                    Title = s.Title,
                    Status = s.Status.ToProto<StrategyStatus, V1.StrategyStatus>(),
                    OwnerCommittee = s.OwnerCommitteeId is null ? "" : Names.Committee.Format(p.TenantId, p.Id, s.OwnerCommitteeId),
                }),
            },
            Partners =
            {
                p.Partners.Select(m => new V1.Partner
                {
                    Name = Names.Partner.Format(p.TenantId, p.Id, m.OrganizationId),
                    Organization = organization(m.OrganizationId),
                    PartnerType = m.PartnerType.ToProto<PartnerType, V1.PartnerType>(),
                    Roles = { m.Roles },
                    JoinDate = m.JoinDate.ToProto(),
                    LeaveDate = m.LeaveDate.ToProto(),
                }),
            },
            Agreements =
            {
                p.Agreements.Select(a => new V1.Agreement
                {
                    Name = Names.Agreement.Format(p.TenantId, p.Id, $"{a.Version}"),
                    Version = a.Version,
                    Status = a.Status.ToProto<AgreementStatus, V1.AgreementStatus>(),
                    EffectiveDate = a.EffectiveDate.ToProto(),
                    Terms = { a.Terms.Select(t => new V1.AgreementTerm { Organization = organization(t.OrganizationId), Expectations = t.Expectations, Commitments = t.Commitments }) },
                    Signatures =
                    {
                        a.Signatures.Select(s => new V1.Signature
                        {
                            Organization = organization(s.OrganizationId),
                            SignatoryName = s.SignatoryName,
                            SignatoryTitle = s.SignatoryTitle,
                            SignTime = ToTimestamp(s.SignedAt),
                            SignedBy = s.SignedBy ?? "",
                            OnBehalf = s.OnBehalf,
                        }),
                    },
                }),
            },
            Committees =
            {
                p.Committees.Select(c => new V1.Committee
                {
                    Name = Names.Committee.Format(p.TenantId, p.Id, c.Id),
                    DisplayName = c.DisplayName,
                    Kind = c.Kind.ToProto<CommitteeKind, V1.CommitteeKind>(),
                    Purpose = c.Purpose,
                    Members =
                    {
                        c.Members.Select(m => new V1.CommitteeMember
                        {
                            PersonName = m.PersonName,
                            Organization = m.OrganizationId is null ? "" : organization(m.OrganizationId),
                            Represents = m.Represents.ToProto<Representation, V1.Representation>("Represents"),
                        }),
                    },
                }),
            },
        };
        if (p.Significance is { } s)
        {
            message.RegionalSignificance = new V1.RegionalSignificance
            {
                Employment = s.Employment,
                LocationQuotient = s.LocationQuotient,
                EmploymentGrowthPercent = s.EmploymentGrowthPercent,
                Source = s.Source,
                Period = s.Period,
            };
        }
        if (p.Intermediary is { } intermediary)
        {
            message.Intermediary = new V1.Intermediary
            {
                DesignateTime = ToTimestamp(intermediary.DesignatedAt),
                Assignments =
                {
                    intermediary.Assignments.Select(a => new V1.IntermediaryAssignment
                    {
                        Role = a.Role.ToProto<IntermediaryRole, V1.IntermediaryRole>(),
                        Organization = organization(a.OrganizationId),
                    }),
                },
            };
        }
        return message;
    }

    public static TargetSector ToDomain(this V1.TargetSector? sector) => new(sector?.NaicsCode ?? "", sector?.Title ?? "");

    public static RegionalSignificance? ToDomain(this V1.RegionalSignificance? s) =>
        s is null ? null : new RegionalSignificance(s.Employment, s.LocationQuotient, s.EmploymentGrowthPercent, s.Source, s.Period);
}
