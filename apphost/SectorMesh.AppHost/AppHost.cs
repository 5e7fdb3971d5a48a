using SectorMesh.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Containers where an engine answers; otherwise the servers installed from Debian's packages.
var servers = BackingServers.Add(builder);

// One line per service: its database, migration step, broker, cache and the addresses of all the others come from
// PlatformServices.Add.
// Fixed ports (partnerships 5101, resources 5102, engagement 5103, pathways 5104, from each service's launchSettings.json) so the benchmark
// and a developer's gRPC client can reach them directly.
var services = new PlatformServices(builder, servers);
services.Add<Projects.SectorMesh_Partnerships>("partnerships");
services.Add<Projects.SectorMesh_Resources>("resources");
services.Add<Projects.SectorMesh_Engagement>("engagement");
services.Add<Projects.SectorMesh_Pathways>("pathways");
services.Add<Projects.SectorMesh_Metrics>("metrics");

var gateway = builder.AddProject<Projects.SectorMesh_Gateway>("gateway")
    .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
    .WithEndpoint("grpc", endpoint => endpoint.IsProxied = false)
    .WithServices(services)
    .WithServerReference(servers.Redis)
    // The sample's first load makes about two thousand calls within a minute, past the gateway's own default of 600.
    .WithEnvironment("Gateway__PermitsPerWindow", builder.Configuration["Gateway:PermitsPerWindow"] ?? "5000")
    .WithHttpHealthCheck("/health/ready", endpointName: "http");

// The staff web application, opened at the gateway's root; it calls the API back through the gateway with each user's token.
var web = builder.AddProject<Projects.SectorMesh_Web>("web")
    .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
    .WithReference(gateway)
    .WithServerReference(servers.Redis)
    .WithHttpHealthCheck("/health/ready", endpointName: "http");
gateway.WithReference(web);

if (builder.Configuration["SampleData"] != "false")
{
    builder.AddProject<Projects.SectorMesh_SampleData>("sample-data")
        .WithEnvironment("Gateway__Url", gateway.GetEndpoint("grpc"))
        .WithEnvironment("Gateway__JsonUrl", gateway.GetEndpoint("http"))
        .WaitFor(gateway);
}

builder.Build().Run();
