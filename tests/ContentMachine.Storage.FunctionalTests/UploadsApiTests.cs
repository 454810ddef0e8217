namespace ContentMachine.Storage.FunctionalTests;

[Collection(StorageCollection.Name)]
public class UploadsApiTests(StorageServiceFixture fixture)
{
    private Task<HttpResponseMessage> UploadAsync(byte[] content, string? contentType)
    {
        var body = new ByteArrayContent(content);
        if (contentType is not null) body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return fixture.Client.PostAsync("/api/storage/uploads", body);
    }

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "png", "image/png", "image" },
        { "jpeg", "image/jpeg", "image" },
        { "mp4", "video/mp4", "video" },
        { "mov", "video/quicktime", "video" },
        { "webm", "video/webm", "video" },
        { "wav", "audio/wav", "audio" },
        { "mp3", "audio/mpeg", "audio" },
    };

    private static byte[] Sample(string name) => name switch
    {
        "png" => MediaSamples.Png,
        "jpeg" => MediaSamples.Jpeg,
        "mp4" => MediaSamples.Mp4,
        "mov" => MediaSamples.Mov,
        "webm" => MediaSamples.Webm,
        "wav" => MediaSamples.Wav,
        "mp3" => MediaSamples.Mp3,
        _ => MediaSamples.Text,
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Each_allowed_format_is_stored_under_uploads_with_an_id_projects_can_use(string sample, string contentType, string kind)
    {
        var content = Sample(sample);

        var response = await UploadAsync(content, contentType);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var upload = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = upload.GetProperty("id").GetGuid();
        upload.GetProperty("key").GetString().Should().Be($"uploads/{id}");
        upload.GetProperty("contentType").GetString().Should().Be(contentType);
        upload.GetProperty("mediaKind").GetString().Should().Be(kind);
        upload.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)));
        response.Headers.Location!.OriginalString.Should().Be($"/api/storage/uploads/{id}");
        (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/storage/uploads/{id}")).GetProperty("size").GetInt64().Should().Be(content.Length);
        (await fixture.Client.GetByteArrayAsync($"/api/storage/objects/uploads/{id}")).Should().Equal(content);
    }

    [Fact]
    public async Task Without_a_declared_type_the_content_decides()
    {
        var response = await UploadAsync(MediaSamples.Webm, null);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString().Should().Be("video/webm");
    }

    [Theory]
    [InlineData("text", "image/png", "is not a recognised")]
    [InlineData("png", "video/mp4", "declared as 'video/mp4' but its content is 'image/png'")]
    [InlineData("text", "text/plain", "'text/plain' is not a media type")]
    [InlineData("text", "application/octet-stream", "is not a recognised")]
    public async Task Content_that_is_not_what_is_allowed_is_refused_415_naming_the_field(string sample, string contentType, string reason)
    {
        var before = await CountUploadsAsync();

        var response = await UploadAsync(Sample(sample), contentType);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Content-Type")[0].GetString().Should().Contain(reason);
        (await CountUploadsAsync()).Should().Be(before, "nothing is stored");
    }

    [Fact]
    public async Task A_form_upload_streams_its_file_part()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(MediaSamples.Jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(new StringContent("my holiday"), "caption");
        form.Add(file, "file", "holiday.jpg");

        var response = await fixture.Client.PostAsync("/api/storage/uploads", form);
        var wrong = new MultipartFormDataContent { { new ByteArrayContent(MediaSamples.Text) { Headers = { ContentType = new("image/jpeg") } }, "file", "x.jpg" } };
        var refused = await fixture.Client.PostAsync("/api/storage/uploads", wrong);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()
            .Should().Be(Convert.ToHexStringLower(SHA256.HashData(MediaSamples.Jpeg)));
        refused.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _).Should().BeTrue();
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_413_whether_or_not_it_declares_its_length_and_leaves_nothing()
    {
        var before = await CountUploadsAsync();
        var tooLarge = (byte[])[.. MediaSamples.Png, .. new byte[StorageServiceFixture.MaxUploadBytes]];

        var declared = await UploadAsync(tooLarge, "image/png");
        var chunked = new StreamContent(new MemoryStream(tooLarge)) { Headers = { ContentType = new("image/png") } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/storage/uploads") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var streamed = await fixture.Client.SendAsync(request);

        declared.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        streamed.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await streamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain(StorageServiceFixture.MaxUploadBytes.ToString());
        (await CountUploadsAsync()).Should().Be(before, "nothing is stored");
    }

    [Fact]
    public async Task An_unknown_upload_is_404()
    {
        (await fixture.Client.GetAsync($"/api/storage/uploads/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<int> CountUploadsAsync()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/storage/objects?prefix=uploads/&limit=1000{(cursor is null ? "" : $"&cursor={cursor}")}");
            count += page.GetProperty("items").GetArrayLength();
            cursor = page.OptionalString("nextCursor");
        } while (cursor is not null);
        return count;
    }
}
