namespace ContentMachine.AppHost.Tests;

public class StateDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "contentmachine-tests", $"wipe-{Guid.NewGuid():N}");
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "contentmachine-tests", $"outside-{Guid.NewGuid():N}");

    [Fact]
    public void Fresh_wipes_every_piece_of_state_including_postgres_data_kept_outside_but_not_the_lock()
    {
        Directory.CreateDirectory(Path.Combine(_root, "redis"));
        File.WriteAllText(Path.Combine(_root, "redis", "appendonly.aof"), "data");
        File.WriteAllText(Path.Combine(_root, "secrets.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_outside, "data"));
        File.WriteAllText(Path.Combine(_outside, "data", "PG_VERSION"), "15");
        File.CreateSymbolicLink(Path.Combine(_root, "postgres"), _outside);
        using var state = new StateDirectory(_root);
        state.Acquire();

        state.Wipe();

        Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Should().Equal("run");
        Directory.Exists(_outside).Should().BeFalse();
    }

    [Fact]
    public void Delete_removes_the_folder_and_postgres_data_kept_outside()
    {
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_outside);
        File.CreateSymbolicLink(Path.Combine(_root, "postgres"), _outside);

        StateDirectory.Delete(_root);

        Directory.Exists(_root).Should().BeFalse();
        Directory.Exists(_outside).Should().BeFalse();
    }

    public void Dispose()
    {
        StateDirectory.Delete(_root);
        if (Directory.Exists(_outside)) Directory.Delete(_outside, recursive: true);
    }
}
