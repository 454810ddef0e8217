// The AppHost drives Linux processes (setsid, setpriv, /proc, POSIX signals).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
