using Microsoft.EntityFrameworkCore.Design;

namespace ContentMachine.Search.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c>, which never connects.</summary>
internal sealed class SearchDbContextFactory : IDesignTimeDbContextFactory<SearchDbContext>
{
    public SearchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SearchDbContext>().UseNpgsql("Host=localhost;Database=searchdb").Options);
}
