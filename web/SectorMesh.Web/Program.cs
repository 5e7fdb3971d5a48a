using SectorMesh.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddStaffWeb();

var app = builder.Build();
app.MapStaffWeb();
app.Run();
