using ContentMachine.ServiceDefaults.Clients;
using ContentMachine.Pipeline.Clients;
using ContentMachine.Pipeline.Model;
using ContentMachine.Pipeline.Runs;
using ContentMachine.Pipeline.Stages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentMachine.Pipeline.Tests;

/// <summary>The check before rendering against a fake Search: warn records and goes on, fail stops naming the similar
/// project, and Search being down only stops projects that asked to fail.</summary>
public class DuplicateGuardTests
{
    private static readonly Guid Similar = Guid.NewGuid();
    private static readonly VideoScript Script = new("Octopus hearts", "Why three.", ["#Octopus", "#Facts", "#Shorts"],
        [new SceneScript(1, "Octopuses have three hearts.", 3, "octopus")]);

    private static Task<TestBackend> SearchAsync(bool duplicate) => TestBackend.StartAsync(app =>
        app.MapPost("/api/search/duplicates", () => Results.Json(new
        {
            isDuplicate = duplicate, threshold = 0.9,
            bestMatch = new { projectId = Similar, score = duplicate ? 0.97 : 0.4, title = "Why octopuses have three hearts" },
        })));

    private static (DuplicateGuard Guard, RunWork Work) Create(Uri search, string onDuplicate)
    {
        var run = Run.Submitted(new ProjectSubmitted
        {
            ProjectId = Guid.NewGuid(), RunId = Guid.NewGuid(), Attempt = 1, Topic = "Octopus hearts", Title = "Octopus hearts",
            Options = new VideoOptions { OnDuplicate = onDuplicate },
        });
        var guard = new DuplicateGuard(new SearchClient(new HttpClient { BaseAddress = search }), Options.Create(new PipelineOptions()),
            NullLogger<DuplicateGuard>.Instance);
        return (guard, new RunWork(run, Path.GetTempPath(), new StorageClient(new HttpClient(), NullLogger<StorageClient>.Instance)));
    }

    [Fact]
    public async Task With_warn_a_duplicate_is_recorded_and_the_run_goes_on()
    {
        await using var search = await SearchAsync(duplicate: true);
        var (guard, work) = Create(search.Url, DuplicatePolicies.Warn);

        await guard.CheckAsync(work, Script, CancellationToken.None);

        work.Events.OfType<DuplicateSuspected>().Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { SimilarProjectId = Similar, Score = 0.97, SimilarTitle = "Why octopuses have three hearts" });
    }

    [Fact]
    public async Task With_fail_a_duplicate_stops_the_run_naming_the_similar_project()
    {
        await using var search = await SearchAsync(duplicate: true);
        var (guard, work) = Create(search.Url, DuplicatePolicies.Fail);

        var act = () => guard.CheckAsync(work, Script, CancellationToken.None);

        (await act.Should().ThrowAsync<StageFailedException>()).Which.Message.Should().Contain(Similar.ToString()).And.Contain("97");
    }

    [Fact]
    public async Task Content_unlike_anything_passes_without_a_finding()
    {
        await using var search = await SearchAsync(duplicate: false);
        var (guard, work) = Create(search.Url, DuplicatePolicies.Fail);

        await guard.CheckAsync(work, Script, CancellationToken.None);

        work.Events.Should().BeEmpty();
    }

    [Theory]
    [InlineData(DuplicatePolicies.Warn, false)]
    [InlineData(DuplicatePolicies.Fail, true)]
    public async Task Search_being_down_only_stops_projects_that_asked_to_fail_on_duplicates(string policy, bool throws)
    {
        var (guard, work) = Create(new Uri("http://127.0.0.1:9"), policy); // nothing listens on the discard port

        var act = () => guard.CheckAsync(work, Script, CancellationToken.None);

        if (throws) await act.Should().ThrowAsync<HttpRequestException>();
        else await act.Should().NotThrowAsync();
    }
}
