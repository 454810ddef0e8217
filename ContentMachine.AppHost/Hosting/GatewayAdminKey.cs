using System.Security.Cryptography;
using System.Text;

namespace ContentMachine.AppHost.Hosting;

/// <summary>The gateway's first key, so that a fresh stack can be used (and more keys created) at once: the AppHost keeps
/// it with the state folder's secrets and gives the gateway only its SHA-256 (<c>Gateway__Auth__Keys__0__*</c>), never
/// the key. Same format as the keys the gateway makes: <c>cm_{12 hex id}_{64 hex secret}</c>.</summary>
public static class GatewayAdminKey
{
    public const string Id = "apphost";

    public static string Generate() =>
        $"cm_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";

    public static IReadOnlyDictionary<string, string?> Environment(StackContext context) => new Dictionary<string, string?>
    {
        ["Gateway__Auth__Keys__0__Id"] = Id,
        ["Gateway__Auth__Keys__0__Name"] = "AppHost admin key",
        ["Gateway__Auth__Keys__0__Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.AdminApiKey))),
        ["Gateway__Auth__Keys__0__Scopes__0"] = "admin",
    };
}
