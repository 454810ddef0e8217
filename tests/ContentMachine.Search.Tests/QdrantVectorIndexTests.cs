using ContentMachine.Search.Indexing.Qdrant;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContentMachine.Search.Tests;

public sealed class QdrantVectorIndexTests : IAsyncLifetime
{
    private const int Dimensions = 8;
    private const string Collection = "test-projects";
    private FakeQdrant _qdrant = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _qdrant = await FakeQdrant.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _qdrant.DisposeAsync();
    }

    private QdrantVectorIndex Index(string? key = null) => new(_http,
        Options.Create(new QdrantOptions { Endpoint = _qdrant.Url, Key = key ?? _qdrant.ApiKey, Collection = Collection }),
        Options.Create(new EmbeddingOptions { Dimensions = Dimensions }), NullLogger<QdrantVectorIndex>.Instance);

    private static VectorPoint Point(Guid id, float[] vector, string status = SearchStatus.Scripted, string topic = "Octopus") =>
        new(id, vector, new SearchPayload(id, "Title " + id, topic, "myth", status, new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), ["youtube", "tiktok"]));

    private static float[] Axis(int i, float other = 0)
    {
        var v = new float[Dimensions];
        Array.Fill(v, other);
        v[i] = 1;
        return v;
    }

    [Fact]
    public async Task A_missing_collection_is_created_on_first_use_with_the_size_and_cosine_and_every_request_carries_the_api_key()
    {
        var index = Index();

        await index.UpsertAsync([Point(Guid.NewGuid(), Axis(0))], default);

        var collection = _qdrant.Collections[Collection];
        collection.Size.Should().Be(Dimensions);
        collection.Distance.Should().Be("Cosine");
        collection.Points.Should().HaveCount(1);
        collection.IndexedFields.Should().Contain(["status", "topic_key", "project_id"]);
        _qdrant.Requests.Should().ContainInOrder(
            $"GET /collections/{Collection}", $"PUT /collections/{Collection}", $"PUT /collections/{Collection}/points?wait=true");
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_clear_error()
    {
        var act = () => Index(key: "wrong").UpsertAsync([Point(Guid.NewGuid(), Axis(0))], default);

        (await act.Should().ThrowAsync<VectorIndexException>()).Which.StatusCode.Should().Be(401);
        _qdrant.Collections.Should().BeEmpty();
    }

    [Fact]
    public async Task Query_ranks_by_cosine_with_payload_filters_threshold_and_exclusion()
    {
        var index = Index();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        await index.UpsertAsync([Point(a, Axis(0)), Point(b, Axis(0, 0.2f), SearchStatus.Rendered), Point(c, Axis(3), topic: "Bread")], default);

        var all = await index.QueryAsync(Axis(0), SearchFilter.None, 10, null, default);
        var rendered = await index.QueryAsync(Axis(0), new SearchFilter(Status: SearchStatus.Rendered), 10, null, default);
        var octopus = await index.QueryAsync(Axis(0), new SearchFilter(Topic: " OCTOPUS"), 10, null, default);
        var close = await index.QueryAsync(Axis(0), new SearchFilter(ExcludeProjectId: a), 10, 0.5f, default);

        all.Select(m => m.Id).Should().Equal(a, b, c);
        all[0].Score.Should().BeApproximately(1f, 1e-5f);
        all[0].Payload.Should().BeEquivalentTo(Point(a, Axis(0)).Payload, "the payload goes to Qdrant and comes back whole");
        rendered.Select(m => m.Id).Should().Equal(b);
        octopus.Select(m => m.Id).Should().Equal(a, b);
        close.Select(m => m.Id).Should().Equal(b);
        (await index.CountAsync(default)).Should().Be(3);
    }

    [Fact]
    public async Task Points_are_deleted_by_id_and_by_filter()
    {
        var index = Index();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        await index.UpsertAsync([Point(a, Axis(0)), Point(b, Axis(1)), Point(c, Axis(2))], default);

        await index.DeleteAsync([a, Guid.NewGuid()], default);
        await index.DeleteAsync(new SearchFilter(ProjectId: b), default);

        _qdrant.Collections[Collection].Points.Keys.Should().BeEquivalentTo([c.ToString()]);
        await index.Invoking(i => i.DeleteAsync(SearchFilter.None, default)).Should().ThrowAsync<ArgumentException>("an empty filter would delete everything");
    }

    [Fact]
    public async Task A_400_carries_qdrant_s_message_and_is_not_transient()
    {
        var index = Index();
        await index.InitializeAsync(default);

        var act = () => index.UpsertAsync([new VectorPoint(Guid.NewGuid(), new float[3], Point(Guid.NewGuid(), Axis(0)).Payload)], default);

        var error = (await act.Should().ThrowAsync<VectorIndexException>()).Which;
        error.StatusCode.Should().Be(400);
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Contain("Vector dimension error: expected dim: 8, got 3");
    }

    [Fact]
    public async Task A_500_is_a_transient_error_with_qdrant_s_message_and_the_next_call_succeeds()
    {
        var index = Index();
        await index.InitializeAsync(default);
        _qdrant.FailNext(500, "Service internal error: RocksDB write failed");

        var act = () => index.QueryAsync(Axis(0), SearchFilter.None, 5, null, default);

        var error = (await act.Should().ThrowAsync<VectorIndexException>()).Which;
        error.StatusCode.Should().Be(500);
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain("RocksDB write failed");
        (await index.QueryAsync(Axis(0), SearchFilter.None, 5, null, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_collection_that_disappears_is_created_again_and_the_write_goes_through()
    {
        var index = Index();
        await index.UpsertAsync([Point(Guid.NewGuid(), Axis(0))], default);
        _qdrant.DropCollection(Collection);

        var id = Guid.NewGuid();
        await index.UpsertAsync([Point(id, Axis(1))], default);

        _qdrant.Collections[Collection].Points.Keys.Should().BeEquivalentTo([id.ToString()]);
    }

    [Fact]
    public async Task An_unreachable_qdrant_is_a_transient_error_and_start_does_not_fail()
    {
        var port = _qdrant.Url.Port;
        await _qdrant.DisposeAsync();
        var index = new QdrantVectorIndex(_http, Options.Create(new QdrantOptions { Endpoint = new Uri($"http://127.0.0.1:{port}"), Collection = Collection }),
            Options.Create(new EmbeddingOptions { Dimensions = Dimensions }), NullLogger<QdrantVectorIndex>.Instance);
        _qdrant = await FakeQdrant.StartAsync(); // for DisposeAsync

        await index.InitializeAsync(default);
        var act = () => index.CountAsync(default);

        (await act.Should().ThrowAsync<VectorIndexException>()).Which.IsTransient.Should().BeTrue();
    }

    [Fact]
    public async Task Health_is_the_collection_s_status_and_unhealthy_with_a_wrong_key()
    {
        var healthy = await new QdrantHealthCheck(Index()).CheckHealthAsync(new());
        var refused = await new QdrantHealthCheck(Index(key: "wrong")).CheckHealthAsync(new());

        healthy.Status.Should().Be(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        healthy.Description.Should().Be("collection green");
        refused.Status.Should().Be(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
        refused.Description.Should().Contain("401");
    }

    [Fact]
    public void The_connection_string_gives_endpoint_and_key_and_bad_settings_fail_validation()
    {
        var options = new QdrantOptions();
        options.ApplyConnectionString("Endpoint=http://qdrant.internal:6333;Key=s3cret");

        options.Endpoint.Should().Be(new Uri("http://qdrant.internal:6333"));
        options.Key.Should().Be("s3cret");
        Validate(options).Should().BeEmpty();
        Validate(new QdrantOptions { Endpoint = new Uri("http://q:6333"), Collection = "bad name/" }).Should().ContainSingle();
        Validate(new QdrantOptions()).Should().ContainSingle().Which.Should().Contain("Endpoint");
    }

    private static List<string> Validate(QdrantOptions options) =>
        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();
}
