namespace ContentMachine.Search.Model;

/// <summary>How far a project has come, as the index knows it. Lowercase on the wire and in payloads; a document's status
/// only moves forward (events of one project may arrive late or twice).</summary>
public static class SearchStatus
{
    public const string Submitted = "submitted";
    public const string Scripted = "scripted";
    public const string Rendered = "rendered";

    public static readonly IReadOnlyList<string> All = [Submitted, Scripted, Rendered];

    public static int Rank(string status) => status switch
    {
        Submitted => 1,
        Scripted => 2,
        Rendered => 3,
        _ => 0,
    };
}
