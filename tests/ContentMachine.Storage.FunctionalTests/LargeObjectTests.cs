using Xunit.Abstractions;

namespace ContentMachine.Storage.FunctionalTests;

[Collection(StorageCollection.Name)]
public class LargeObjectTests(StorageServiceFixture fixture, ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task A_200_MB_object_goes_up_in_parts_and_comes_back_byte_for_byte_without_the_service_holding_it()
    {
        const long size = 200 * MiB + 12_345;
        var key = $"projects/{Guid.NewGuid()}/outputs/final.mp4";
        await fixture.PutAsync($"warmup/{Guid.NewGuid()}", new byte[1024]); // the first request's JIT and pools are not the object's
        var before = fixture.ResidentBytes();

        await using var source = new PseudoRandomStream(size, seed: 42);
        using var body = new StreamContent(source, 1024 * 1024);
        body.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        body.Headers.ContentLength = size;
        var stored = await fixture.Client.PutAsync($"/api/storage/objects/{key}", body);
        stored.StatusCode.Should().Be(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        var expectedSha = source.Sha256Hex;
        var metadata = await stored.Content.ReadFromJsonAsync<JsonElement>();
        metadata.GetProperty("size").GetInt64().Should().Be(size);
        metadata.GetProperty("sha256").GetString().Should().Be(expectedSha);

        using var download = await fixture.Client.GetAsync($"/api/storage/objects/{key}", HttpCompletionOption.ResponseHeadersRead);
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentLength.Should().Be(size);
        download.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        await using var received = await download.Content.ReadAsStreamAsync();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1024 * 1024];
        long total = 0;
        for (int read; (read = await received.ReadAsync(buffer)) > 0; total += read) sha.AppendData(buffer, 0, read);
        total.Should().Be(size);
        Convert.ToHexStringLower(sha.GetHashAndReset()).Should().Be(expectedSha, "the bytes that come back are the bytes that went in");

        var growth = fixture.PeakResidentBytes() - before;
        output.WriteLine($"storage process: resident {before / MiB} MiB before, peak grew by {growth / MiB} MiB for a {size / MiB} MiB object");
        growth.Should().BeLessThan(100 * MiB, $"the object streams through (peak resident memory grew {growth / MiB} MiB for a {size / MiB} MiB object)");
    }

    [Fact]
    public async Task A_body_without_a_length_is_streamed_in_parts_too()
    {
        const long size = 40 * MiB + 7;
        var key = $"projects/{Guid.NewGuid()}/runs/{Guid.NewGuid()}/render/chunked.bin";
        await using var source = new PseudoRandomStream(size, seed: 7);
        using var body = new StreamContent(source);
        body.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/storage/objects/{key}") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var stored = await fixture.Client.SendAsync(request);

        stored.StatusCode.Should().Be(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        var metadata = await stored.Content.ReadFromJsonAsync<JsonElement>();
        metadata.GetProperty("size").GetInt64().Should().Be(size);
        metadata.GetProperty("sha256").GetString().Should().Be(source.Sha256Hex);
        using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/storage/objects/{key}"));
        head.Content.Headers.ContentLength.Should().Be(size);
    }
}
