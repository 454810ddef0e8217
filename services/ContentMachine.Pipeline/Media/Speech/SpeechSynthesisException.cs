namespace ContentMachine.Pipeline.Media.Speech;

/// <summary>The speech endpoint refused or failed (the reason, never the key).</summary>
public sealed class SpeechSynthesisException(string message) : Exception(message);
