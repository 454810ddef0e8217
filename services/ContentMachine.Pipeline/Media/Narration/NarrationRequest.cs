namespace ContentMachine.Pipeline.Media.Narration;

/// <param name="Voice">One of <see cref="ContentMachine.Contracts.Voices.All"/>.</param>
public sealed record NarrationRequest(string Text, string Voice, string Language, string OutputWavPath);
