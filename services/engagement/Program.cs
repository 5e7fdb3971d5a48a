using SectorMesh.Engagement;
using SectorMesh.Engagement.Data;
using SectorMesh.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngagementService();

var app = builder.Build();
if (args.Contains("migrate"))
{
    await app.MigrateDatabaseAsync<EngagementDbContext>();
    return;
}
if (args.Contains("wait-for-migrations"))
{
    await app.WaitForMigrationsAsync<EngagementDbContext>();
    return;
}
app.MapEngagementService();
app.Run();
