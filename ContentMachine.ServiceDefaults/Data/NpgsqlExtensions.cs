using ContentMachine.ServiceDefaults.Configuration;
using ContentMachine.ServiceDefaults.Health;
using Microsoft.EntityFrameworkCore;

namespace ContentMachine.ServiceDefaults.Data;

public static class NpgsqlExtensions
{
    /// <summary>The service's own database (<c>ConnectionStrings__{connectionName}</c>): a pooled DbContext with
    /// transient-failure retries, a /health check named after the database, and migrations applied at start.</summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = ConnectionStrings.Require(builder.Configuration, connectionName);
        builder.Services.AddDbContextPool<TContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3)));
        builder.Services.AddHealthChecks().AddDependencyCheck(connectionName,
            sp => ActivatorUtilities.CreateInstance<DbContextHealthCheck<TContext>>(sp));
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        return builder;
    }
}
