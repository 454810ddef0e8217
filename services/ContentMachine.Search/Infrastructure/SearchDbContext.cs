using ContentMachine.ServiceDefaults.Data;

namespace ContentMachine.Search.Infrastructure;

public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options) : DbContext(options)
{
    public DbSet<SearchDocument> Documents => Set<SearchDocument>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<SearchDocument>(d =>
        {
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).HasMaxLength(SearchDocument.MaxIdLength);
            d.Property(x => x.Title).HasMaxLength(SearchDocument.MaxTitleLength);
            d.Property(x => x.Text).HasMaxLength(SearchDocument.MaxTextLength);
        });
        model.UseSnakeCaseNames();
    }
}
