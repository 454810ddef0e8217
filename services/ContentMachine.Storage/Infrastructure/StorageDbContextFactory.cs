using Microsoft.EntityFrameworkCore.Design;

namespace ContentMachine.Storage.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c>, which never connects.</summary>
internal sealed class StorageDbContextFactory : IDesignTimeDbContextFactory<StorageDbContext>
{
    public StorageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StorageDbContext>().UseNpgsql("Host=localhost;Database=storagedb").Options);
}
