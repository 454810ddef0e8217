namespace ContentMachine.Publishing.Model;

public enum PublicationStatus
{
    /// <summary>Due now: the runner takes it as soon as a worker is free (also after a transient failure, at NextAttemptAt).</summary>
    Pending,
    /// <summary>A Quartz job makes it Pending at its publishAt (less the platform's lead time).</summary>
    Scheduled,
    /// <summary>The daily quota is used up: it stays here until the next quota window (NextAttemptAt).</summary>
    WaitingForQuota,
    /// <summary>A worker holds it (upload or package build in progress).</summary>
    Uploading,
    /// <summary>On the platform (YouTube): Url and PlatformId are set.</summary>
    Published,
    /// <summary>An export package is ready for a person to upload: ExportKey and Url are set.</summary>
    Exported,
    /// <summary>Gave up; Error says why, Retryable whether POST .../retry may help.</summary>
    Failed,
}
