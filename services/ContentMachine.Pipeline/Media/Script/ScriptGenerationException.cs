namespace ContentMachine.Pipeline.Media.Script;

/// <summary>The script provider gave no usable script after every attempt; <see cref="Exception.Message"/> says why.</summary>
public sealed class ScriptGenerationException(string message, Exception? inner = null) : Exception(message, inner);
