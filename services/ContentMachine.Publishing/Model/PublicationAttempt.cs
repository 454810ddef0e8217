namespace ContentMachine.Publishing.Model;

/// <summary>One try at a publication: who worked it, when, and how it ended (null outcome: still running, or the worker died).</summary>
public sealed class PublicationAttempt
{
    public const int MaxErrorLength = 2000;

    public Guid PublicationId { get; private set; }
    public int Number { get; private set; }
    public string Worker { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Outcome { get; private set; }
    public string? Error { get; private set; }

    internal static PublicationAttempt Start(Guid publicationId, int number, string worker, DateTimeOffset now) =>
        new() { PublicationId = publicationId, Number = number, Worker = worker, StartedAt = now };

    internal void Finish(string outcome, string? error, DateTimeOffset now)
    {
        Outcome = outcome;
        Error = error is null ? null : Publication.Truncate(error, MaxErrorLength);
        FinishedAt = now;
    }
}
