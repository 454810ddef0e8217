using ContentMachine.Contracts;

namespace ContentMachine.Pipeline.Media.Script;

public sealed record VideoScript(string Title, string Description, IReadOnlyList<string> Hashtags, IReadOnlyList<SceneScript> Scenes)
{
    public int WordCount => Scenes.Sum(s => ScriptText.CountWords(s.Text));
}
