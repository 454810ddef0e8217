using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ContentMachine.Projects.FunctionalTests;

[Collection(ProjectsCollection.Name)]
public class OutboxTests(ProjectsServiceFixture fixture)
{
    [Fact]
    public async Task With_the_broker_down_projects_are_still_created_and_every_event_arrives_exactly_once_when_it_is_back()
    {
        await fixture.Stack.StopResourceAsync("rabbitmq");
        List<Guid> ids;
        try
        {
            var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
                fixture.Client.PostAsJsonAsync("/api/projects", new { topic = $"Created while the broker is down #{i}" })));

            responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
            ids = (await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()))).Select(p => p.GetProperty("id").GetGuid()).ToList();
            var waiting = await fixture.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => ids.Contains(m.ProjectId) && m.SentAt == null));
            waiting.Should().Be(50, "the events wait in the outbox");
        }
        finally
        {
            await fixture.Stack.StartResourceAsync("rabbitmq");
        }

        await fixture.Observer.WaitUntilAsync(r => ids.All(id => r.OfType<ProjectSubmitted>().Any(e => e.ProjectId == id)), TimeSpan.FromSeconds(90));
        await fixture.WaitUntilOutboxEmptyAsync(TimeSpan.FromSeconds(30));

        ids.Should().OnlyContain(id => fixture.Observer.Of<ProjectSubmitted>(id).Count == 1);
        var afterRestart = await fixture.Client.PostAsJsonAsync("/api/projects", new { topic = "Created after the broker came back" });
        afterRestart.StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
