using System.Net.Http.Json;

namespace ContentMachine.Gateway.Tests;

[Collection(RedisCollection.Name)]
public sealed class GatewayTests(RedisFixture redis) : IAsyncLifetime
{
    private RunningGateway _gateway = null!;

    private HttpClient Client => _gateway.Admin;

    public async Task InitializeAsync() => _gateway = await RunningGateway.StartAsync(redis, pipelineReplicas: 2);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("projects", "/api/projects")]
    [InlineData("projects", "/api/projects/0196a4b2-1111-7000-8000-000000000000")]
    [InlineData("pipeline", "/api/pipeline/runs")]
    [InlineData("storage", "/api/storage/objects/a/b/c.mp4")]
    [InlineData("search", "/api/search")]
    [InlineData("publishing", "/api/publishing/publications")]
    public async Task Each_api_prefix_reaches_its_service_with_forwarded_headers(string service, string path)
    {
        var echo = await Client.GetFromJsonAsync<Echo>(path);

        echo!.Service.Should().Be(service);
        echo.Path.Should().Be(path);
        echo.ForwardedFor.Should().Be("127.0.0.1");
        echo.ForwardedHost.Should().Be(Client.BaseAddress!.Authority);
        echo.ForwardedProto.Should().Be("http");
    }

    [Theory]
    [InlineData("/api/storage/objects/a/../b")]
    [InlineData("/api/storage/objects/a/%2E%2E/b")]
    [InlineData("/api/%2e%2e/health")]
    public async Task A_path_with_dot_segments_is_refused_not_resolved_to_another_route(string raw)
    {
        var target = new Uri($"{Client.BaseAddress!.GetLeftPart(UriPartial.Authority)}{raw}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        var response = await Client.GetAsync(target);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("path", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Requests_are_spread_over_a_service_replicas()
    {
        var replicas = new HashSet<string>();
        for (var i = 0; i < 6; i++) replicas.Add((await Client.GetFromJsonAsync<Echo>("/api/pipeline/runs"))!.Replica);

        replicas.Should().BeEquivalentTo("pipeline-0", "pipeline-1");
    }

    [Fact]
    public async Task Health_lists_the_five_services_by_name_with_their_replicas()
    {
        var response = await Client.GetAsync("/health");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var checks = root.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        checks.Keys.Should().Contain(FakeServices.Names);
        FakeServices.Names.Should().OnlyContain(n => checks[n].GetProperty("status").GetString() == "Healthy");
        checks["pipeline"].GetProperty("data").EnumerateObject().Should().HaveCount(2);
    }

    [Fact]
    public async Task Json_routes_refuse_bodies_over_the_limit_with_a_413_problem_naming_the_limit()
    {
        // Expect: 100-continue lets the gateway's 413 arrive before the body is sent (as large uploads should do).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) };
        request.Headers.ExpectContinue = true;

        var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain("1 MiB").And.Contain("/api/projects");
        problem.GetProperty("limitBytes").GetInt64().Should().Be(1024 * 1024);
    }

    [Fact]
    public async Task A_chunked_body_that_runs_over_the_limit_is_a_413_problem_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/search/duplicates")
        {
            Content = new StreamContent(new MemoryStream(new byte[1024 * 1024 + 1])),
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("limitBytes").GetInt64().Should().Be(1024 * 1024);
    }

    [Fact]
    public async Task Storage_takes_bodies_larger_than_the_json_limit()
    {
        var response = await Client.PutAsync("/api/storage/objects/big.bin", new ByteArrayContent(new byte[12 * 1024 * 1024]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<Echo>())!.BytesReceived.Should().Be(12 * 1024 * 1024);
    }

    [Fact]
    public async Task Swagger_ui_lists_every_service_document_served_through_the_gateway()
    {
        var ui = await Client.GetAsync("/swagger/index.html");
        var config = await Client.GetStringAsync("/swagger/index.js");

        ui.StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var name in FakeServices.Names)
        {
            config.Should().Contain($"/openapi/{name}.json");
            var document = JsonDocument.Parse(await Client.GetStringAsync($"/openapi/{name}.json")).RootElement;
            document.GetProperty("info").GetProperty("title").GetString().Should().Be(name);
        }
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var response = await Client.GetAsync("/api/unknown/thing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
