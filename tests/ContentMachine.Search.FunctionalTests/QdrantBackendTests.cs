using ContentMachine.Search.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContentMachine.Search.FunctionalTests;

/// <summary>The same service with <c>ConnectionStrings__qdrant</c> set: the index is Qdrant's (an in-process one speaking
/// its REST API), filled by a re-index from searchdb, searched, and reported by /health.</summary>
[Collection(SearchCollection.Name)]
public class QdrantBackendTests(SearchServiceFixture fixture)
{
    [Fact]
    public async Task With_a_qdrant_connection_string_reindex_fills_the_collection_and_search_answers_from_qdrant()
    {
        var topic = $"qdrant {Guid.NewGuid():N}"[..15];
        var project = TestProject.New(topic, "Why the sky is blue");
        await fixture.PublishAsync(project.Submitted());
        await fixture.PublishAsync(project.Scripted("Scattering.", "Blue light scatters more than red light."));
        await fixture.SearchUntilAsync($"q=sky&topic={topic}", r => r.GetProperty("results").GetArrayLength() == 1);
        await using var qdrant = await FakeQdrant.StartAsync();
        await using var service = fixture.CreateService(b =>
        {
            b.UseSetting("ConnectionStrings:qdrant", $"Endpoint={qdrant.Url};Key={qdrant.ApiKey}");
            b.UseSetting("Search:Qdrant:Collection", "functional-projects");
        });
        using var client = service.CreateClient();

        var reindex = await (await client.PostAsync("/api/search/reindex", null)).Content.ReadFromJsonAsync<JsonElement>();
        var live = await fixture.QueryAsync(db => db.Documents.CountAsync(d => d.DeletedAt == null && (d.Title != "" || d.Topic != "" || d.Script != "")));
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString("why is the sky blue")}&topic={topic}&status=scripted");
        var health = await SearchServiceFixture.WaitUntilHealthyAsync(client); // this second instance's bus may still be starting

        reindex.GetProperty("index").GetString().Should().Be("qdrant");
        reindex.GetProperty("indexed").GetInt32().Should().Be(live);
        qdrant.Collections["functional-projects"].Points.Should().HaveCount(live);
        qdrant.Collections["functional-projects"].Size.Should().Be(384);
        found.GetProperty("index").GetString().Should().Be("qdrant");
        found.GetProperty("results").EnumerateArray().Single().GetProperty("projectId").GetGuid().Should().Be(project.Id);
        health.Should().Contain("\"qdrant\"");
    }
}
