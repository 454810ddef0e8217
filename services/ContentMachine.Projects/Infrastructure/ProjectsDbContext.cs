using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;

namespace ContentMachine.Projects.Infrastructure;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    /// <summary>The events the tracked projects raised go to the outbox in the same transaction as their changes.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var raising = ChangeTracker.Entries<Project>().Select(e => e.Entity).Where(p => p.PendingEvents.Count > 0).ToList();
        foreach (var project in raising)
            foreach (var message in project.PendingEvents)
                this.AddIntegrationEvent(message);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        raising.ForEach(p => p.ClearPendingEvents());
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Project>(project =>
        {
            project.HasKey(p => p.Id);
            project.Property(p => p.Topic).HasMaxLength(200);
            project.Property(p => p.Title).HasMaxLength(Project.MaxTitleLength);
            project.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            project.Property(p => p.FailedStage).HasMaxLength(32);
            project.Property(p => p.FailureReason).HasMaxLength(2000);
            project.Property(p => p.Description).HasMaxLength(5000);
            project.Property(p => p.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
            project.Property(p => p.Options).HasJsonConversion();
            project.Ignore(p => p.PendingEvents);
            project.HasIndex(p => new { p.Status, p.Id });
            project.HasIndex(p => p.CreatedAt);
            project.HasMany(p => p.Stages).WithOne().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
            project.HasMany(p => p.Scenes).WithOne().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
            project.HasMany(p => p.Publications).WithOne().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
            project.OwnsOne(p => p.Video, video =>
            {
                video.Property(v => v.VideoKey).HasMaxLength(1024);
                video.Property(v => v.CoverKey).HasMaxLength(1024);
                video.Property(v => v.Sha256).HasMaxLength(64);
            });
            project.Navigation(p => p.Stages).AutoInclude();
            project.Navigation(p => p.Publications).AutoInclude();
        });
        model.Entity<ProjectStage>(stage =>
        {
            stage.ToTable("ProjectStages");
            stage.HasKey(s => new { s.ProjectId, s.Name });
            stage.Property(s => s.Name).HasMaxLength(32);
            stage.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            stage.Property(s => s.Error).HasMaxLength(2000);
        });
        model.Entity<Scene>(scene =>
        {
            scene.ToTable("Scenes");
            scene.HasKey(s => new { s.ProjectId, s.Sequence });
            scene.Property(s => s.Text).HasMaxLength(2000);
            scene.Property(s => s.VisualPrompt).HasMaxLength(1000);
        });
        model.Entity<Publication>(publication =>
        {
            publication.ToTable("Publications");
            publication.HasKey(p => new { p.ProjectId, p.Platform });
            publication.Property(p => p.Platform).HasMaxLength(16);
            publication.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            publication.Property(p => p.Url).HasMaxLength(2000);
            publication.Property(p => p.Error).HasMaxLength(2000);
        });
        model.Entity<IdempotencyKey>(key =>
        {
            key.HasKey(k => k.Key);
            key.Property(k => k.Key).HasMaxLength(IdempotencyKey.MaxLength);
            key.Property(k => k.RequestHash).HasMaxLength(64);
            key.HasIndex(k => k.CreatedAt);
        });
        model.AddOutboxAndInbox();
        model.UseSnakeCaseNames();
    }
}
