namespace SectorMesh.Resources.Domain;

/// <summary>What this service needs to know of a partnership, as the Partnerships service reports it.</summary>
public sealed record PartnershipRoster(IReadOnlySet<string> CurrentPartners, IReadOnlySet<int> AgreementVersions);
