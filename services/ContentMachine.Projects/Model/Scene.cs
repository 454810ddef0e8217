namespace ContentMachine.Projects.Model;

public sealed class Scene
{
    public Guid ProjectId { get; private set; }
    public int Sequence { get; private set; }
    public string Text { get; private set; } = "";
    public double DurationSeconds { get; private set; }
    public string VisualPrompt { get; private set; } = "";

    public static Scene From(Contracts.SceneScript scene) => new()
    {
        Sequence = scene.Sequence, Text = scene.Text, DurationSeconds = scene.DurationSeconds, VisualPrompt = scene.VisualPrompt,
    };
}
