using System.Security.Cryptography;

namespace ContentMachine.EndToEnd.Tests;

[Collection(StackCollection.Name)]
public class StackTests(StackFixture fixture)
{
    private HttpClient Gateway => fixture.Gateway;

    [Fact]
    public void Every_resource_is_running_with_a_pid()
    {
        var snapshots = fixture.Stack.Snapshots();

        snapshots.Select(s => s.Name).Should().BeEquivalentTo(
            "postgres", "redis", "epmd", "rabbitmq", "objects", "projects", "pipeline-0", "pipeline-1", "storage", "search", "publishing", "gateway");
        snapshots.Should().OnlyContain(s => s.State == ResourceState.Running && s.Pid > 0 && ProcessTable.IsAlive(s.Pid!.Value));
    }

    [Fact]
    public async Task Every_service_replica_answers_its_own_health_with_its_stores_healthy()
    {
        foreach (var (service, replica) in new[] { ("projects", 0), ("pipeline", 0), ("pipeline", 1), ("storage", 0), ("search", 0), ("publishing", 0) })
        {
            using var client = new HttpClient { BaseAddress = fixture.Stack.ServiceUrl(service, replica) };
            var response = await client.GetAsync("/health");
            var body = await response.Content.ReadAsStringAsync();

            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{service}-{replica}: {body}");
            body.Should().Contain("\"messaging\"");
        }
    }

    [Fact]
    public async Task The_gateway_health_lists_the_five_services_healthy()
    {
        var response = await Gateway.GetAsync("/health");
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var service in ContentMachineModel.ServiceNames)
            checks[service].GetProperty("status").GetString().Should().Be("Healthy", service);
        checks["pipeline"].GetProperty("data").EnumerateObject().Should().HaveCount(2, "two pipeline replicas run");
    }

    [Fact]
    public async Task The_gateway_refuses_a_request_without_a_key_and_accepts_the_apphost_key_as_bearer()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Stack.GatewayUrl };
        using var bearer = new HttpClient { BaseAddress = fixture.Stack.GatewayUrl, DefaultRequestHeaders = { Authorization = new("Bearer", fixture.Stack.AdminApiKey) } };

        var refused = await anonymous.GetAsync("/api/projects");
        var accepted = await bearer.GetAsync("/api/projects");

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.Should().NotBeEmpty();
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        accepted.Headers.Contains("RateLimit-Remaining").Should().BeTrue("the key is counted in Redis");
        (await anonymous.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Projects_writes_then_reads_through_the_gateway()
    {
        var created = await Gateway.PostAsJsonAsync("/api/projects", new { topic = "Why octopuses have three hearts", draft = true });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var project = await Gateway.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        project.GetProperty("topic").GetString().Should().Be("Why octopuses have three hearts");
    }

    [Fact]
    public async Task A_project_reaches_the_pipeline_through_the_outbox_and_rabbitmq_in_the_same_trace()
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        var queued = fixture.WaitForLogAsync("pipeline", line => line.Contains(traceId) && line.Contains("queued"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = JsonContent.Create(new { topic = "Through the backbone", options = new { durationSeconds = 15 } }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");

        var created = await Gateway.SendAsync(request);
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var line = JsonDocument.Parse(await queued).RootElement;
        var runs = await Gateway.GetFromJsonAsync<JsonElement>($"/api/pipeline/runs?projectId={project.GetProperty("id").GetGuid()}");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        line.GetProperty("Message").GetString().Should().Contain(project.GetProperty("runId").GetGuid().ToString());
        var run = runs.EnumerateArray().Should().ContainSingle().Subject;
        run.GetProperty("id").GetGuid().Should().Be(project.GetProperty("runId").GetGuid());
        run.GetProperty("status").GetString().Should().BeOneOf(["queued", "running"], "a replica may already be working on it");
        run.GetProperty("attempt").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Cancelling_through_the_gateway_cancels_the_pipeline_run_and_the_project_stays_cancelled()
    {
        var project = await (await Gateway.PostAsJsonAsync("/api/projects", new { topic = "Cancelled end to end" })).Content.ReadFromJsonAsync<JsonElement>();
        var runId = project.GetProperty("runId").GetGuid().ToString();
        await fixture.WaitForLogAsync("pipeline", line => line.Contains(runId) && line.Contains("queued"));
        var cancelledRun = fixture.WaitForLogAsync("pipeline", line => line.Contains(runId) && line.Contains("cancelled"));

        var cancel = await Gateway.PostAsync($"/api/projects/{project.GetProperty("id").GetGuid()}/cancel", null);
        try
        {
            await cancelledRun;
        }
        catch (TimeoutException)
        {
            // Seen under the load of every test project at once: say where the cancellation stopped.
            var state = await Gateway.GetStringAsync($"/api/pipeline/runs?projectId={project.GetProperty("id").GetGuid()}");
            throw new TimeoutException($"No 'cancelled' line for run {runId}; cancel answered {(int)cancel.StatusCode}; runs: {state}"
                + Environment.NewLine + TestStacks.RecentOutput(fixture.Stack, 15));
        }
        var runs = await Gateway.GetFromJsonAsync<JsonElement>($"/api/pipeline/runs?projectId={project.GetProperty("id").GetGuid()}");

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        runs.EnumerateArray().Single().GetProperty("status").GetString().Should().Be("cancelled");
        (await Gateway.GetFromJsonAsync<JsonElement>($"/api/projects/{project.GetProperty("id").GetGuid()}"))
            .GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task Storage_streams_an_object_into_the_bucket_and_back_byte_for_byte()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var key = $"uploads/e2e/{Guid.NewGuid()}/clip.mp4";
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new("video/mp4");

        var stored = await Gateway.PutAsync($"/api/storage/objects/{key}", body);
        var metadata = await stored.Content.ReadFromJsonAsync<JsonElement>();
        var download = await Gateway.GetAsync($"/api/storage/objects/{key}");

        stored.StatusCode.Should().Be(HttpStatusCode.OK);
        metadata.GetProperty("size").GetInt64().Should().Be(content.Length);
        metadata.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)));
        download.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(content);

        // A video player's range request passes through the gateway untouched.
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/storage/objects/{key}") { Headers = { Range = new(1000, 1999) } };
        var part = await Gateway.SendAsync(ranged);
        part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 1000-1999/{content.Length}");
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal(content[1000..2000]);
    }

    [Fact]
    public async Task A_users_media_upload_is_checked_and_stored_through_the_gateway()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(2048)];
        using var form = new MultipartFormDataContent { { new ByteArrayContent(png) { Headers = { ContentType = new("image/png") } }, "file", "cover.png" } };
        using var notAnImage = new ByteArrayContent("<html>"u8.ToArray()) { Headers = { ContentType = new("image/png") } };

        var uploaded = await Gateway.PostAsync("/api/storage/uploads", form);
        var refused = await Gateway.PostAsync("/api/storage/uploads", notAnImage);

        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await Gateway.GetByteArrayAsync($"/api/storage/objects/uploads/{id}")).Should().Equal(png);
        refused.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Publishing_writes_once_per_project_and_platform_then_reads_through_the_gateway()
    {
        var request = new { projectId = Guid.NewGuid(), platform = "youtube" };

        var first = await Gateway.PostAsJsonAsync("/api/publishing/publications", request);
        var again = await Gateway.PostAsJsonAsync("/api/publishing/publications", request);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().Should().Be(id);
        var details = await Gateway.GetFromJsonAsync<JsonElement>($"/api/publishing/publications/{id}");
        details.GetProperty("publication").GetProperty("platform").GetString().Should().Be("youtube");
        details.GetProperty("attempts").ValueKind.Should().Be(JsonValueKind.Array);
        (await Gateway.GetFromJsonAsync<JsonElement>($"/api/publishing/publications?projectId={request.projectId}")).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Swagger_ui_and_every_service_openapi_document_are_served_through_the_gateway()
    {
        (await Gateway.GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var service in ContentMachineModel.ServiceNames)
        {
            var document = await Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            document.GetProperty("info").GetProperty("title").GetString().Should().Be($"ContentMachine {service} API");
            document.GetProperty("paths").EnumerateObject().Should().Contain(p => p.Name.StartsWith($"/api/{service}"), service);
            document.GetProperty("servers")[0].GetProperty("url").GetString().Should().StartWith(Gateway.BaseAddress!.AbsoluteUri.TrimEnd('/'),
                "try-it-out requests must go through the gateway");
        }
    }

    [Fact]
    public async Task Invalid_input_through_the_gateway_is_a_400_problem_naming_the_field()
    {
        var response = await Gateway.PostAsJsonAsync("/api/publishing/publications", new { projectId = Guid.NewGuid(), platform = "myspace" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("platform", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Service_logs_are_json_lines_carrying_the_request_trace_id()
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        var logged = fixture.WaitForLogAsync("projects", line => line.Contains(traceId));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = JsonContent.Create(new { topic = "Traced topic", options = new { durationSeconds = 15 } }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");

        (await Gateway.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Created);

        var line = JsonDocument.Parse(await logged).RootElement;
        line.GetProperty("Message").GetString().Should().StartWith("Project ").And.EndWith(" created (Queued)");
        var scope = line.GetProperty("Scopes").EnumerateArray().Single(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _));
        scope.GetProperty("TraceId").GetString().Should().Be(traceId);
        scope.GetProperty("SpanId").GetString().Should().MatchRegex("^[0-9a-f]{16}$");
    }
}
