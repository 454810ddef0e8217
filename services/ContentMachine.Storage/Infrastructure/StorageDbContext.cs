using ContentMachine.ServiceDefaults.Data;

namespace ContentMachine.Storage.Infrastructure;

public sealed class StorageDbContext(DbContextOptions<StorageDbContext> options) : DbContext(options)
{
    public DbSet<StoredObject> Objects => Set<StoredObject>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<StoredObject>(o =>
        {
            o.ToTable("objects");
            o.HasKey(x => x.Key);
            o.Property(x => x.Key).HasMaxLength(ObjectKey.MaxBytes).UseCollation("C");
            o.Property(x => x.Sha256).HasMaxLength(64);
            o.Property(x => x.ContentType).HasMaxLength(255);
            o.Property(x => x.Kind).HasMaxLength(16);
            o.Ignore(x => x.ETag);
            o.HasIndex(x => x.OwnerProjectId);
            o.HasIndex(x => x.ExpiresAt).HasFilter("expires_at IS NOT NULL");
        });
        model.UseSnakeCaseNames();
    }
}
