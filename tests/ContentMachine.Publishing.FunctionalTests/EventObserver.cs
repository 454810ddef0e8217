using System.Collections.Concurrent;
using MassTransit;

namespace ContentMachine.Publishing.FunctionalTests;

/// <summary>What the Publishing service publishes, as the Projects service would receive it, so duplicates show.</summary>
public sealed class EventObserver
{
    private readonly ConcurrentQueue<IntegrationEvent> _received = new();
    private readonly List<(Func<IReadOnlyCollection<IntegrationEvent>, bool> Condition, TaskCompletionSource Reached)> _waiters = [];

    public IReadOnlyList<T> Of<T>(Guid projectId) where T : IntegrationEvent =>
        _received.OfType<T>().Where(e => e.ProjectId == projectId).ToList();

    public void Record(IntegrationEvent message)
    {
        _received.Enqueue(message);
        lock (_waiters)
            foreach (var waiter in _waiters.Where(w => w.Condition(_received)).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
    }

    public Task WaitUntilAsync(Func<IReadOnlyCollection<IntegrationEvent>, bool> condition, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (condition(_received)) return Task.CompletedTask;
            _waiters.Add((condition, reached));
        }
        return reached.Task.WaitAsync(timeout);
    }

    /// <summary>The first event of that type for the project.</summary>
    public async Task<T> WaitForAsync<T>(Guid projectId, TimeSpan timeout) where T : IntegrationEvent
    {
        await WaitUntilAsync(all => all.OfType<T>().Any(e => e.ProjectId == projectId), timeout);
        return Of<T>(projectId)[0];
    }

    public sealed class Consumer<T>(EventObserver observer) : IConsumer<T> where T : IntegrationEvent
    {
        public Task Consume(ConsumeContext<T> context)
        {
            observer.Record(context.Message);
            return Task.CompletedTask;
        }
    }
}
