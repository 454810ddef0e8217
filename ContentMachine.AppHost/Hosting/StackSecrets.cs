using System.Security.Cryptography;
using System.Text.Json;

namespace ContentMachine.AppHost.Hosting;

/// <summary>Passwords generated once per state folder and kept in it (mode 600): the data they protect persists, so
/// they must too. They reach services only through their environment, never a command line or a log.</summary>
public sealed class StackSecrets
{
    private readonly string _path;
    private Dictionary<string, string>? _values;

    /// <summary>The file is read at the first <see cref="Get"/>, so that a --fresh wipe before it starts from nothing.</summary>
    public StackSecrets(string path) => _path = path;

    /// <summary>The secret of that name, made by <paramref name="generate"/> (128 random bits in hex by default) the first
    /// time.</summary>
    public string Get(string name, Func<string>? generate = null)
    {
        lock (_path)
        {
            _values ??= File.Exists(_path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_path)) ?? [] : [];
            if (_values.TryGetValue(name, out var value)) return value;
            _values[name] = value = generate?.Invoke() ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            Save();
            return value;
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var file = new FileStream(_path, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        JsonSerializer.Serialize(file, _values);
    }
}
