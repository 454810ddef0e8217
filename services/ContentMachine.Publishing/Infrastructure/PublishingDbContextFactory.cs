using Microsoft.EntityFrameworkCore.Design;

namespace ContentMachine.Publishing.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c>, which never connects.</summary>
internal sealed class PublishingDbContextFactory : IDesignTimeDbContextFactory<PublishingDbContext>
{
    public PublishingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PublishingDbContext>().UseNpgsql("Host=localhost;Database=publishingdb").Options);
}
