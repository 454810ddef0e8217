namespace ContentMachine.Search.Apis;

public sealed record PutDocumentRequest(string? Title, string? Text);

public sealed record DocumentResponse(string Id, string Title, string Text, DateTimeOffset UpdatedAt)
{
    public static DocumentResponse From(SearchDocument d) => new(d.Id, d.Title, d.Text, d.UpdatedAt);
}
