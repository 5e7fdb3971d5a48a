using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>Between the messages of work-based learning, worker voice and capacity building and their aggregates.</summary>
public static class ServiceDeliveryMapping
{
    public static string Organization(string tenant, string id) => $"tenants/{tenant}/organizations/{id}";

    public static string Opportunity(string tenant, string partnership, string id) => $"{Names.Partnership(tenant, partnership)}/workBasedLearning/{id}";

    public static string Feedback(string tenant, string partnership, string id) => $"{Names.Partnership(tenant, partnership)}/workerFeedback/{id}";

    public static string Activity(string tenant, string partnership, string id) => $"{Names.Partnership(tenant, partnership)}/capacityBuilding/{id}";

    public static V1.WorkBasedLearningOpportunity ToProto(this WorkBasedLearningOpportunity o) => new()
    {
        Name = Opportunity(o.TenantId, o.PartnershipId, o.Id),
        DisplayName = o.DisplayName,
        Kind = o.Kind.ToProto<WorkBasedLearningKind, V1.WorkBasedLearningKind>(),
        RapidsProgramNumber = o.RapidsProgramNumber ?? "",
        Employer = Organization(o.TenantId, o.EmployerId),
        CareerPathway = Names.CareerPathway(o.TenantId, o.PartnershipId, o.CareerPathwayId),
        PathwayStep = o.PathwayStep,
        Occupation = o.Occupation,
        StartDate = ((DateOnly?)o.StartDate).ToProto(),
        EndDate = o.EndDate.ToProto(),
        HourlyWage = o.HourlyWage is { } wage ? ProtoConversions.ToProtoMoney(wage, PathwaysMapping.Currency) : null,
        PlacesOffered = o.PlacesOffered,
        PlacesFilled = o.PlacesFilled,
    };

    /// <summary>Anonymous feedback goes out without its name: it cannot be read back alone, only in the summary.</summary>
    public static V1.WorkerFeedback ToProto(this WorkerFeedback f) => new()
    {
        Name = f.Anonymous ? "" : Feedback(f.TenantId, f.PartnershipId, f.Id),
        Subject = f.Subject.ToProto<WorkerFeedbackSubject, V1.WorkerFeedbackSubject>(),
        Barrier = f.Barrier is { } barrier ? barrier.ToProto<FeedbackBarrier, V1.FeedbackBarrier>() : V1.FeedbackBarrier.Unspecified,
        Program = f.ProgramId is null ? "" : Names.Program(f.TenantId, f.ProgramId),
        Employer = f.EmployerId is null ? "" : Organization(f.TenantId, f.EmployerId),
        Rating = f.Rating,
        Comment = f.Comment,
        FeedbackDate = ((DateOnly?)f.FeedbackDate).ToProto(),
        Anonymous = f.Anonymous,
        Participant = f.ParticipantId is null ? "" : Names.Participant(f.TenantId, f.PartnershipId, f.ParticipantId),
    };

    public static V1.WorkerVoiceGroup ToProto(this WorkerVoiceGroup g, string tenant) => new()
    {
        Subject = g.Topic.Subject.ToProto<WorkerFeedbackSubject, V1.WorkerFeedbackSubject>(),
        Barrier = g.Topic.Barrier is { } barrier ? barrier.ToProto<FeedbackBarrier, V1.FeedbackBarrier>() : V1.FeedbackBarrier.Unspecified,
        Program = g.Topic.ProgramId is null ? "" : Names.Program(tenant, g.Topic.ProgramId),
        Employer = g.Topic.EmployerId is null ? "" : Organization(tenant, g.Topic.EmployerId),
        Withheld = g.Withheld,
        Responses = g.Responses,
        AverageRating = (double)g.AverageRating,
        Note = g.Note,
    };

    public static V1.CapacityBuildingActivity ToProto(this CapacityBuildingActivity a) => new()
    {
        Name = Activity(a.TenantId, a.PartnershipId, a.Id),
        Audience = a.Audience.ToProto<CapacityBuildingAudience, V1.CapacityBuildingAudience>(),
        Topic = a.Topic,
        ActivityDate = ((DateOnly?)a.ActivityDate).ToProto(),
        Hours = (double)a.Hours,
        PeopleTrained = a.PeopleTrained,
        Provider = a.ProviderId is null ? "" : Organization(a.TenantId, a.ProviderId),
    };
}
