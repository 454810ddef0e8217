using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentMachine.Pipeline.Media.Rendering;

/// <summary>Runs ffmpeg with an argument list (never a shell). On cancellation the whole process tree is killed by PID
/// and the call throws <see cref="OperationCanceledException"/> once it has exited (or after the kill timeout); a
/// non-zero exit throws <see cref="FfmpegException"/> with the end of stderr. Running PIDs are visible for checks.</summary>
public sealed class FfmpegRunner(IOptions<MediaOptions> options, ILogger<FfmpegRunner> logger)
{
    private readonly ConcurrentDictionary<int, string> _running = new();

    /// <summary>Raised with the PID right after ffmpeg starts.</summary>
    public event Action<int>? ProcessStarted;

    public IReadOnlyCollection<int> RunningProcessIds => _running.Keys.ToList();

    public Task RunAsync(IReadOnlyList<string> arguments, string workingDirectory, CancellationToken ct) =>
        RunToolAsync(options.Value.FfmpegPath, arguments, workingDirectory, null, ct);

    /// <summary>Runs any of the media tools (ffprobe too) and hands each stdout line to <paramref name="onOutput"/>.</summary>
    public async Task RunToolAsync(string executable, IReadOnlyList<string> arguments, string workingDirectory, Action<string>? onOutput, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var activity = MediaTelemetry.Source.StartActivity("pipeline.ffmpeg");
        activity?.SetTag("process.executable.name", Path.GetFileName(executable));
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = info };
        var tail = new StderrTail();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) tail.Add(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput?.Invoke(e.Data); };
        var started = Stopwatch.GetTimestamp();
        process.Start();
        var pid = process.Id;
        // Renders take every core they can get: below normal priority, the service's own requests, health checks and
        // the other processes on the machine stay responsive while one runs.
        TryLowerPriority(process);
        _running[pid] = executable;
        activity?.SetTag("process.pid", pid);
        try
        {
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            ProcessStarted?.Invoke(pid);
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await KillAsync(process, pid);
            logger.LogInformation("Cancelled {Tool} {Pid} after {ElapsedMs:F0} ms", Path.GetFileName(executable), pid, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new OperationCanceledException($"{Path.GetFileName(executable)} {pid} was cancelled and killed", ct);
        }
        finally
        {
            _running.TryRemove(pid, out _);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"exit code {process.ExitCode}");
            logger.LogWarning("{Tool} {Pid} failed with exit code {ExitCode} after {ElapsedMs:F0} ms", Path.GetFileName(executable), pid, process.ExitCode, elapsed.TotalMilliseconds);
            throw new FfmpegException(process.ExitCode, tail.ToString());
        }
        logger.LogDebug("{Tool} {Pid} finished in {ElapsedMs:F0} ms", Path.GetFileName(executable), pid, elapsed.TotalMilliseconds);
    }

    private async Task KillAsync(Process process, int pid)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            return; // it exited on its own between the cancellation and the kill
        }
        using var wait = new CancellationTokenSource(options.Value.KillTimeoutMs);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("ffmpeg {Pid} did not exit within {KillTimeoutMs} ms of being killed", pid, options.Value.KillTimeoutMs);
        }
    }

    private void TryLowerPriority(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            logger.LogDebug("Could not lower the priority of {Pid}: {Reason}", process.Id, ex.Message);
        }
    }
}
