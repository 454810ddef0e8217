using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;

namespace ContentMachine.Pipeline.Infrastructure;

public sealed class PipelineDbContext(DbContextOptions<PipelineDbContext> options) : DbContext(options)
{
    public DbSet<Run> Runs => Set<Run>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Run>(run =>
        {
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).ValueGeneratedNever();
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            run.Property(r => r.Topic).HasMaxLength(200);
            run.Property(r => r.Title).HasMaxLength(100);
            run.Property(r => r.Options).HasJsonConversion();
            run.HasIndex(r => new { r.ProjectId, r.CreatedAt });
        });
        model.AddOutboxAndInbox();
        model.UseSnakeCaseNames();
    }
}
