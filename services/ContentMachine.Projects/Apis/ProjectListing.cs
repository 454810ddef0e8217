using System.Buffers.Text;

namespace ContentMachine.Projects.Apis;

/// <summary>Filtering and keyset paging of the project list. Ids are UUIDv7 (time-ordered), so newest first is
/// "id descending" and the cursor is the last id of a page: stable while projects are added.</summary>
public static class ProjectListing
{
    public const int DefaultLimit = 20;

    public static IReadOnlyList<ProjectStatus>? ParseStatuses(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var statuses = new List<ProjectStatus>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<ProjectStatus>(part, ignoreCase: true, out var status) || int.TryParse(part, out _)) return null;
            statuses.Add(status);
        }
        return statuses;
    }

    public static string EncodeCursor(Guid lastId) => Base64Url.EncodeToString(lastId.ToByteArray(bigEndian: true));

    public static bool TryDecodeCursor(string? cursor, out Guid lastId)
    {
        lastId = Guid.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 32) return false;
        Span<byte> bytes = stackalloc byte[24];
        if (!Base64Url.IsValid(cursor) || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != 16) return false;
        lastId = new Guid(bytes[..16], bigEndian: true);
        return true;
    }

    public static IQueryable<Project> Filter(IQueryable<Project> projects, ListProjectsQuery query)
    {
        if (ParseStatuses(query.Status) is { Count: > 0 } statuses) projects = projects.Where(p => statuses.Contains(p.Status));
        if (query.CreatedAfter is { } after) projects = projects.Where(p => p.CreatedAt > after);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = "%" + query.Q.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            projects = projects.Where(p => EF.Functions.ILike(p.Topic, pattern) || EF.Functions.ILike(p.Title, pattern));
        }
        return projects;
    }
}
