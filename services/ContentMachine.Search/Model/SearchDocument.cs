namespace ContentMachine.Search.Model;

/// <summary>A piece of content the search index knows (a project's script and metadata).</summary>
public sealed class SearchDocument
{
    public const int MaxIdLength = 200;
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 20_000;

    public string Id { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static SearchDocument Create(string id) => new() { Id = id };

    public void Update(string title, string text, DateTimeOffset now)
    {
        Title = title;
        Text = text;
        UpdatedAt = now;
    }
}
