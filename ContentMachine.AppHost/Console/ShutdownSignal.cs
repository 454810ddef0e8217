using System.Runtime.InteropServices;

namespace ContentMachine.AppHost.Console;

/// <summary>Ctrl+C, SIGTERM or SIGHUP asks for a graceful stop; a second one asks to kill everything at once.</summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _graceful = new();
    private readonly CancellationTokenSource _kill = new();
    private readonly List<PosixSignalRegistration> _registrations;

    public ShutdownSignal() =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];

    public CancellationToken Requested => _graceful.Token;
    public CancellationToken KillRequested => _kill.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the AppHost stops its children itself before it exits
        if (_graceful.IsCancellationRequested) _kill.Cancel();
        else _graceful.Cancel();
    }

    public void Dispose()
    {
        _registrations.ForEach(r => r.Dispose());
        _graceful.Dispose();
        _kill.Dispose();
    }
}
