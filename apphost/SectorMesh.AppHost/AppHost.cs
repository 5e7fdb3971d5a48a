using SectorMesh.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Containers where an engine answers; otherwise the servers installed from Debian's packages.
var servers = BackingServers.Add(builder);

// Each service: its one-off migration step, then the service once that has finished.
// Fixed ports (partnerships 5101, resources 5102, engagement 5103) so the benchmark and a developer's gRPC client can reach them directly.
var partnerships = builder.AddService<Projects.SectorMesh_Partnerships>("partnerships", servers.PartnershipsDatabase, servers);
var resources = builder.AddService<Projects.SectorMesh_Resources>("resources", servers.ResourcesDatabase, servers)
    .WithReference(partnerships);
var engagement = builder.AddService<Projects.SectorMesh_Engagement>("engagement", servers.EngagementDatabase, servers)
    .WithReference(partnerships);

var gateway = builder.AddProject<Projects.SectorMesh_Gateway>("gateway")
    .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
    .WithEndpoint("grpc", endpoint => endpoint.IsProxied = false)
    .WithReference(partnerships)
    .WithReference(resources)
    .WithReference(engagement)
    .WithServerReference(servers.Redis)
    .WithEnvironment("Gateway__PermitsPerWindow", builder.Configuration["Gateway:PermitsPerWindow"] ?? "600")
    .WithHttpHealthCheck("/health/ready", endpointName: "http")
    .WaitFor(partnerships)
    .WaitFor(resources)
    .WaitFor(engagement);

if (builder.Configuration["SampleData"] != "false")
{
    builder.AddProject<Projects.SectorMesh_SampleData>("sample-data")
        .WithEnvironment("Gateway__Url", gateway.GetEndpoint("grpc"))
        .WithEnvironment("Gateway__JsonUrl", gateway.GetEndpoint("http"))
        .WaitFor(gateway);
}

builder.Build().Run();
