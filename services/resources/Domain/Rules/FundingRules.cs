using SectorMesh.Domain;

namespace SectorMesh.Resources.Domain.Rules;

/// <summary>A funding source goes prospect → applied → awarded → spent, or ends declined; it does not go back.</summary>
public sealed record FundingStatusMovesForward(FundingStatus From, FundingStatus To) : IBusinessRule
{
    private static readonly Dictionary<FundingStatus, FundingStatus[]> Next = new()
    {
        [FundingStatus.Prospect] = [FundingStatus.Applied, FundingStatus.Awarded, FundingStatus.Declined],
        [FundingStatus.Applied] = [FundingStatus.Awarded, FundingStatus.Declined],
        [FundingStatus.Awarded] = [FundingStatus.Spent],
        [FundingStatus.Declined] = [],
        [FundingStatus.Spent] = [],
    };

    public string Message => $"A funding source that is {From.ToString().ToLowerInvariant()} cannot become {To.ToString().ToLowerInvariant()}.";

    public bool IsBroken() => !Next[From].Contains(To);
}
