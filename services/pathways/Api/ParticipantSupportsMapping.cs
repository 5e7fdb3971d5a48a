using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>Between the wraparound supports' messages and the domain.</summary>
public static class ParticipantSupportsMapping
{
    public static string Name(this Referral r) => $"{Names.Participant.Format(r.TenantId, r.PartnershipId, r.ParticipantId)}/referrals/{r.Id}";

    /// <summary>The barriers of a request; an unset or unknown one is named by its position.</summary>
    public static List<BarrierKind> ToBarriers(this IList<V1.BarrierKind> given, string field)
    {
        var violations = new Violations().Require(given.Count <= 20, field, "must list at most 20 barriers.");
        violations.ThrowIfAny();
        var barriers = new List<BarrierKind>();
        for (var i = 0; i < given.Count; i++)
        {
            if (given[i].ToDomain<V1.BarrierKind, BarrierKind>() is { } barrier)
            {
                barriers.Add(barrier);
            }
            else
            {
                violations.Add($"{field}[{i}]", "must be a barrier: BARRIER_KIND_DISABILITY, BARRIER_KIND_HOMELESS, BARRIER_KIND_EX_OFFENDER, BARRIER_KIND_LOW_INCOME, BARRIER_KIND_ENGLISH_LANGUAGE_LEARNER, "
                    + "BARRIER_KIND_BASIC_SKILLS_DEFICIENT, BARRIER_KIND_CULTURAL, BARRIER_KIND_SINGLE_PARENT or BARRIER_KIND_DISPLACED_HOMEMAKER.");
            }
        }
        violations.ThrowIfAny();
        return barriers;
    }

    public static V1.SupportiveService ToProto(this SupportiveService s, string tenant) => new()
    {
        Date = ((DateOnly?)s.Date).ToProto(),
        Kind = s.Kind.ToProto<SupportiveServiceKind, V1.SupportiveServiceKind>(),
        Amount = s.Amount is { } amount ? ProtoConversions.ToProtoMoney(amount, PathwaysMapping.Currency) : null,
        ProvidedBy = s.ProviderId is null ? "" : Names.Organization.Format(tenant, s.ProviderId),
    };

    public static V1.Referral ToProto(this Referral r) => new()
    {
        Name = r.Name(),
        Organization = Names.Organization.Format(r.TenantId, r.OrganizationId),
        Barrier = r.Barrier is { } barrier ? barrier.ToProto<BarrierKind, V1.BarrierKind>() : V1.BarrierKind.Unspecified,
        Need = r.Need is { } need ? need.ToProto<SupportiveServiceKind, V1.SupportiveServiceKind>() : V1.SupportiveServiceKind.Unspecified,
        ReferralDate = ((DateOnly?)r.ReferredOn).ToProto(),
        Outcome = r.Outcome.ToProto<ReferralOutcome, V1.ReferralOutcome>(),
        OutcomeDate = r.OutcomeDate.ToProto(),
    };
}
