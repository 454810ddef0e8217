namespace ContentMachine.Publishing.YouTube;

/// <summary>Saves the upload's session and progress on the publication as the library reports them. The library calls
/// synchronously and sends the first byte only after the session handler returns, so the session is durable before any
/// data leaves; a failure to save fails the upload before it starts.</summary>
public sealed class PublicationUploadSink(PublishingDbContext db, Publication publication, TimeProvider clock, TimeSpan lease) : IUploadStateSink
{
    public void SessionStarted(Uri sessionUri, long totalBytes)
    {
        publication.RecordSession(sessionUri, totalBytes, clock.GetUtcNow(), lease);
        db.SaveChanges();
    }

    public void Progressed(long bytesSent)
    {
        publication.RecordProgress(bytesSent, clock.GetUtcNow(), lease);
        db.SaveChanges();
    }
}
