using MassTransit;
using SectorMesh.Contracts;
using SectorMesh.Contracts.Events.Partnerships;
using SectorMesh.Resources.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Resources.Data;

/// <summary>
/// Who the partners of a partnership are, under which agreements, and which sector strategies it has,
/// asked of the Partnerships service over gRPC and kept
/// in Redis; partnership events drop the cached answer when it changes. With the Partnerships
/// service down and nothing cached, the answer is "unavailable", never a guess.
/// </summary>
public sealed class PartnerDirectory(V1.Partnerships.PartnershipsClient partnerships, ResourceCache cache)
{
    private static string Key(string tenant, string partnership) => Names.Partnership.Format(tenant, partnership);

    /// <summary>The roster; when the cached one fails <paramref name="answers"/>, it is asked for again, fresh.</summary>
    public async Task<PartnershipRoster> RosterAsync(string tenant, string partnership, Func<PartnershipRoster, bool> answers,
        CancellationToken cancellationToken)
    {
        var name = Key(tenant, partnership);
        Task<V1.Partnership> Fetch() => partnerships.GetPartnershipAsync(new V1.GetPartnershipRequest { Name = name }, cancellationToken: cancellationToken).ResponseAsync;
        var roster = ToRoster(await cache.GetOrLoadAsync(name, V1.Partnership.Parser, Fetch));
        if (answers(roster))
        {
            return roster;
        }
        // Drafting or circulating an agreement raises no event this service hears, so a cached roster can lag it: ask once more.
        await cache.RemoveAsync(name);
        return ToRoster(await cache.GetOrLoadAsync(name, V1.Partnership.Parser, Fetch));
    }

    private static PartnershipRoster ToRoster(V1.Partnership partnership) => new(
        partnership.Partners.Where(p => p.LeaveDate is null).Select(p => LastSegment(p.Organization)).ToHashSet(),
        partnership.Agreements.Select(a => new AgreementOnFile(a.Version, Standing(a.Status), a.Terms.Select(t => LastSegment(t.Organization)).ToHashSet())).ToList(),
        partnership.Strategies.Where(s => s.Name.Length > 0).ToDictionary(s => LastSegment(s.Name), s => s.Title));

    private static string LastSegment(string name) => name.Split('/')[^1];

    private static AgreementStanding Standing(V1.AgreementStatus status) => status switch
    {
        V1.AgreementStatus.Signed => AgreementStanding.Signed,
        V1.AgreementStatus.Superseded => AgreementStanding.Superseded,
        V1.AgreementStatus.Circulated => AgreementStanding.Circulated,
        _ => AgreementStanding.Draft,
    };
}

/// <summary>
/// Drops a cached roster when the partnership changes. Dropping a key twice changes nothing,
/// so a redelivery is harmless without recording message ids.
/// </summary>
public sealed class PartnerDirectoryRefresh(ResourceCache cache) :
    IConsumer<PartnerJoined>, IConsumer<PartnerLeft>, IConsumer<AgreementSigned>, IConsumer<StrategiesSet>, IConsumer<PartnershipDeleted>
{
    public Task Consume(ConsumeContext<PartnerJoined> context) => Drop(context.Message.TenantId, context.Message.PartnershipId);
    public Task Consume(ConsumeContext<PartnerLeft> context) => Drop(context.Message.TenantId, context.Message.PartnershipId);
    public Task Consume(ConsumeContext<AgreementSigned> context) => Drop(context.Message.TenantId, context.Message.PartnershipId);
    public Task Consume(ConsumeContext<StrategiesSet> context) => Drop(context.Message.TenantId, context.Message.PartnershipId);
    public Task Consume(ConsumeContext<PartnershipDeleted> context) => Drop(context.Message.TenantId, context.Message.PartnershipId);

    private Task Drop(string tenant, string partnership) => cache.RemoveAsync(Names.Partnership.Format(tenant, partnership));
}
