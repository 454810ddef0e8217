namespace ContentMachine.Publishing.YouTube;

/// <summary>What an upload needs: the file, the adapted metadata, and the session saved by an earlier try (if any).</summary>
public sealed record UploadRequest(Guid ProjectId, string FilePath, Video Resource, Uri? SavedSession);

/// <summary>Where the uploader records its state; called synchronously from the upload, and it must have saved before
/// returning (the session before the first byte is sent).</summary>
public interface IUploadStateSink
{
    void SessionStarted(Uri sessionUri, long totalBytes);
    void Progressed(long bytesSent);
}

public sealed record UploadResult(string VideoId, Video? Resource, long Bytes, TimeSpan Elapsed, int Resumes);
