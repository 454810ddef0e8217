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
            run.Property(r => r.Stage).HasMaxLength(32);
            run.Property(r => r.Worker).HasMaxLength(200);
            run.Property(r => r.Error).HasMaxLength(Run.MaxErrorLength);
            run.Property(r => r.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
            run.HasIndex(r => new { r.ProjectId, r.CreatedAt });
            run.HasMany(r => r.Stages).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
            run.Navigation(r => r.Stages).AutoInclude();
        });
        model.Entity<RunStage>(stage =>
        {
            stage.ToTable("run_stages");
            stage.HasKey(s => new { s.RunId, s.Name });
            stage.Property(s => s.Name).HasMaxLength(32);
            stage.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            stage.Property(s => s.Output).HasColumnType("jsonb");
            stage.Property(s => s.Error).HasMaxLength(Run.MaxErrorLength);
        });
        model.AddOutboxAndInbox();
        model.UseSnakeCaseNames();
    }
}
