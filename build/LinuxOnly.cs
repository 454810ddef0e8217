// The AppHost drives Linux processes (setsid, setpriv, /proc, POSIX signals); it and every project that uses it
// (tests, benchmarks) are Linux-only. Included with <Compile Include="$(RepoRoot)build/LinuxOnly.cs" />.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
