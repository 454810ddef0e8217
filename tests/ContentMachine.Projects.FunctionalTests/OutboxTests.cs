using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging.Inbox;
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

        await fixture.WithServiceLogsOnTimeoutAsync(async () =>
        {
            await fixture.Observer.WaitUntilAsync(r => ids.All(id => r.OfType<ProjectSubmitted>().Any(e => e.ProjectId == id)), TimeSpan.FromSeconds(90));
            await fixture.WaitUntilOutboxEmptyAsync(TimeSpan.FromSeconds(30));
        });
        // Delivery is at least once: a publish the broker took just as its confirm timed out goes again, with the same
        // event id, which every consumer's inbox drops. What must never happen is a second event for one submission.
        ids.Should().OnlyContain(id => fixture.Observer.Of<ProjectSubmitted>(id).Select(e => e.EventId).Distinct().Count() == 1);
        fixture.Logs.Entries.Should().Contain(l => l.Message.StartsWith("The message broker is reachable again"),
            "rows backed off during the outage are retried as soon as the bus is healthy, not after their delay");

        // The service's consumers reconnected too: a pipeline event reaches the read model again.
        var project = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{ids[0]}");
        await fixture.PublishAsync(new PipelineEvents(project).Started("script"));
        await fixture.WaitForProjectAsync(ids[0], p => p.GetProperty("status").GetString() == "running", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_row_that_can_never_be_published_is_set_aside_and_does_not_hold_back_the_rest()
    {
        var poison = Guid.NewGuid();
        await fixture.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (event_id, project_id, message_type, payload, created_at, attempts)
            VALUES ({poison}, {Guid.NewGuid()}, 'ProjectTeleported', {"{}"}::jsonb, now(), 0)
            """));

        var created = await fixture.Client.PostAsJsonAsync("/api/projects", new { topic = "Written after a poison row" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await fixture.Observer.WaitUntilAsync(r => r.OfType<ProjectSubmitted>().Any(e => e.ProjectId == id), TimeSpan.FromSeconds(30));

        // The relay records the batch's outcome after publishing it: wait for the row to be set aside.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        OutboxMessage row;
        while ((row = await fixture.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.EventId == poison, cts.Token))).DeadLetteredAt is null)
            await Task.Delay(50, cts.Token);
        row.SentAt.Should().BeNull();
        row.LastError.Should().Contain("ProjectTeleported");
    }

    [Fact]
    public async Task Sent_rows_and_inbox_entries_past_their_retention_are_swept()
    {
        var oldEvent = Guid.NewGuid();
        await fixture.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (event_id, project_id, message_type, payload, created_at, sent_at, attempts)
            VALUES ({oldEvent}, {Guid.NewGuid()}, 'ProjectDeleted', {"{}"}::jsonb, now() - interval '30 days', now() - interval '30 days', 0);
            INSERT INTO inbox_messages (consumer, event_id, processed_at) VALUES ('OldConsumer', {oldEvent}, now() - interval '30 days');
            """));

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await fixture.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.EventId == oldEvent, cts.Token))
               || await fixture.QueryAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.EventId == oldEvent, cts.Token)))
            await Task.Delay(200, cts.Token);
    }
}
