using Microsoft.EntityFrameworkCore.Design;

namespace ContentMachine.Pipeline.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c>, which never connects.</summary>
internal sealed class PipelineDbContextFactory : IDesignTimeDbContextFactory<PipelineDbContext>
{
    public PipelineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PipelineDbContext>().UseNpgsql("Host=localhost;Database=pipelinedb").Options);
}
