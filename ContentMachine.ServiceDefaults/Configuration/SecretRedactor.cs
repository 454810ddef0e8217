using System.Text.RegularExpressions;

namespace ContentMachine.ServiceDefaults.Configuration;

/// <summary>Masks credentials that a library may echo in an error message (connection-string passwords and keys,
/// user:password in URIs) before the text reaches a log or a response.</summary>
public static partial class SecretRedactor
{
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? "" : UriCredentials().Replace(KeyValueSecrets().Replace(text, "$1=***"), "$1***@");

    [GeneratedRegex(@"\b(password|pwd|secretkey|secret|accesskey|key|token|apikey)\s*=\s*[^;,\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValueSecrets();

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@/\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UriCredentials();
}
