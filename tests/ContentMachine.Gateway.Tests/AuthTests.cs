using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentMachine.Gateway.Auth;
using ContentMachine.Gateway.Routing;

namespace ContentMachine.Gateway.Tests;

/// <summary>Who gets through the front door: keys by header or Bearer, scopes per route, expired and revoked keys, the
/// routes that stay open, and what reaches the services.</summary>
[Collection(RedisCollection.Name)]
public sealed class AuthTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly string _readKey = TestKeys.NewKey();
    private readonly ManualTime _time = new();
    private RunningGateway _running = null!;

    private GatewayFactory Gateway => _running.Factory;
    private HttpClient Admin => _running.Admin;
    private string AdminKey => _running.AdminKey;

    public async Task InitializeAsync() =>
        _running = await RunningGateway.StartAsync(redis, c => TestKeys.AddKey(c, 1, _readKey, "reader", ApiKeyScopes.Read), _time);

    public async Task DisposeAsync() => await _running.DisposeAsync();

    [Fact]
    public async Task No_key_is_a_401_problem_with_a_challenge()
    {
        using var anonymous = Gateway.Client();

        var response = await anonymous.GetAsync("/api/projects");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain(["ApiKey", "Bearer"]);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("X-Api-Key");
    }

    [Theory]
    [InlineData("cm_0123456789ab_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-key")]
    public async Task An_unknown_key_is_a_401(string key)
    {
        using var stranger = Gateway.Client(apiKey: key);

        var response = await stranger.GetAsync("/api/projects");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_key_reads_with_read_scope_and_is_refused_a_write_with_403_naming_the_scope()
    {
        using var reader = Gateway.Client(apiKey: _readKey);

        var read = await reader.GetAsync("/api/projects");
        var write = await reader.PostAsJsonAsync("/api/projects", new { topic = "x" });
        var publish = await reader.PostAsync($"/api/projects/{Guid.NewGuid()}/publish", null);

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        write.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await write.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("'write'");
        (await publish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("'publish'");
    }

    [Fact]
    public async Task A_key_sent_as_bearer_works_like_the_header()
    {
        using var bearer = Gateway.Client(bearer: _readKey);

        var response = await bearer.GetAsync("/api/search?q=x");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Keys_created_through_the_admin_api_work_until_they_expire()
    {
        var created = await CreateKeyAsync("expiring", [ApiKeyScopes.Read, ApiKeyScopes.Write], _time.GetUtcNow().AddHours(1));
        using var client = Gateway.Client(apiKey: created.Key);

        (await client.PostAsJsonAsync("/api/projects", new { topic = "x" })).StatusCode.Should().Be(HttpStatusCode.OK);
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var expired = await client.GetAsync("/api/projects");

        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("API key expired");
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/admin/keys/{created.Id}")).GetProperty("status").GetString().Should().Be("expired");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_listed_as_revoked()
    {
        var created = await CreateKeyAsync("to revoke", [ApiKeyScopes.Read]);
        using var client = Gateway.Client(apiKey: created.Key);
        (await client.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.OK);

        var revoke = await Admin.DeleteAsync($"/api/admin/keys/{created.Id}");
        var after = await client.GetAsync("/api/projects");

        revoke.StatusCode.Should().Be(HttpStatusCode.NoContent);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("API key revoked");
        var listed = (await Admin.GetFromJsonAsync<JsonElement>("/api/admin/keys")).EnumerateArray().Single(k => k.GetProperty("id").GetString() == created.Id);
        listed.GetProperty("status").GetString().Should().Be("revoked");
        listed.GetProperty("revokedAt").ValueKind.Should().Be(JsonValueKind.String);
    }

    [Fact]
    public async Task The_list_shows_names_and_scopes_but_never_a_key_or_its_hash()
    {
        var created = await CreateKeyAsync("listed", [ApiKeyScopes.Publish]);

        var body = await Admin.GetStringAsync("/api/admin/keys");

        var keys = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        keys.Should().Contain(k => k.GetProperty("name").GetString() == "listed" && k.GetProperty("scopes")[0].GetString() == "publish");
        keys.Should().Contain(k => k.GetProperty("name").GetString() == "test admin" && k.GetProperty("source").GetString() == "configuration");
        foreach (var secret in new[] { created.Key, ApiKeySecret.Hash(created.Key), AdminKey, ApiKeySecret.Hash(AdminKey), created.Key[16..] })
            body.Should().NotContain(secret);
    }

    [Fact]
    public async Task Only_admin_keys_reach_the_admin_api_and_bad_requests_name_the_field()
    {
        using var reader = Gateway.Client(apiKey: _readKey);

        var refused = await reader.GetAsync("/api/admin/keys");
        var invalid = await Admin.PostAsJsonAsync("/api/admin/keys", new { name = "", scopes = new[] { "root" } });
        var configured = await Admin.DeleteAsync("/api/admin/keys/" + ApiKeySecret.Hash(_readKey)[..12]);

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("name", out _).Should().BeTrue();
        errors.EnumerateObject().Should().Contain(e => e.Name.StartsWith("scopes"));
        configured.StatusCode.Should().Be(HttpStatusCode.Conflict, "a key given in configuration is removed there");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/swagger/index.html")]
    [InlineData("/openapi/projects.json")]
    [InlineData("/api/publishing/youtube/callback?code=c&state=s")]
    public async Task The_root_health_swagger_openapi_and_the_oauth_redirect_stay_open(string path)
    {
        using var anonymous = Gateway.Client();

        var response = await anonymous.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Services_get_the_key_id_but_never_the_credentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects/echo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _readKey);
        request.Headers.Add(CredentialHeaders.KeyHeader, "spoofed");
        using var bearer = Gateway.Client();

        var echo = await (await bearer.SendAsync(request)).Content.ReadFromJsonAsync<Echo>();
        var viaHeader = await Admin.GetFromJsonAsync<Echo>("/api/projects/echo");

        echo!.Headers.Should().NotContainKey("Authorization").And.NotContainKey("X-Api-Key");
        echo.Headers[CredentialHeaders.KeyHeader].Should().Be(ApiKeySecret.Hash(_readKey)[..12]);
        viaHeader!.Headers.Should().NotContainKey("X-Api-Key");
        viaHeader.Headers[CredentialHeaders.KeyHeader].Should().Be(ApiKeySecret.Hash(AdminKey)[..12]);
    }

    [Fact]
    public async Task The_web_apps_key_cookie_reads_but_never_writes_and_never_reaches_a_service()
    {
        using var browser = Gateway.Client();
        HttpRequestMessage WithCookie(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add("Cookie", $"{PresentedCredentials.ApiKeyCookie}={Uri.EscapeDataString(AdminKey)}; other=1");
            return request;
        }

        using var read = await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/projects/echo"));
        using var write = await browser.SendAsync(WithCookie(HttpMethod.Post, "/api/projects"));

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = await read.Content.ReadFromJsonAsync<Echo>();
        echo!.Headers.Should().NotContainKey("Cookie");
        echo.Headers[CredentialHeaders.KeyHeader].Should().Be(ApiKeySecret.Hash(AdminKey)[..12]);
        write.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a cookie alone never authorizes a change");
    }

    private async Task<(string Id, string Key)> CreateKeyAsync(string name, string[] scopes, DateTimeOffset? expiresAt = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/keys", new { name, scopes, expiresAt });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        key.Should().MatchRegex("^cm_[0-9a-f]{12}_[0-9a-f]{64}$");
        return (created.GetProperty("details").GetProperty("id").GetString()!, key);
    }
}
