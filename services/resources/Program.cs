using SectorMesh.Resources;
using SectorMesh.Resources.Data;
using SectorMesh.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddResourcesService();

var app = builder.Build();
if (args.Contains("migrate"))
{
    await app.MigrateDatabaseAsync<ResourcesDbContext>();
    return;
}
if (args.Contains("wait-for-migrations"))
{
    await app.WaitForMigrationsAsync<ResourcesDbContext>();
    return;
}
app.MapResourcesService();
app.Run();
