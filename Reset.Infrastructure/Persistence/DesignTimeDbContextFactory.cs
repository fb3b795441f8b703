using Microsoft.EntityFrameworkCore.Design;

namespace Reset.Infrastructure.Persistence;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without the service's configuration. Adding a
/// migration never connects, so the connection string only has to name the provider's dialect.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ResetDbContext>
{
    public ResetDbContext CreateDbContext(string[] args) =>
        ResetDbContext.ForMaintenance(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=127.0.0.1;Database=reset");
}
