using ContentMachine.AppHost.Hosting;
using Xunit;

namespace ContentMachine.Testing;

/// <summary>Real PostgreSQL and RabbitMQ (and whatever else is asked for) for a service's functional tests, started
/// through the AppHost's own API and shared by the tests of a class or collection.</summary>
public abstract class BackingServersFixture(params string[] resources) : IAsyncLifetime
{
    public DistributedStack Stack { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Stack = new DistributedStack(TestStacks.Options(GetType().Name.ToLowerInvariant(), resources));
        await Stack.StartAsync();
    }

    public virtual Task DisposeAsync() => TestStacks.DisposeAndDeleteAsync(Stack);
}
