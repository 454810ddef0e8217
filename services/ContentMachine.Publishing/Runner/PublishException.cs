namespace ContentMachine.Publishing.Runner;

/// <summary>A failure with a reason meant for the user. <see cref="Retryable"/>: a retry may help (it is offered to the
/// user); <see cref="Automatic"/>: the runner itself tries again later (transient trouble, not a missing connection).</summary>
public sealed class PublishException(string message, bool retryable, Exception? inner = null, bool? automatic = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
    public bool Automatic { get; } = automatic ?? retryable;
}
