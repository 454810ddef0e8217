namespace ContentMachine.EndToEnd.Tests;

/// <summary>One whole stack per test run, started through the AppHost's API exactly as `dotnet run --project
/// ContentMachine.AppHost` starts it (with two Pipeline replicas), on free ports with its own state folder.</summary>
public sealed partial class StackFixture : IAsyncLifetime
{
    public DistributedStack Stack { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The API key clients send to the gateway: the admin key the AppHost made for this state folder.</summary>
    public string ApiKey => Stack.AdminApiKey;

    /// <summary>Where the pipeline replicas make their runs' temporary folders.</summary>
    public string PipelineWorkDirectory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = TestStacks.Options("e2e", replicas: new Dictionary<string, int> { ["pipeline"] = 2 });
        PipelineWorkDirectory = Path.Combine(options.StateDirectory!, "pipeline-work");
        Stack = new DistributedStack(options with
        {
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string?>>
            {
                ["pipeline"] = new Dictionary<string, string?> { ["Pipeline__WorkDirectory"] = PipelineWorkDirectory },
                // Every test calls with the one admin key, faster than a person would: the limits have tests of their own.
                ["gateway"] = GatewayRateLimits.Unlimited,
            },
        });
        try
        {
            await Stack.StartAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The stack did not start: {ex.Message}{Environment.NewLine}{TestStacks.RecentOutput(Stack)}", ex);
        }
        // Every call through the gateway carries the admin key the AppHost made for this state folder.
        Gateway = new HttpClient { BaseAddress = Stack.GatewayUrl, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { "X-Api-Key", ApiKey } } };
    }

    /// <summary>The first line a resource writes, from now on, that satisfies <paramref name="match"/> (the output is the
    /// signal; nothing polls).</summary>
    public async Task<string> WaitForLogAsync(string resource, Func<string, bool> match, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(AppHost.Console.LogLine line)
        {
            if (line.Resource.StartsWith(resource, StringComparison.Ordinal) && match(line.Text)) found.TrySetResult(line.Text);
        }
        Stack.Logs.LineWritten += OnLine;
        try
        {
            return await found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        finally
        {
            Stack.Logs.LineWritten -= OnLine;
        }
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
