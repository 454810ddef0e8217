using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging;
using MassTransit;

namespace ContentMachine.Storage.FunctionalTests;

[Collection(StorageCollection.Name)]
public class LifecycleTests(StorageServiceFixture fixture)
{
    private static readonly byte[] Content = RandomNumberGenerator.GetBytes(100);

    private async Task<bool> ExistsAsync(string key) =>
        (await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/storage/objects/{key}"))).StatusCode == HttpStatusCode.OK;

    private async Task WaitUntilGoneAsync(IEnumerable<string> keys, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        foreach (var key in keys)
            while (await ExistsAsync(key))
                await Task.Delay(100, cts.Token);
    }

    [Fact]
    public async Task The_lifecycle_job_removes_expired_run_artifacts_and_nothing_else()
    {
        var project = Guid.NewGuid();
        var run = $"projects/{project}/runs/{Guid.NewGuid()}";
        var expired = $"{run}/script/script.json";
        var fresh = $"{run}/narration/scene-1.wav";
        var output = $"projects/{project}/outputs/final.mp4";
        var other = $"misc/{Guid.NewGuid()}/notes.txt";
        foreach (var key in new[] { expired, fresh, output, other }) (await fixture.PutAsync(key, Content)).EnsureSuccessStatusCode();
        var upload = (await (await fixture.Client.PostAsync("/api/storage/uploads", new ByteArrayContent(MediaSamples.Png)))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        // As if the retention period had passed for one artifact; the output is aged too, but outputs never expire.
        await fixture.ExecuteAsync("UPDATE objects SET expires_at = now() - interval '1 minute' WHERE key = $1", expired);
        await fixture.ExecuteAsync("UPDATE objects SET created_at = now() - interval '400 days', updated_at = now() - interval '400 days' WHERE key = $1", output);
        await WaitUntilGoneAsync([expired], TimeSpan.FromSeconds(30));

        // The job runs every half second here: two more rounds leave the others alone.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        foreach (var key in new[] { fresh, output, other, upload }) (await ExistsAsync(key)).Should().BeTrue(key);
        (await fixture.Client.GetAsync($"/api/storage/objects/{expired}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_projects_objects_go_including_ones_that_were_never_recorded_and_others_stay()
    {
        var deleted = Guid.NewGuid();
        var kept = Guid.NewGuid();
        var keys = new[] { $"projects/{deleted}/runs/{Guid.NewGuid()}/render/out.mp4", $"projects/{deleted}/outputs/final.mp4", $"exports/{deleted}/tiktok.zip" };
        foreach (var key in keys.Append($"projects/{kept}/outputs/final.mp4")) (await fixture.PutAsync(key, Content)).EnsureSuccessStatusCode();
        var unrecorded = $"projects/{deleted}/outputs/cover.jpg";
        var presigned = await (await fixture.Client.PostAsJsonAsync("/api/storage/presign", new { key = unrecorded, method = "PUT" })).Content.ReadFromJsonAsync<JsonElement>();
        using (var plain = new HttpClient())
            (await plain.PutAsync(presigned.GetProperty("url").GetString(), new ByteArrayContent(Content))).EnsureSuccessStatusCode();

        await PublishAsync(new ProjectDeleted { ProjectId = deleted });
        await WaitUntilGoneAsync(keys.Append(unrecorded), TimeSpan.FromSeconds(30));

        (await ExistsAsync($"projects/{kept}/outputs/final.mp4")).Should().BeTrue();
        var listed = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/storage/objects?prefix=projects/{deleted}/");
        listed.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    private async Task PublishAsync<T>(T message) where T : class
    {
        var settings = RabbitMqSettings.Parse(fixture.Stack.ConnectionString("messaging"));
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
        {
            h.Username(settings.UserName);
            h.Password(settings.Password);
        }));
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        try
        {
            await bus.Publish(message);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
