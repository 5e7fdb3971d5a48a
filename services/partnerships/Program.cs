using SectorMesh.Partnerships;
using SectorMesh.Partnerships.Data;
using SectorMesh.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddPartnershipsService();

var app = builder.Build();
if (args.Contains("migrate"))
{
    // Run as its own step (the AppHost's migration resource, a Kubernetes Job) so replicas never race to migrate.
    await app.MigrateDatabaseAsync<PartnershipsDbContext>();
    return;
}
if (args.Contains("wait-for-migrations"))
{
    // A Kubernetes init container: the service starts only once the migration Job has finished.
    await app.WaitForMigrationsAsync<PartnershipsDbContext>();
    return;
}
app.MapPartnershipsService();
app.Run();
