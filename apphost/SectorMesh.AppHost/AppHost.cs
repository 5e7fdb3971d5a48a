using SectorMesh.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Containers where an engine answers; otherwise the servers installed from Debian's packages.
var servers = BackingServers.Add(builder);

var migrations = builder.AddProject<Projects.SectorMesh_Partnerships>("partnerships-migrations", launchProfileName: null)
    .WithArgs("migrate")
    .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithServerReference(servers.PartnershipsDatabase)
    .WithServerReference(servers.RabbitMq);

var partnerships = builder.AddProject<Projects.SectorMesh_Partnerships>("partnerships")
    // Fixed ports (partnerships 5101, resources 5102) so the benchmark and a developer's gRPC client can reach the services directly.
    .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
    .WithServerReference(servers.PartnershipsDatabase)
    .WithServerReference(servers.RabbitMq)
    .WithServerReference(servers.Redis)
    .WaitForCompletion(migrations);

var resourcesMigrations = builder.AddProject<Projects.SectorMesh_Resources>("resources-migrations", launchProfileName: null)
    .WithArgs("migrate")
    .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithServerReference(servers.ResourcesDatabase)
    .WithServerReference(servers.RabbitMq);

var resources = builder.AddProject<Projects.SectorMesh_Resources>("resources")
    .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
    .WithServerReference(servers.ResourcesDatabase)
    .WithServerReference(servers.RabbitMq)
    .WithServerReference(servers.Redis)
    .WithReference(partnerships)
    .WaitForCompletion(resourcesMigrations);

var gateway = builder.AddProject<Projects.SectorMesh_Gateway>("gateway")
    .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
    .WithEndpoint("grpc", endpoint => endpoint.IsProxied = false)
    .WithReference(partnerships)
    .WithReference(resources)
    .WithServerReference(servers.Redis)
    .WithEnvironment("Gateway__PermitsPerWindow", builder.Configuration["Gateway:PermitsPerWindow"] ?? "600")
    .WithHttpHealthCheck("/health/ready", endpointName: "http")
    .WaitFor(partnerships)
    .WaitFor(resources);

if (builder.Configuration["SampleData"] != "false")
{
    builder.AddProject<Projects.SectorMesh_SampleData>("sample-data")
        .WithEnvironment("Gateway__Url", gateway.GetEndpoint("grpc"))
        .WithEnvironment("Gateway__JsonUrl", gateway.GetEndpoint("http"))
        .WaitFor(gateway);
}

builder.Build().Run();
