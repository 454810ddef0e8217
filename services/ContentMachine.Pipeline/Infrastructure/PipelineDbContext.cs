using ContentMachine.ServiceDefaults.Data;

namespace ContentMachine.Pipeline.Infrastructure;

public sealed class PipelineDbContext(DbContextOptions<PipelineDbContext> options) : DbContext(options)
{
    public DbSet<Run> Runs => Set<Run>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Run>(run =>
        {
            run.HasKey(r => r.Id);
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            run.HasIndex(r => new { r.ProjectId, r.CreatedAt });
        });
        model.UseSnakeCaseNames();
    }
}
