namespace ContentMachine.Storage.Objects;

/// <summary>A body streamed in without a Content-Length turned out larger than allowed; the API answers 413.</summary>
public sealed class ObjectTooLargeException(long limit) : Exception($"The object is larger than the {limit} bytes accepted.")
{
    public long Limit { get; } = limit;
}
