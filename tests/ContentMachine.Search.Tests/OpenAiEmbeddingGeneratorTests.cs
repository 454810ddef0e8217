using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentMachine.Search.Tests;

/// <summary>The OpenAI-compatible embedder against an in-process endpoint that answers like OpenAI's /v1/embeddings:
/// a vector per input (out of order, as the API allows), or OpenAI's error body.</summary>
public sealed class OpenAiEmbeddingGeneratorTests : IAsyncLifetime
{
    private const string Key = "sk-test-0123456789";
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private readonly ConcurrentQueue<string?> _authorizations = new();
    private readonly CapturedLogs _logs = new();
    private int _status = 200;
    private int _dimensions = 16;
    private TestBackend _endpoint = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await TestBackend.StartAsync(app => app.MapPost("/v1/embeddings", async (HttpContext http) =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            _requests.Enqueue(body);
            _authorizations.Enqueue(http.Request.Headers.Authorization);
            if (_status != 200)
                return Results.Text(new JsonObject { ["error"] = new JsonObject
                {
                    ["message"] = _status == 401 ? "Incorrect API key provided: sk-test-****6789." : "The server had an error while processing your request.",
                    ["type"] = _status == 401 ? "invalid_request_error" : "server_error",
                } }.ToJsonString(), "application/json", statusCode: _status);
            var inputs = body["input"]!.AsArray().Select(i => (string)i!).ToList();
            var data = inputs.Select((text, index) => (JsonNode)new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = index,
                ["embedding"] = new JsonArray(Enumerable.Range(0, _dimensions).Select(d => (JsonNode)(float)(text.Length + d)).ToArray()),
            }).Reverse().ToArray();
            return Results.Json(new JsonObject { ["object"] = "list", ["data"] = new JsonArray(data), ["model"] = (string)body["model"]!, ["usage"] = new JsonObject { ["prompt_tokens"] = 3, ["total_tokens"] = 3 } });
        }));
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _endpoint.DisposeAsync();
    }

    private OpenAiEmbeddingGenerator Generator(int batchSize = 64, bool requestDimensions = false) => new(_http,
        Options.Create(new EmbeddingOptions
        {
            Provider = EmbeddingOptions.OpenAi, Endpoint = _endpoint.Url, ApiKey = Key, Model = "text-embedding-3-small", Dimensions = 16,
            BatchSize = batchSize, RequestDimensions = requestDimensions,
        }),
        new LoggerFactory([_logs]).CreateLogger<OpenAiEmbeddingGenerator>());

    [Fact]
    public async Task Embeddings_come_back_in_input_order_with_the_bearer_key_and_model_sent()
    {
        var embeddings = await Generator(batchSize: 2, requestDimensions: true).GenerateAsync(["a", "bb", "ccc"]);

        embeddings.Select(e => e.Vector.Span[0]).Should().Equal(1f, 2f, 3f);
        embeddings.Should().OnlyContain(e => e.Vector.Length == 16 && e.ModelId == "text-embedding-3-small");
        _requests.Should().HaveCount(2, "three texts in batches of two");
        _requests.First()["model"]!.GetValue<string>().Should().Be("text-embedding-3-small");
        _requests.First()["encoding_format"]!.GetValue<string>().Should().Be("float");
        _requests.First()["dimensions"]!.GetValue<int>().Should().Be(16);
        _authorizations.Should().OnlyContain(a => a == "Bearer " + Key);
    }

    [Fact]
    public async Task A_401_says_the_key_was_rejected_without_showing_it()
    {
        _status = 401;

        var error = (await Generator().Invoking(g => g.GenerateAsync(["text"])).Should().ThrowAsync<EmbeddingProviderException>()).Which;

        error.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Contain("rejected the API key").And.Contain("Incorrect API key provided").And.NotContain(Key);
        _logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("401"));
        _logs.Entries.Should().NotContain(e => e.Message.Contains(Key));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task A_5xx_or_429_is_transient_with_the_provider_s_message(int status)
    {
        _status = status;

        var error = (await Generator().Invoking(g => g.GenerateAsync(["text"])).Should().ThrowAsync<EmbeddingProviderException>()).Which;

        ((int)error.StatusCode!).Should().Be(status);
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain(status.ToString());
    }

    [Fact]
    public async Task Vectors_of_another_size_than_configured_are_refused()
    {
        _dimensions = 12;

        var error = (await Generator().Invoking(g => g.GenerateAsync(["text"])).Should().ThrowAsync<EmbeddingProviderException>()).Which;

        error.Message.Should().Contain("12 dimensions").And.Contain("Search:Embeddings:Dimensions is 16");
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_transient()
    {
        var url = _endpoint.Url;
        await _endpoint.DisposeAsync();
        _endpoint = await TestBackend.StartAsync(_ => { });
        var generator = new OpenAiEmbeddingGenerator(_http,
            Options.Create(new EmbeddingOptions { Provider = EmbeddingOptions.OpenAi, Endpoint = url, Dimensions = 16 }),
            new LoggerFactory([_logs]).CreateLogger<OpenAiEmbeddingGenerator>());

        (await generator.Invoking(g => g.GenerateAsync(["text"])).Should().ThrowAsync<EmbeddingProviderException>()).Which.IsTransient.Should().BeTrue();
    }

    [Fact]
    public void Options_need_an_endpoint_for_openai_and_a_known_provider()
    {
        static List<string> Validate(EmbeddingOptions o) => o.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(o)).Select(r => r.ErrorMessage!).ToList();

        Validate(new EmbeddingOptions()).Should().BeEmpty();
        Validate(new EmbeddingOptions { Provider = EmbeddingOptions.OpenAi }).Should().ContainSingle().Which.Should().Contain("Endpoint");
        Validate(new EmbeddingOptions { Provider = "word2vec" }).Should().ContainSingle().Which.Should().Contain("Provider");
        new EmbeddingOptions { Provider = EmbeddingOptions.OpenAi, Model = "m", Dimensions = 1536 }.ModelKey.Should().Be("m-1536");
    }
}
