using SectorMesh.Messaging;
using SectorMesh.Metrics;
using SectorMesh.Metrics.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddMetricsService();

var app = builder.Build();
if (await app.RunCommandAsync<MetricsDbContext>(args))
{
    return;
}
app.MapMetricsService();
app.Run();
