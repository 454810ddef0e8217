using ContentMachine.Gateway.Auth;

namespace ContentMachine.Gateway.Tests;

/// <summary>Gateway configuration as the AppHost gives it: the services' URLs, Redis, and keys given by their hash.</summary>
public static class TestKeys
{
    /// <summary>A new key in the gateway's format, not stored anywhere.</summary>
    public static string NewKey() => ApiKeySecret.Generate().Key;

    public static Dictionary<string, string?> Configuration(FakeServices services, string redis, string adminKey, params (string Key, string? Value)[] extra)
    {
        var configuration = services.Configuration();
        configuration["ConnectionStrings:redis"] = redis;
        AddKey(configuration, 0, adminKey, "test admin", ApiKeyScopes.Admin);
        foreach (var (key, value) in extra) configuration[key] = value;
        return configuration;
    }

    /// <summary>Adds a configured key (<c>Gateway:Auth:Keys:{index}</c>) with its scopes.</summary>
    public static void AddKey(Dictionary<string, string?> configuration, int index, string key, string name, params string[] scopes)
    {
        configuration[$"Gateway:Auth:Keys:{index}:Name"] = name;
        configuration[$"Gateway:Auth:Keys:{index}:Hash"] = ApiKeySecret.Hash(key);
        for (var i = 0; i < scopes.Length; i++) configuration[$"Gateway:Auth:Keys:{index}:Scopes:{i}"] = scopes[i];
    }
}
