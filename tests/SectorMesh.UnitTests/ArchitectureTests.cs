using NetArchTest.Rules;
using SectorMesh.Domain;

namespace SectorMesh.UnitTests;

/// <summary>
/// The layers of every service folder: a domain free of infrastructure that does not reach into its own API or data, and
/// the rules of the Framework or a program as named business rules where a newcomer looks for them.
/// </summary>
public class ArchitectureTests
{
    private static readonly string[] Infrastructure =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Grpc", "Google.Protobuf",
        "MassTransit", "Npgsql", "StackExchange.Redis", "SectorMesh.Contracts", "SectorMesh.Messaging", "SectorMesh.ServiceDefaults",
    ];

    private static string DomainOf(string service) => $"{ServiceFolders.ProjectOf(service)}.Domain";

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_service_has_its_api_domain_and_data_folders(string service)
    {
        var missing = new[] { "Api", "Domain", "Data", "Domain/Rules" }
            .Where(folder => !Directory.Exists(Path.Combine(ServiceFolders.Root, "services", service, folder)));

        Assert.True(!missing.Any(), $"services/{service} lacks {string.Join(", ", missing)}.");
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_services_domain_references_no_infrastructure(string service)
    {
        var result = Types.InAssembly(ServiceFolders.AssemblyOf(service))
            .That().ResideInNamespace(DomainOf(service))
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.True(result.IsSuccessful, $"services/{service}: domain types using infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_services_domain_does_not_reach_into_its_api_or_data_layers(string service)
    {
        var project = ServiceFolders.ProjectOf(service);
        var result = Types.InAssembly(ServiceFolders.AssemblyOf(service))
            .That().ResideInNamespace(DomainOf(service))
            .ShouldNot().HaveDependencyOnAny($"{project}.Api", $"{project}.Data")
            .GetResult();

        Assert.True(result.IsSuccessful, $"services/{service}: domain types using outer layers: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_services_business_rules_are_named_in_its_domain_rules(string service)
    {
        var rules = ServiceFolders.AssemblyOf(service).GetTypes().Where(t => t.IsAssignableTo(typeof(IBusinessRule)) && !t.IsAbstract).ToList();
        var elsewhere = rules.Where(t => t.Namespace != $"{DomainOf(service)}.Rules").Select(t => t.FullName);

        Assert.True(rules.Count > 0, $"services/{service} names no business rule: each rule it enforces is an IBusinessRule in Domain/Rules.");
        Assert.True(!elsewhere.Any(), $"services/{service}: business rules outside Domain/Rules: {string.Join(", ", elsewhere)}.");
    }

    [Fact]
    public void The_shared_domain_kernel_references_no_infrastructure()
    {
        var result = Types.InAssembly(typeof(AggregateRoot).Assembly)
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.True(result.IsSuccessful, "Kernel types using infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
