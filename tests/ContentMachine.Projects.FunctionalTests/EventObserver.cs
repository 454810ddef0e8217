using System.Collections.Concurrent;
using ContentMachine.Contracts;
using MassTransit;

namespace ContentMachine.Projects.FunctionalTests;

/// <summary>Everything the Projects service publishes, as another service would receive it (one durable queue of its
/// own, so a broker restart loses nothing), counted per event id so that duplicates show.</summary>
public sealed class EventObserver
{
    private readonly ConcurrentQueue<IntegrationEvent> _received = new();
    private readonly List<(Func<IReadOnlyCollection<IntegrationEvent>, bool> Condition, TaskCompletionSource Reached)> _waiters = [];

    public IReadOnlyList<IntegrationEvent> Received => _received.ToList();

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

    /// <summary>Completes once what was received satisfies the condition (checked at every arrival, no polling).</summary>
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

    public sealed class Consumer<T>(EventObserver observer) : IConsumer<T> where T : IntegrationEvent
    {
        public Task Consume(ConsumeContext<T> context)
        {
            observer.Record(context.Message);
            return Task.CompletedTask;
        }
    }
}
