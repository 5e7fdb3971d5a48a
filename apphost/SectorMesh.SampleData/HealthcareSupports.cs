using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.Contracts.Pathways.V1;
using Date = Google.Type.Date;
using Money = Google.Type.Money;

namespace SectorMesh.SampleData;

/// <summary>
/// Wraparound supports for the healthcare partnership's sample participants: barriers at entry, bus passes,
/// child care and scrubs paid for, and referrals to three community partners of the tenant with what came of them.
/// </summary>
public sealed class HealthcareSupports(SampleClient client)
{
    private const int Participants = 200;

    private static readonly (string Id, string Name, PartnerType Type)[] CommunityPartners =
    [
        ("mid-ohio-housing", "Mid-Ohio Housing Alliance", PartnerType.CommunityBasedOrganization),
        ("central-ohio-family-services", "Central Ohio Family Services", PartnerType.HumanServices),
        ("capital-literacy-council", "Capital Area Literacy Council", PartnerType.CommunityBasedOrganization),
    ];

    private static readonly BarrierKind[][] BarrierPatterns =
    [
        [BarrierKind.LowIncome, BarrierKind.SingleParent],
        [BarrierKind.LowIncome],
        [BarrierKind.Homeless, BarrierKind.LowIncome],
        [BarrierKind.EnglishLanguageLearner, BarrierKind.Cultural],
        [BarrierKind.ExOffender],
        [BarrierKind.BasicSkillsDeficient, BarrierKind.Disability],
    ];

    /// <summary>The partner, the barrier or need, and the outcome of each kind of sample referral; some stay pending.</summary>
    private static readonly (string Partner, BarrierKind Barrier, SupportiveServiceKind Need, ReferralOutcome Outcome)[] Referrals =
    [
        ("mid-ohio-housing", BarrierKind.Homeless, SupportiveServiceKind.Housing, ReferralOutcome.ServiceReceived),
        ("central-ohio-family-services", BarrierKind.SingleParent, SupportiveServiceKind.ChildCare, ReferralOutcome.ServiceReceived),
        ("capital-literacy-council", BarrierKind.BasicSkillsDeficient, SupportiveServiceKind.Unspecified, ReferralOutcome.Declined),
        ("central-ohio-family-services", BarrierKind.LowIncome, SupportiveServiceKind.NeedsRelatedPayments, ReferralOutcome.NotEligible),
        ("mid-ohio-housing", BarrierKind.Unspecified, SupportiveServiceKind.Housing, ReferralOutcome.CouldNotReach),
        ("capital-literacy-council", BarrierKind.EnglishLanguageLearner, SupportiveServiceKind.Unspecified, ReferralOutcome.Pending),
    ];

    /// <summary>Adds what is missing: barriers already recorded, services of a participant who has some, and referrals that exist are left as they are.</summary>
    public async Task LoadAsync(string tenant, string partnership)
    {
        var auth = client.Auth;
        foreach (var (id, name, type) in CommunityPartners)
        {
            await Missing(client.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
            {
                Parent = tenant, OrganizationId = id, Organization = new Organization { DisplayName = name, Type = type },
            }, auth).ResponseAsync);
        }
        static Date On(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 1; i <= Participants; i++)
        {
            var participant = $"{partnership}/participants/p-{i:D4}";
            var entry = new DateOnly(2025, 7, 1).AddDays(i * 2);
            if (i % 3 == 0)
            {
                await client.ParticipantSupports.RecordBarriersAsync(new RecordBarriersRequest { Name = participant, Barriers = { BarrierPatterns[i / 3 % BarrierPatterns.Length] } }, auth);
            }
            if (i % 6 == 0 && entry.AddDays(21) <= today
                && (await client.ParticipantSupports.ListSupportiveServicesAsync(new ListSupportiveServicesRequest { Parent = participant, PageSize = 1 }, auth)).SupportiveServices.Count == 0)
            {
                await RecordServiceAsync(participant, entry.AddDays(7), SupportiveServiceKind.Transportation, 85, "");
                await RecordServiceAsync(participant, entry.AddDays(14), SupportiveServiceKind.ToolsAndWorkClothing, 120, "");
                if (i % 12 == 0)
                {
                    await RecordServiceAsync(participant, entry.AddDays(21), SupportiveServiceKind.ChildCare, 640, $"{tenant}/organizations/central-ohio-family-services");
                }
            }
            var referredOn = entry.AddDays(10);
            if (i % 9 == 0 && referredOn.AddDays(14) <= today)
            {
                var (partner, barrier, need, outcome) = Referrals[i / 9 % Referrals.Length];
                var referral = await Missing(client.ParticipantSupports.CreateReferralAsync(new CreateReferralRequest
                {
                    Parent = participant, ReferralId = "community-1",
                    Referral = new Referral { Organization = $"{tenant}/organizations/{partner}", Barrier = barrier, Need = need, ReferralDate = On(referredOn) },
                }, auth).ResponseAsync) ?? await client.ParticipantSupports.GetReferralAsync(new GetReferralRequest { Name = $"{participant}/referrals/community-1" }, auth);
                if (outcome != ReferralOutcome.Pending && referral.Outcome == ReferralOutcome.Pending)
                {
                    await client.ParticipantSupports.RecordReferralOutcomeAsync(new RecordReferralOutcomeRequest
                    {
                        Name = referral.Name, Outcome = outcome, OutcomeDate = On(referredOn.AddDays(14)),
                    }, auth);
                }
            }
        }

        async Task RecordServiceAsync(string participant, DateOnly date, SupportiveServiceKind kind, long dollars, string providedBy) =>
            await client.ParticipantSupports.RecordSupportiveServiceAsync(new RecordSupportiveServiceRequest
            {
                Name = participant,
                SupportiveService = new SupportiveService { Date = On(date), Kind = kind, Amount = new Money { CurrencyCode = "USD", Units = dollars }, ProvidedBy = providedBy },
            }, auth);
    }

    /// <summary>What the call created, or null when it was there already.</summary>
    private static async Task<T?> Missing<T>(Task<T> create) where T : class
    {
        try
        {
            return await create;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            return null;
        }
    }
}
