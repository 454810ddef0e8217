namespace ContentMachine.Cli.Commands;

/// <summary>What a command's action works with.</summary>
public sealed record CommandContext(CliHost Host, ApiClient Api, ParseResult Parse)
{
    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    /// <summary>Raw output for scripts: a line as it is (never wrapped or styled).</summary>
    public void WriteLine(string text) => Host.Out.WriteLine(text);

    public void WriteJson(JsonElement json) => Host.Out.WriteLine(ApiJson.Print(json));
}
