namespace ContentMachine.Publishing.YouTube;

/// <summary>YouTube answered 403 quotaExceeded (or uploadLimitExceeded): wait for the next quota window.</summary>
public sealed class YouTubeQuotaExceededException(string message) : Exception(message);

/// <summary>The saved session is gone (404/410): nothing was completed on it, so a new session may start.</summary>
public sealed class UploadSessionExpiredException(string message) : Exception(message);
