using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;

namespace ContentMachine.Publishing.Infrastructure;

public sealed class PublishingDbContext(DbContextOptions<PublishingDbContext> options) : DbContext(options)
{
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<YouTubeConnection> YouTubeConnections => Set<YouTubeConnection>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Publication>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Platform).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.VideoKey).HasMaxLength(1024);
            p.Property(x => x.CoverKey).HasMaxLength(1024);
            p.Property(x => x.Title).HasMaxLength(500);
            p.Property(x => x.Description).HasMaxLength(20000);
            p.Property(x => x.Hashtags).HasJsonConversion();
            p.Property(x => x.Url).HasMaxLength(2048);
            p.Property(x => x.PlatformId).HasMaxLength(200);
            p.Property(x => x.ExportKey).HasMaxLength(1024);
            p.Property(x => x.Error).HasMaxLength(Publication.MaxErrorLength);
            p.Property(x => x.UploadSessionUri).HasMaxLength(4096);
            p.Property(x => x.LeaseOwner).HasMaxLength(200);
            p.Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
            p.HasIndex(x => new { x.ProjectId, x.Platform }).IsUnique();
            p.HasIndex(x => new { x.Status, x.NextAttemptAt });
            p.HasMany(x => x.Attempts).WithOne().HasForeignKey(a => a.PublicationId).OnDelete(DeleteBehavior.Cascade);
            p.Navigation(x => x.Attempts).AutoInclude().UsePropertyAccessMode(PropertyAccessMode.Field);
            p.Ignore(x => x.CurrentAttempt);
            p.Ignore(x => x.Content);
        });
        model.Entity<PublicationAttempt>(a =>
        {
            a.ToTable("publication_attempts");
            a.HasKey(x => new { x.PublicationId, x.Number });
            a.Property(x => x.Worker).HasMaxLength(200);
            a.Property(x => x.Outcome).HasMaxLength(32);
            a.Property(x => x.Error).HasMaxLength(PublicationAttempt.MaxErrorLength);
        });
        model.Entity<YouTubeConnection>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).HasMaxLength(32);
            c.Property(x => x.Scope).HasMaxLength(500);
        });
        model.Entity<DataProtectionKey>(k =>
        {
            k.HasKey(x => x.Id);
            k.Property(x => x.FriendlyName).HasMaxLength(200);
        });
        model.AddOutboxAndInbox();
        model.UseSnakeCaseNames();
    }
}
