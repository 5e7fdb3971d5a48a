using SectorMesh.Contracts;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>Between the messages of work-based learning, worker voice and capacity building and their aggregates.</summary>
public static class ServiceDeliveryMapping
{
    public static V1.WorkBasedLearningOpportunity ToProto(this WorkBasedLearningOpportunity o) => new()
    {
        Name = Names.WorkBasedLearning.Format(o.TenantId, o.PartnershipId, o.Id),
        DisplayName = o.DisplayName,
        Kind = o.Kind.ToProto<WorkBasedLearningKind, V1.WorkBasedLearningKind>(),
        RapidsProgramNumber = o.RapidsProgramNumber ?? "",
        Employer = Names.Organization.Format(o.TenantId, o.EmployerId),
        CareerPathway = Names.CareerPathway.Format(o.TenantId, o.PartnershipId, o.CareerPathwayId),
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
        Name = f.Anonymous ? "" : Names.WorkerFeedback.Format(f.TenantId, f.PartnershipId, f.Id),
        Subject = f.Subject.ToProto<WorkerFeedbackSubject, V1.WorkerFeedbackSubject>(),
        Barrier = f.Barrier is { } barrier ? barrier.ToProto<FeedbackBarrier, V1.FeedbackBarrier>() : V1.FeedbackBarrier.Unspecified,
        Program = f.ProgramId is null ? "" : Names.Program.Format(f.TenantId, f.ProgramId),
        Employer = f.EmployerId is null ? "" : Names.Organization.Format(f.TenantId, f.EmployerId),
        Rating = f.Rating,
        Comment = f.Comment,
        FeedbackDate = ((DateOnly?)f.FeedbackDate).ToProto(),
        Anonymous = f.Anonymous,
        Participant = f.ParticipantId is null ? "" : Names.Participant.Format(f.TenantId, f.PartnershipId, f.ParticipantId),
    };

    public static V1.WorkerVoiceGroup ToProto(this WorkerVoiceGroup g, string tenant) => new()
    {
        Subject = g.Topic.Subject.ToProto<WorkerFeedbackSubject, V1.WorkerFeedbackSubject>(),
        Barrier = g.Topic.Barrier is { } barrier ? barrier.ToProto<FeedbackBarrier, V1.FeedbackBarrier>() : V1.FeedbackBarrier.Unspecified,
        Program = g.Topic.ProgramId is null ? "" : Names.Program.Format(tenant, g.Topic.ProgramId),
        Employer = g.Topic.EmployerId is null ? "" : Names.Organization.Format(tenant, g.Topic.EmployerId),
        Withheld = g.Withheld,
        Responses = g.Responses,
        AverageRating = (double)g.AverageRating,
        Note = g.Note,
    };

    public static V1.CapacityBuildingActivity ToProto(this CapacityBuildingActivity a) => new()
    {
        Name = Names.CapacityBuilding.Format(a.TenantId, a.PartnershipId, a.Id),
        Audience = a.Audience.ToProto<CapacityBuildingAudience, V1.CapacityBuildingAudience>(),
        Topic = a.Topic,
        ActivityDate = ((DateOnly?)a.ActivityDate).ToProto(),
        Hours = (double)a.Hours,
        PeopleTrained = a.PeopleTrained,
        Provider = a.ProviderId is null ? "" : Names.Organization.Format(a.TenantId, a.ProviderId),
    };
}
