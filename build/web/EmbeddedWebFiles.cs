using System.Reflection;

namespace ContentMachine.Web;

/// <summary>A small front end's files, embedded in the assembly that serves it (LogicalName "{prefix}/{file}"), read once
/// at start and answered from memory. Compiled into both programs that have one: the AppHost (dashboard) and the gateway
/// (web app).</summary>
internal sealed class EmbeddedWebFiles
{
    private readonly Dictionary<string, (string ContentType, byte[] Bytes)> _files;

    public EmbeddedWebFiles(string prefix, params (string Name, string ContentType)[] files)
    {
        var assembly = Assembly.GetCallingAssembly();
        _files = files.ToDictionary(f => f.Name, f => (f.ContentType, Read(assembly, $"{prefix}/{f.Name}")));
    }

    public IReadOnlyCollection<string> Names => _files.Keys;

    public IResult Serve(string name) => TypedResults.Bytes(_files[name].Bytes, _files[name].ContentType);

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
