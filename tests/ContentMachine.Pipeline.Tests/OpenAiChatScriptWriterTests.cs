using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentMachine.Pipeline.Tests;

/// <summary>The chat writer against an in-process fake of an OpenAI-compatible server.</summary>
public class OpenAiChatScriptWriterTests
{
    private static readonly ScriptRequest Request = new("Why cats purr", new VideoOptions { DurationSeconds = 30 });

    private sealed class FakeChat
    {
        public ConcurrentQueue<Func<IResult>> Answers { get; } = new();
        public ConcurrentQueue<(string? Authorization, JsonNode Body)> Requests { get; } = new();

        public async Task<TestBackend> StartAsync() => await TestBackend.StartAsync(app =>
            app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
            {
                Requests.Enqueue((request.Headers.Authorization.ToString(), (await JsonNode.ParseAsync(request.Body))!));
                return Answers.TryDequeue(out var answer) ? answer() : Results.StatusCode(500);
            }));
    }

    private static IResult Completion(string content) =>
        Results.Json(new { choices = new[] { new { index = 0, message = new { role = "assistant", content } } } });

    private static string ValidScript(int scenes = 4, int wordsPerScene = 19) => JsonSerializer.Serialize(new
    {
        title = "Why Cats Purr",
        description = "The science of the purr.",
        hashtags = new[] { "#cats", "science", "#Shorts" },
        scenes = Enumerable.Range(1, scenes).Select(i => new
        {
            text = string.Join(' ', Enumerable.Repeat("purr", wordsPerScene)) + ".",
            visualPrompt = $"cat, close-up, scene {i}",
        }),
    });

    private static OpenAiChatScriptWriter Writer(Uri endpoint, string? apiKey = "sk-test", int retries = 2) =>
        new(new HttpClient(), Options.Create(new ScriptOptions { Endpoint = endpoint, ApiKey = apiKey, Model = "test-model", Retries = retries, RetryDelayMs = 0 }),
            NullLogger<OpenAiChatScriptWriter>.Instance);

    [Fact]
    public async Task A_valid_answer_becomes_the_script_and_the_request_asks_for_the_schema_with_the_key()
    {
        var fake = new FakeChat();
        fake.Answers.Enqueue(() => Completion(ValidScript()));
        await using var server = await fake.StartAsync();

        var script = await Writer(server.Url).WriteAsync(Request, CancellationToken.None);

        script.Title.Should().Be("Why Cats Purr");
        script.Scenes.Should().HaveCount(4);
        script.Scenes.Select(s => s.Sequence).Should().Equal(1, 2, 3, 4);
        script.Scenes[0].VisualPrompt.Should().Be("cat, close-up, scene 1");
        script.Scenes[0].DurationSeconds.Should().Be(7.6, "19 words at 2.5 words per second");
        script.Hashtags.Should().Equal("#Cats", "#Science", "#Shorts"); // normalised: a leading #, CamelCase
        fake.Requests.Should().ContainSingle();
        var (authorization, body) = fake.Requests.Single();
        authorization.Should().Be("Bearer sk-test");
        body["model"]!.GetValue<string>().Should().Be("test-model");
        body["response_format"]!["type"]!.GetValue<string>().Should().Be("json_schema");
        body["response_format"]!["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain("scenes");
        body["messages"]![1]!["content"]!.GetValue<string>().Should().Contain("Why cats purr");
    }

    [Fact]
    public async Task An_invalid_answer_is_retried_and_the_next_valid_one_is_used()
    {
        var fake = new FakeChat();
        fake.Answers.Enqueue(() => Completion("{ this is not json"));
        fake.Answers.Enqueue(() => Completion(ValidScript(scenes: 2)));
        fake.Answers.Enqueue(() => Completion(ValidScript()));
        await using var server = await fake.StartAsync();

        var script = await Writer(server.Url).WriteAsync(Request, CancellationToken.None);

        script.Scenes.Should().HaveCount(4);
        fake.Requests.Should().HaveCount(3, "broken JSON and a two-scene script are both rejected");
    }

    [Fact]
    public async Task A_persistent_failure_ends_in_a_script_generation_exception_with_the_reason()
    {
        var fake = new FakeChat();
        fake.Answers.Enqueue(() => Results.StatusCode(503));
        fake.Answers.Enqueue(() => Completion("{}"));
        fake.Answers.Enqueue(() => Completion(ValidScript(scenes: 12)));
        await using var server = await fake.StartAsync();

        var act = () => Writer(server.Url).WriteAsync(Request, CancellationToken.None);

        (await act.Should().ThrowAsync<ScriptGenerationException>())
            .Which.Message.Should().Contain("3 attempts").And.Contain("12 scenes");
        fake.Requests.Should().HaveCount(3, "one attempt and two retries by default");
    }

    [Fact]
    public async Task Retries_are_configurable_and_no_key_sends_no_authorization()
    {
        var fake = new FakeChat();
        await using var server = await fake.StartAsync();

        var act = () => Writer(server.Url, apiKey: null, retries: 0).WriteAsync(Request, CancellationToken.None);

        (await act.Should().ThrowAsync<ScriptGenerationException>()).Which.Message.Should().Contain("500");
        fake.Requests.Should().ContainSingle().Which.Authorization.Should().BeEmpty();
    }

    [Theory]
    [InlineData("http://llm:8000", "http://llm:8000/v1/chat/completions")]
    [InlineData("http://llm:8000/", "http://llm:8000/v1/chat/completions")]
    [InlineData("https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions")]
    [InlineData("http://host/ollama/", "http://host/ollama/v1/chat/completions")]
    public void The_completions_address_never_doubles_v1(string endpoint, string expected) =>
        OpenAiChatScriptWriter.CompletionsUri(new Uri(endpoint)).ToString().Should().Be(expected);
}
