using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using ContentMachine.AppHost.Console;
using ContentMachine.AppHost.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>Each resource's console output: the kept tail, and a live stream (server-sent events) that starts with the
/// tail and goes on with every new line.</summary>
public static partial class ConsoleApi
{
    /// <summary>Lines a slow reader may fall behind before the oldest are dropped (the stream says how many).</summary>
    private const int ReaderBacklog = 2_000;

    public static RouteGroupBuilder MapConsoleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/console").WithTags("Dashboard");
        api.MapGet("", ListSources).WithName("ListConsoleSources").WithSummary("The resources with a console, the AppHost first.");
        api.MapGet("{name}", Tail).WithName("GetConsoleTail").WithSummary("The last lines a resource wrote (?tail=, at most what is kept).");
        api.MapGet("{name}/stream", Stream).WithName("StreamConsole")
            .WithSummary("Server-sent events: the last lines (?tail=), then every new line as it is written.");
        return api;
    }

    public static Ok<IReadOnlyList<string>> ListSources(IDashboardStack stack) =>
        TypedResults.Ok<IReadOnlyList<string>>([StackContext.AppHostResource, .. stack.Snapshots().Select(s => s.Name)]);

    public static Results<Ok<IReadOnlyList<ConsoleLine>>, NotFound> Tail(string name, int? tail, IDashboardStack stack) =>
        Known(name, stack)
            ? TypedResults.Ok<IReadOnlyList<ConsoleLine>>(stack.Logs.Tail(name, Math.Clamp(tail ?? 500, 1, 10_000)).Select(ConsoleLine.From).ToList())
            : TypedResults.NotFound();

    public static Results<ServerSentEventsResult<ConsoleLine>, NotFound> Stream(string name, int? tail, IDashboardStack stack, CancellationToken ct) =>
        Known(name, stack) ? TypedResults.ServerSentEvents(Follow(name, Math.Clamp(tail ?? 500, 0, 10_000), stack.Logs, ct)) : TypedResults.NotFound();

    private static async IAsyncEnumerable<SseItem<ConsoleLine>> Follow(string name, int tail, ResourceLogs logs, [EnumeratorCancellation] CancellationToken ct)
    {
        var lines = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(ReaderBacklog) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnLine(LogLine line)
        {
            if (line.Resource == name) lines.Writer.TryWrite(line);
        }
        // Subscribe before reading the tail so that no line falls between the two; a line in both is sent once.
        logs.LineWritten += OnLine;
        try
        {
            var last = 0L;
            foreach (var line in tail == 0 ? [] : logs.Tail(name, tail))
            {
                last = line.Sequence;
                yield return new SseItem<ConsoleLine>(ConsoleLine.From(line), "line");
            }
            await foreach (var line in lines.Reader.ReadAllAsync(ct))
                if (line.Sequence > last) yield return new SseItem<ConsoleLine>(ConsoleLine.From(line), "line");
        }
        finally
        {
            logs.LineWritten -= OnLine;
        }
    }

    private static bool Known(string name, IDashboardStack stack) =>
        name == StackContext.AppHostResource || stack.Snapshots().Any(s => s.Name == name);
}

/// <summary>A console line as the dashboard shows it: terminal colour codes removed.</summary>
public sealed partial record ConsoleLine(DateTimeOffset Timestamp, string Text, bool IsError)
{
    public static ConsoleLine From(LogLine line) => new(line.Timestamp, AnsiEscape().Replace(line.Text, ""), line.IsError);

    [GeneratedRegex(@"\x1B\[[0-9;?]*[ -/]*[@-~]")]
    private static partial Regex AnsiEscape();
}
