using SectorMesh.Engagement;
using SectorMesh.Engagement.Data;
using SectorMesh.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngagementService();

var app = builder.Build();
if (await app.RunCommandAsync<EngagementDbContext>(args))
{
    return;
}
app.MapEngagementService();
app.Run();
