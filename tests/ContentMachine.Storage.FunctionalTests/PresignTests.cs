namespace ContentMachine.Storage.FunctionalTests;

[Collection(StorageCollection.Name)]
public class PresignTests(StorageServiceFixture fixture)
{
    private static readonly HttpClient Plain = new();

    private async Task<JsonElement> PresignAsync(object request)
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/storage/presign", request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_presigned_get_downloads_with_a_plain_client_until_it_expires()
    {
        var content = RandomNumberGenerator.GetBytes(5000);
        var key = $"projects/{Guid.NewGuid()}/outputs/final.mp4";
        (await fixture.PutAsync(key, content, "video/mp4")).EnsureSuccessStatusCode();

        var lasting = await PresignAsync(new { key, method = "GET", expiresInSeconds = 600 });
        var brief = await PresignAsync(new { key, method = "GET", expiresInSeconds = 1 });
        var fetched = await Plain.GetByteArrayAsync(lasting.GetProperty("url").GetString());
        lasting.GetProperty("expiresAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(10), TimeSpan.FromMinutes(1));

        // The URL carries its expiry; only time can pass it.
        await Task.Delay(brief.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.1));
        var expired = await Plain.GetAsync(brief.GetProperty("url").GetString());

        fetched.Should().Equal(content);
        expired.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await expired.Content.ReadAsStringAsync()).Should().Contain("expired");
    }

    [Fact]
    public async Task A_presigned_put_uploads_directly_and_the_object_is_adopted_on_first_read()
    {
        var content = RandomNumberGenerator.GetBytes(3000);
        var key = $"projects/{Guid.NewGuid()}/runs/{Guid.NewGuid()}/visuals/scene-1.png";

        var presigned = await PresignAsync(new { key, method = "PUT", contentType = "image/png" });
        using var body = new ByteArrayContent(content) { Headers = { ContentType = new("image/png") } };
        (await Plain.PutAsync(presigned.GetProperty("url").GetString(), body)).EnsureSuccessStatusCode();
        var read = await fixture.Client.GetAsync($"/api/storage/objects/{key}");

        presigned.GetProperty("headers").GetProperty("Content-Type").GetString().Should().Be("image/png");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.Content.ReadAsByteArrayAsync()).Should().Equal(content);
        read.Headers.ETag!.Tag.Should().Be($"\"{Convert.ToHexStringLower(SHA256.HashData(content))}\"");
        read.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
    }

    [Theory]
    [InlineData(0, "expiresInSeconds")]
    [InlineData(604801, "expiresInSeconds")]
    public async Task Expiry_beyond_seven_days_or_not_positive_is_refused(int seconds, string field)
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/storage/presign", new { key = "a/b", method = "PUT", expiresInSeconds = seconds });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("../etc/passwd", "GET", "key")]
    [InlineData("a/b", "DELETE", "method")]
    public async Task Bad_keys_and_methods_are_refused(string key, string method, string field)
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/storage/presign", new { key, method });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_get_for_an_object_that_does_not_exist_is_404()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/storage/presign", new { key = $"nothing/{Guid.NewGuid()}", method = "GET" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
