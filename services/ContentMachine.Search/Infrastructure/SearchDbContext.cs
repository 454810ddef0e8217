using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;

namespace ContentMachine.Search.Infrastructure;

public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options) : DbContext(options)
{
    public DbSet<SearchDocument> Documents => Set<SearchDocument>();
    public DbSet<EmbeddedVector> EmbeddedVectors => Set<EmbeddedVector>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<SearchDocument>(d =>
        {
            d.ToTable("SearchDocuments");
            d.HasKey(x => x.ProjectId);
            d.Property(x => x.ProjectId).ValueGeneratedNever();
            d.Property(x => x.Title).HasMaxLength(SearchDocument.MaxTitleLength);
            d.Property(x => x.Topic).HasMaxLength(SearchDocument.MaxTopicLength);
            d.Property(x => x.Archetype).HasMaxLength(32);
            d.Property(x => x.Status).HasMaxLength(16);
            d.Property(x => x.Script).HasMaxLength(SearchDocument.MaxScriptLength);
            d.Ignore(x => x.IsDeleted);
            d.Ignore(x => x.EmbeddingText);
        });
        model.Entity<EmbeddedVector>(v =>
        {
            v.ToTable("EmbeddedVectors");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Vector).HasColumnType("real[]");
            v.Property(x => x.Payload).HasJsonConversion();
        });
        model.AddOutboxAndInbox();
        model.UseSnakeCaseNames();
    }
}
