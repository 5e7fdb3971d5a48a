using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SectorMesh.Metrics.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service and its broker.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MetricsDbContext>
{
    public MetricsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MetricsDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
