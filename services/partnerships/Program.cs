using SectorMesh.Partnerships;
using SectorMesh.Partnerships.Data;
using SectorMesh.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddPartnershipsService();

var app = builder.Build();
var commands = new Dictionary<string, Func<WebApplication, Task>> { [PartnershipSnapshots.Command] = a => a.RepublishAsync(args) };
if (await app.RunCommandAsync<PartnershipsDbContext>(args, commands))
{
    return;
}
app.MapPartnershipsService();
app.Run();
