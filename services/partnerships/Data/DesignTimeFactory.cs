using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SectorMesh.Partnerships.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service and its broker.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PartnershipsDbContext>
{
    public PartnershipsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PartnershipsDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
