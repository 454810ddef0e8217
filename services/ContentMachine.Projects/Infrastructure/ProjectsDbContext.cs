using ContentMachine.ServiceDefaults.Data;

namespace ContentMachine.Projects.Infrastructure;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Project>(project =>
        {
            project.HasKey(p => p.Id);
            project.Property(p => p.Topic).HasMaxLength(200);
            project.Property(p => p.Title).HasMaxLength(Project.MaxTitleLength);
            project.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            project.HasIndex(p => new { p.CreatedAt, p.Id });
        });
        model.UseSnakeCaseNames();
    }
}
