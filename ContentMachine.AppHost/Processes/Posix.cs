using System.Runtime.InteropServices;

namespace ContentMachine.AppHost.Processes;

/// <summary>The few libc calls .NET does not offer: sending a chosen signal (Process.Kill only sends SIGKILL), and
/// reading the effective user.</summary>
internal static class Posix
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    private const int ESRCH = 3;

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SysKill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint SysGetEuid();

    public static bool IsRoot => SysGetEuid() == 0;

    /// <summary>Sends <paramref name="signal"/> to a process; false when it no longer exists.</summary>
    public static bool Signal(int pid, int signal) => Send(pid, signal);

    /// <summary>Sends <paramref name="signal"/> to every process of the group that <paramref name="leaderPid"/> leads.</summary>
    public static bool SignalGroup(int leaderPid, int signal) => Send(-leaderPid, signal);

    private static bool Send(int target, int signal)
    {
        if (SysKill(target, signal) == 0) return true;
        var error = Marshal.GetLastPInvokeError();
        return error == ESRCH ? false : throw new InvalidOperationException($"kill({target}, {signal}) failed with errno {error}");
    }
}
