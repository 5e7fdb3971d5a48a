using SectorMesh.Partnerships;

var builder = WebApplication.CreateBuilder(args);
builder.AddPartnershipsService();

var app = builder.Build();
if (args.Contains("migrate"))
{
    // Run as its own step (the AppHost's migration resource, a Kubernetes Job) so replicas never race to migrate.
    await app.MigrateDatabaseAsync();
    return;
}
app.MapPartnershipsService();
app.Run();
