using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContentMachine.Gateway.Tests;

/// <summary>Where Authentication:Jwt is configured, a Bearer JWT is accepted with the scopes of its scope/scp claim; a
/// Bearer that is not a JWT is still an API key.</summary>
[Collection(RedisCollection.Name)]
public sealed class JwtTests(RedisFixture redis) : IAsyncLifetime
{
    private const string SigningKey = "a-test-signing-key-of-at-least-32-bytes!";
    private RunningGateway _running = null!;

    private GatewayFactory Gateway => _running.Factory;

    public async Task InitializeAsync() => _running = await RunningGateway.StartAsync(redis, c =>
    {
        c["Authentication:Jwt:SigningKey"] = SigningKey;
        c["Authentication:Jwt:Issuer"] = "https://issuer.test";
        c["Authentication:Jwt:Audience"] = "contentmachine";
    });

    public async Task DisposeAsync() => await _running.DisposeAsync();

    [Fact]
    public async Task A_token_with_the_read_scope_reads_and_may_not_write()
    {
        using var client = Gateway.Client(bearer: Token(new Claim("scope", "read")));

        (await client.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
        var write = await client.PostAsJsonAsync("/api/projects", new { topic = "x" });

        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await write.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("'write'");
    }

    [Fact]
    public async Task Scp_claims_grant_scopes_too()
    {
        using var client = Gateway.Client(bearer: Token(new Claim("scp", "read write")));

        (await client.PostAsJsonAsync("/api/projects", new { topic = "x" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_expired_is_a_401()
    {
        using var forged = Gateway.Client(bearer: Token(new Claim("scope", "admin"), key: "another-signing-key-of-at-least-32-bytes"));
        using var expired = Gateway.Client(bearer: Token(new Claim("scope", "admin"), expires: DateTime.UtcNow.AddMinutes(-10)));

        var forgedResponse = await forged.GetAsync("/api/projects");
        var expiredResponse = await expired.GetAsync("/api/projects");

        forgedResponse.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        forgedResponse.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
        forgedResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        expiredResponse.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_api_key_as_bearer_still_works_when_jwts_are_configured()
    {
        using var client = Gateway.Client(bearer: _running.AdminKey);

        (await client.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string Token(Claim scope, string key = SigningKey, DateTime? expires = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://issuer.test",
        Audience = "contentmachine",
        Subject = new ClaimsIdentity([new Claim("sub", "client-1"), scope]),
        NotBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
        Expires = expires ?? DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
