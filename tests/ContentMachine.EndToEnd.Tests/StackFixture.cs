namespace ContentMachine.EndToEnd.Tests;

/// <summary>One whole stack per test run, started through the AppHost's API exactly as `dotnet run --project
/// ContentMachine.AppHost` starts it (with two Pipeline replicas), on free ports with its own state folder.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public DistributedStack Stack { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = new DistributedStack(TestStacks.Options("e2e", replicas: new Dictionary<string, int> { ["pipeline"] = 2 }));
        try
        {
            await Stack.StartAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The stack did not start: {ex.Message}{Environment.NewLine}{TestStacks.RecentOutput(Stack)}", ex);
        }
        Gateway = new HttpClient { BaseAddress = Stack.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        await TestStacks.DisposeAndDeleteAsync(Stack);
    }
}

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "whole stack";
}
