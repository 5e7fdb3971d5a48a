using SectorMesh.Messaging;
using SectorMesh.Pathways;
using SectorMesh.Pathways.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPathwaysService();

var app = builder.Build();
if (await app.RunCommandAsync<PathwaysDbContext>(args))
{
    return;
}
app.MapPathwaysService();
app.Run();
