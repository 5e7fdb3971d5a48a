using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Resources.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Resources.V1;

namespace SectorMesh.Resources.Api;

/// <summary>Translation between the v1 messages and the Resources domain.</summary>
public static class ResourceMapping
{
    /// <summary>A strategy's resource name in the Partnerships service; empty for none, or a record made before strategies had identities.</summary>
    public static string Strategy(string tenant, string partnership, string strategyId) =>
        strategyId.Length == 0 ? "" : Names.Strategy.Format(tenant, partnership, strategyId);

    // The strategy titles are deprecated in favour of sector_strategy but still read from older
    // clients and written for them, so these are the only places that touch them.
#pragma warning disable CS0612
    public static string StrategyTitle(this V1.FundingSource given) => given.Strategy;

    public static string StrategyTitle(this V1.Commitment given) => given.Strategy;

    public static string StrategyTitle(this V1.ResourceNeed given) => given.Strategy;

    private static void SetStrategyTitle(V1.FundingSource message, string title) => message.Strategy = title;

    private static void SetStrategyTitle(V1.Commitment message, string title) => message.Strategy = title;

    private static void SetStrategyTitle(V1.ResourceNeed message, string title) => message.Strategy = title;
#pragma warning restore CS0612

    public static Money ToMoney(this Google.Type.Money? money, string field)
    {
        if (money is null)
        {
            throw new InvalidInput(field, "is required.");
        }
        return Money.Create(money.ToDecimal(field), money.CurrencyCode, field);
    }

    public static Money? ToOptionalMoney(this Google.Type.Money? money, string field) => money is null ? null : money.ToMoney(field);

    public static Google.Type.Money ToProto(this Money money) => ProtoConversions.ToProtoMoney(money.Amount, money.Currency);

    public static Period ToPeriod(this V1.Period? period, string field) =>
        Period.Create(period?.StartDate.ToDate($"{field}.start_date"), period?.EndDate.ToDate($"{field}.end_date"), field);

    public static V1.Period ToProto(this Period period) => new()
    {
        StartDate = ((DateOnly?)period.Start).ToProto(),
        EndDate = ((DateOnly?)period.End).ToProto(),
    };

    public static V1.FundingSource ToProto(this FundingSource f, uint version)
    {
        var source = new V1.FundingSource
        {
            Name = Names.FundingSource.Format(f.TenantId, f.PartnershipId, f.Id),
            DisplayName = f.DisplayName,
            Kind = f.Kind.ToProto<FundingKind, V1.FundingKind>(),
            Amount = f.Amount.ToProto(),
            Period = f.Period.ToProto(),
            Restrictions = f.Restrictions,
            Status = f.Status.ToProto<FundingStatus, V1.FundingStatus>(),
            SectorStrategy = Strategy(f.TenantId, f.PartnershipId, f.StrategyId),
            Funder = f.Funder,
            Etag = Etags.Of(version),
        };
        SetStrategyTitle(source, f.Strategy);
        return source;
    }

    public static V1.Commitment ToProto(this ResourceCommitment c)
    {
        var commitment = new V1.Commitment
        {
            Name = Names.Commitment.Format(c.TenantId, c.PartnershipId, c.Id),
            Organization = Names.Organization.Format(c.TenantId, c.OrganizationId),
            Agreement = Names.Agreement.Format(c.TenantId, c.PartnershipId, $"{c.AgreementVersion}"),
            Kind = c.Kind.ToProto<CommitmentKind, V1.CommitmentKind>(),
            Description = c.Description,
            Value = c.Value.ToProto(),
            Hours = (double)(c.Hours ?? 0),
            Period = c.Period.ToProto(),
            SectorStrategy = Strategy(c.TenantId, c.PartnershipId, c.StrategyId),
            FundingSource = c.FundingSourceId.Length == 0 ? "" : Names.FundingSource.Format(c.TenantId, c.PartnershipId, c.FundingSourceId),
            Contributed = c.Contributed.ToProto(),
            Contributions =
            {
                c.Contributions.Select(x => new V1.Contribution
                {
                    Date = ((DateOnly?)x.Date).ToProto(),
                    Value = x.Value.ToProto(),
                    Hours = (double)(x.Hours ?? 0),
                    Note = x.Note,
                    ExceedsCommitment = x.ExceedsCommitment,
                }),
            },
        };
        if (c.HourlyRate is { } rate)
        {
            commitment.HourlyRate = rate.ToProto();
        }
        SetStrategyTitle(commitment, c.Strategy);
        return commitment;
    }

    public static V1.ResourceNeed ToProto(this ResourceNeed n)
    {
        var need = new V1.ResourceNeed
        {
            Name = Names.ResourceNeed.Format(n.TenantId, n.PartnershipId, n.Id),
            SectorStrategy = Strategy(n.TenantId, n.PartnershipId, n.StrategyId),
            Period = n.Period.ToProto(),
            Amount = n.Amount.ToProto(),
        };
        SetStrategyTitle(need, n.Strategy);
        return need;
    }

    public static V1.Figure ToProto(this Figure figure)
    {
        var message = new V1.Figure { Explanation = figure.Explanation };
        if (figure.Value is { } value)
        {
            message.Value = (double)value;
        }
        return message;
    }
}
