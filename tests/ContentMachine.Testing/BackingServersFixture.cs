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
        Stack = new DistributedStack(Configure(TestStacks.Options(GetType().Name.ToLowerInvariant(), resources)));
        await Stack.StartAsync();
    }

    /// <summary>Adjusts the stack before it starts (environment for a service under test, replicas).</summary>
    protected virtual StackOptions Configure(StackOptions options) => options;

    public virtual Task DisposeAsync() => TestStacks.DisposeAndDeleteAsync(Stack);
}
