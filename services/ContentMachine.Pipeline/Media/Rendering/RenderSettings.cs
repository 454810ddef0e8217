namespace ContentMachine.Pipeline.Media.Rendering;

public sealed record RenderSettings(int Width = 1080, int Height = 1920, int Fps = 30, string Preset = "veryfast", int Crf = 23, int AudioBitrateK = 128, double TransitionSeconds = 0.3);
