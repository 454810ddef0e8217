namespace ContentMachine.Publishing.Runner;

/// <summary>Wakes the runner when work became due in this process (a request committed, a retry, a scheduled time);
/// work made due elsewhere is found by polling.</summary>
public sealed class PublicationSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
