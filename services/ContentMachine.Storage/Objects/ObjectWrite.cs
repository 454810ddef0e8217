namespace ContentMachine.Storage.Objects;

/// <summary>An object about to be streamed in: <see cref="Length"/> is null when the client did not say (chunked).</summary>
public sealed record ObjectWrite(string Key, string ContentType, long? Length, long MaxBytes);
