namespace ContentMachine.Storage.FunctionalTests;

[Collection(StorageCollection.Name)]
public class ObjectsApiTests(StorageServiceFixture fixture)
{
    private static readonly byte[] Content = RandomNumberGenerator.GetBytes(1000);

    private async Task<string> StoreAsync(string? key = null)
    {
        key ??= $"projects/{Guid.NewGuid()}/outputs/cover.jpg";
        (await fixture.PutAsync(key, Content, "image/jpeg")).EnsureSuccessStatusCode();
        return key;
    }

    private Task<HttpResponseMessage> GetAsync(string key, Action<HttpRequestMessage> configure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/storage/objects/{key}");
        configure(request);
        return fixture.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("bytes=10-19", 10, 19)]
    [InlineData("bytes=990-", 990, 999)]
    [InlineData("bytes=-5", 995, 999)]
    [InlineData("bytes=900-5000", 900, 999)]
    public async Task A_range_is_answered_206_with_exactly_those_bytes(string range, int from, int to)
    {
        var key = await StoreAsync();

        var response = await GetAsync(key, r => r.Headers.Range = RangeHeaderValue.Parse(range));

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes {from}-{to}/1000");
        response.Content.Headers.ContentLength.Should().Be(to - from + 1);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content[from..(to + 1)]);
    }

    [Fact]
    public async Task A_range_past_the_end_is_416_with_the_size()
    {
        var key = await StoreAsync();

        var response = await GetAsync(key, r => r.Headers.Range = RangeHeaderValue.Parse("bytes=1000-"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
        response.Content.Headers.ContentRange!.ToString().Should().Be("bytes */1000");
    }

    [Fact]
    public async Task Conditional_requests_answer_304_while_the_copy_is_current_and_if_range_falls_back_to_the_whole_object()
    {
        var key = await StoreAsync();
        var first = await fixture.Client.GetAsync($"/api/storage/objects/{key}");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        etag.Tag.Should().Be($"\"{Convert.ToHexStringLower(SHA256.HashData(Content))}\"");
        first.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        first.Headers.AcceptRanges.Should().Contain("bytes");

        var sameTag = await GetAsync(key, r => r.Headers.IfNoneMatch.Add(etag));
        var otherTag = await GetAsync(key, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"")));
        var notModifiedSince = await GetAsync(key, r => r.Headers.IfModifiedSince = lastModified);
        var modifiedSince = await GetAsync(key, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));
        var staleIfRange = await GetAsync(key, r =>
        {
            r.Headers.Range = RangeHeaderValue.Parse("bytes=0-9");
            r.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"stale\""));
        });
        var currentIfRange = await GetAsync(key, r =>
        {
            r.Headers.Range = RangeHeaderValue.Parse("bytes=0-9");
            r.Headers.IfRange = new RangeConditionHeaderValue(etag);
        });

        sameTag.StatusCode.Should().Be(HttpStatusCode.NotModified);
        sameTag.Headers.ETag.Should().Be(etag);
        otherTag.StatusCode.Should().Be(HttpStatusCode.OK);
        notModifiedSince.StatusCode.Should().Be(HttpStatusCode.NotModified);
        modifiedSince.StatusCode.Should().Be(HttpStatusCode.OK);
        staleIfRange.StatusCode.Should().Be(HttpStatusCode.OK);
        (await staleIfRange.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
        currentIfRange.StatusCode.Should().Be(HttpStatusCode.PartialContent);
    }

    [Fact]
    public async Task Head_gives_the_headers_without_the_body_and_delete_removes_the_object()
    {
        var key = await StoreAsync();

        var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/storage/objects/{key}"));
        var deleted = await fixture.Client.DeleteAsync($"/api/storage/objects/{key}");
        var afterwards = await fixture.Client.GetAsync($"/api/storage/objects/{key}");
        var deletedAgain = await fixture.Client.DeleteAsync($"/api/storage/objects/{key}");

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.Should().Be(1000);
        head.Headers.ETag.Should().NotBeNull();
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        afterwards.StatusCode.Should().Be(HttpStatusCode.NotFound);
        deletedAgain.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metadata_records_the_owner_and_only_run_artifacts_expire()
    {
        var project = Guid.NewGuid();

        var artifact = await (await fixture.PutAsync($"projects/{project}/runs/{Guid.NewGuid()}/narration/scene-1.wav", Content, "audio/wav"))
            .Content.ReadFromJsonAsync<JsonElement>();
        var output = await (await fixture.PutAsync($"projects/{project}/outputs/final.mp4", Content, "video/mp4"))
            .Content.ReadFromJsonAsync<JsonElement>();

        artifact.GetProperty("kind").GetString().Should().Be("artifact");
        artifact.GetProperty("ownerProjectId").GetGuid().Should().Be(project);
        artifact.GetProperty("expiresAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(7), TimeSpan.FromMinutes(5));
        output.GetProperty("kind").GetString().Should().Be("output");
        output.GetProperty("ownerProjectId").GetGuid().Should().Be(project);
        output.TryGetProperty("expiresAt", out _).Should().BeFalse("outputs never expire");
    }

    [Fact]
    public async Task Listing_pages_through_a_prefix_in_key_order()
    {
        var prefix = $"exports/{Guid.NewGuid()}/";
        var keys = new[] { "youtube.zip", "tiktok.zip", "reels.zip", "a/b.zip", "z.zip" }.Select(k => prefix + k).ToList();
        foreach (var key in keys) await StoreAsync(key);
        await StoreAsync($"exports/{Guid.NewGuid()}/elsewhere.zip");

        var listed = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await fixture.Client.GetFromJsonAsync<JsonElement>(
                $"/api/storage/objects?prefix={Uri.EscapeDataString(prefix)}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            listed.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!));
            cursor = page.OptionalString("nextCursor");
            pages++;
        } while (cursor is not null);

        listed.Should().Equal(keys.Order(StringComparer.Ordinal));
        pages.Should().Be(3);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=not-a-cursor!", "cursor")]
    public async Task Listing_rejects_bad_paging_naming_the_parameter(string query, string field)
    {
        var response = await fixture.Client.GetAsync($"/api/storage/objects?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("a//b", "key")]
    [InlineData("a%01b", "key")]
    [InlineData("a%7F", "key")]
    [InlineData("a%5Cb", "key")]
    [InlineData("/leading", "key")]
    [InlineData("a/../b", "path")]
    [InlineData("a/%2E%2E/b", "path")]
    [InlineData("%2e%2e/%2e%2e/etc/passwd", "path")]
    [InlineData("a/..%2F..%2Fb", "path")]
    [InlineData("a/./b", "path")]
    public async Task Traversal_and_bad_keys_are_refused_400_naming_what_is_wrong(string rawKey, string field)
    {
        // Sent exactly as written: HttpClient would otherwise resolve the dot segments itself, as curl does without --path-as-is.
        var target = new Uri($"{fixture.Client.BaseAddress}api/storage/objects/{rawKey}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        var put = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, target) { Content = new ByteArrayContent(Content) });
        var get = await fixture.Client.GetAsync(target);

        put.StatusCode.Should().Be(HttpStatusCode.BadRequest, rawKey);
        (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field).GetArrayLength().Should().Be(1);
        get.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_key_longer_than_1024_bytes_is_refused()
    {
        var response = await fixture.PutAsync(new string('k', 1025), Content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("key", out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_bucket_stays_healthy_and_listable_page_by_page_with_many_objects_in_it()
    {
        for (var i = 0; i < 3; i++) await StoreAsync();

        var health = await fixture.Client.GetAsync("/health");

        // The check lists one key: with more in the bucket the server must hand out a continuation token (s3rver's
        // needs OpenSSL's legacy provider, which the AppHost gives it).
        health.StatusCode.Should().Be(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
    }
}
