using Microsoft.EntityFrameworkCore.Design;

namespace ContentMachine.Projects.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c>, which never connects.</summary>
internal sealed class ProjectsDbContextFactory : IDesignTimeDbContextFactory<ProjectsDbContext>
{
    public ProjectsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProjectsDbContext>().UseNpgsql("Host=localhost;Database=projectsdb").Options);
}
