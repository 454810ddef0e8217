using System.Text;

namespace ContentMachine.Storage.Model;

/// <summary>Object keys as users send them are untrusted: no traversal, no absolute paths, no control characters,
/// no backslashes, at most 1024 UTF-8 bytes (the S3 limit).</summary>
public static class ObjectKey
{
    public const int MaxBytes = 1024;

    public static string? Validate(string? key)
    {
        if (string.IsNullOrEmpty(key)) return "The key is required.";
        if (Encoding.UTF8.GetByteCount(key) > MaxBytes) return $"The key is longer than {MaxBytes} bytes.";
        if (key.StartsWith('/')) return "The key must not start with '/'.";
        if (key.Any(char.IsControl)) return "The key must not contain control characters.";
        if (key.Contains('\\')) return "The key must not contain '\\' (stores backed by a file system would read it as a separator).";
        if (key.Split('/').Any(segment => segment is ".." or "." or "")) return "The key must not contain empty, '.' or '..' segments.";
        return null;
    }
}
