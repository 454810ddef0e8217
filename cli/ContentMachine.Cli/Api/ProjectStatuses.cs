namespace ContentMachine.Cli.Api;

/// <summary>The Projects API's status names (lowercase on the wire).</summary>
public static class ProjectStatuses
{
    public const string Draft = "draft";
    public const string Rendered = "rendered";
    public const string Publishing = "publishing";
    public const string Published = "published";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
