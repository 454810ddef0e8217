using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Testing;

/// <summary>A logger provider that keeps every formatted message (with its scope values), for asserting what a
/// service reported. Debug and above unless asked for more (Trace, to prove something is never logged at any level).</summary>
public sealed class CapturedLogs(LogLevel minimumLevel = LogLevel.Debug) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly LogLevel _minimumLevel = minimumLevel;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            owner._scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs);
                else if (scope is IEnumerable<KeyValuePair<string, object>> values) list.AddRange(values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value)));
            }, scopes);
            owner._entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), scopes, exception));
        }
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, string Message, IReadOnlyList<KeyValuePair<string, object?>> Scope,
    Exception? Exception = null);
