using NetArchTest.Rules;
using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain;

namespace SectorMesh.UnitTests;

public class ArchitectureTests
{
    private static readonly string[] Infrastructure =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Grpc", "Google.Protobuf",
        "MassTransit", "Npgsql", "StackExchange.Redis", "SectorMesh.Contracts", "SectorMesh.Messaging", "SectorMesh.ServiceDefaults",
    ];

    [Fact]
    public void The_partnerships_domain_references_no_infrastructure()
    {
        var result = Types.InAssembly(typeof(Partnership).Assembly)
            .That().ResideInNamespace("SectorMesh.Partnerships.Domain")
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.True(result.IsSuccessful, "Domain types using infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_resources_domain_references_no_infrastructure()
    {
        var result = Types.InAssembly(typeof(SectorMesh.Resources.Domain.FundingSource).Assembly)
            .That().ResideInNamespace("SectorMesh.Resources.Domain")
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.True(result.IsSuccessful, "Domain types using infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_engagement_domain_references_no_infrastructure()
    {
        var result = Types.InAssembly(typeof(SectorMesh.Engagement.Domain.SectorSelection).Assembly)
            .That().ResideInNamespace("SectorMesh.Engagement.Domain")
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.True(result.IsSuccessful, "Domain types using infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_shared_domain_kernel_references_no_infrastructure()
    {
        var result = Types.InAssembly(typeof(AggregateRoot).Assembly)
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.True(result.IsSuccessful, "Kernel types using infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_domain_does_not_reach_into_the_api_or_data_layers()
    {
        var result = Types.InAssembly(typeof(Partnership).Assembly)
            .That().ResideInNamespace("SectorMesh.Partnerships.Domain")
            .ShouldNot().HaveDependencyOnAny("SectorMesh.Partnerships.Api", "SectorMesh.Partnerships.Data")
            .GetResult();

        Assert.True(result.IsSuccessful, "Domain types using outer layers: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
