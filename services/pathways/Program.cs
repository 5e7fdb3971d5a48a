using SectorMesh.Messaging;
using SectorMesh.Pathways;
using SectorMesh.Pathways.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPathwaysService();

var app = builder.Build();
var commands = new Dictionary<string, Func<WebApplication, Task>> { [ParticipationPeriodSnapshots.Command] = a => a.RepublishAsync(args) };
if (await app.RunCommandAsync<PathwaysDbContext>(args, commands))
{
    return;
}
app.MapPathwaysService();
app.Run();
