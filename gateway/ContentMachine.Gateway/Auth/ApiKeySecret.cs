using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ContentMachine.Gateway.Auth;

/// <summary>The key format: <c>cm_{id}_{secret}</c>, a 12-hex-digit id (looked up) and 32 random bytes (never stored).
/// A key has 256 bits of entropy, so one SHA-256 is enough to store it: nothing can be guessed back from the hash.</summary>
public static class ApiKeySecret
{
    public const string Prefix = "cm_";
    private const int IdLength = 12;
    private const int SecretLength = 64;
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        return (id, $"{Prefix}{id}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretLength / 2))}");
    }

    /// <summary>The id of a well-formed key, or null.</summary>
    public static string? IdOf(string key) =>
        key.Length == Prefix.Length + IdLength + 1 + SecretLength && key.StartsWith(Prefix, StringComparison.Ordinal)
            && key[Prefix.Length + IdLength] == '_' && IsLowerHex(key.AsSpan(Prefix.Length, IdLength))
            ? key.Substring(Prefix.Length, IdLength)
            : null;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string hash, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(expectedHash));

    public static bool IsLowerHex(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(LowerHex);
}
