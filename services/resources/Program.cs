using SectorMesh.Resources;
using SectorMesh.Resources.Data;
using SectorMesh.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddResourcesService();

var app = builder.Build();
if (await app.RunCommandAsync<ResourcesDbContext>(args))
{
    return;
}
app.MapResourcesService();
app.Run();
