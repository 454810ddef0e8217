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
            o.Property(x => x.Key).HasMaxLength(ObjectKey.MaxBytes);
            o.Property(x => x.Sha256).HasMaxLength(64);
            o.Property(x => x.ContentType).HasMaxLength(255);
        });
        model.UseSnakeCaseNames();
    }
}
