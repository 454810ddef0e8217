using ContentMachine.ServiceDefaults.Data;

namespace ContentMachine.Publishing.Infrastructure;

public sealed class PublishingDbContext(DbContextOptions<PublishingDbContext> options) : DbContext(options)
{
    public DbSet<Publication> Publications => Set<Publication>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Publication>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Platform).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            p.HasIndex(x => new { x.ProjectId, x.Platform }).IsUnique();
        });
        model.UseSnakeCaseNames();
    }
}
