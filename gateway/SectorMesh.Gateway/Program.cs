using SectorMesh.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
if (args.Contains(TokenCommand.Name))
{
    return TokenCommand.Run(app, args);
}
app.MapGateway();
app.Run();
return 0;
