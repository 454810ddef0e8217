using ContentMachine.Contracts;
using ContentMachine.Pipeline.Clients;
using ContentMachine.Pipeline.Media.Script;

namespace ContentMachine.Pipeline.Stages;

/// <summary>Before rendering, Search is asked whether the script is close to something already made. With the project's
/// <c>onDuplicate: fail</c> the run stops naming the similar project; with <c>warn</c> it goes on and the finding is
/// recorded (a DuplicateSuspected event and a log line). Search being unreachable only blocks projects that asked to fail.</summary>
public sealed class DuplicateGuard(SearchClient search, IOptions<PipelineOptions> options, ILogger<DuplicateGuard> logger)
{
    public async Task CheckAsync(RunWork work, VideoScript script, CancellationToken ct)
    {
        var text = string.Join(' ', script.Scenes.Select(s => s.Text).Prepend(script.Title));
        var failOnDuplicate = work.Options.OnDuplicate == DuplicatePolicies.Fail;
        DuplicateCheck check;
        try
        {
            check = await search.CheckDuplicatesAsync(text, options.Value.DuplicateThreshold, work.ProjectId, ct);
        }
        catch (HttpRequestException ex) when (!failOnDuplicate)
        {
            logger.LogWarning("The duplicate check for project {ProjectId} could not reach Search ({Reason}); rendering without it", work.ProjectId, ex.Message);
            return;
        }
        if (!check.IsDuplicate || check.BestMatch is not { } match) return;

        var finding = $"The script is {match.Score:P0} similar to project {match.ProjectId} (\"{match.Title}\")";
        if (failOnDuplicate) throw new StageFailedException(finding + "; the project's options say a duplicate fails the run.");
        logger.LogWarning("{Finding}; rendering anyway (project {ProjectId}, onDuplicate warn)", finding, work.ProjectId);
        work.Raise(new DuplicateSuspected
        {
            ProjectId = work.ProjectId, RunId = work.RunId, Attempt = work.Attempt,
            SimilarProjectId = match.ProjectId, Score = match.Score, SimilarTitle = match.Title,
        });
    }
}
