using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>The process's one espeak-ng instance. espeak keeps all its state (voice, rate, callback) per process and
/// corrupts its heap when two threads synthesise at once, so every call holds one static lock; it is initialised once
/// and never terminated (Terminate then Initialize hangs the next synthesis).</summary>
public static unsafe class EspeakEngine
{
    private static readonly Lock Gate = new();
    private static int _sampleRate;

    // The callback runs on the thread that called espeak_Synth (synchronous mode), under the lock.
    [ThreadStatic] private static Capture? _capture;

    public static EspeakSynthesis Synthesize(string text, EspeakVoice voice, int rateWpm)
    {
        lock (Gate)
        {
            EnsureInitialised();
            SelectVoice(voice);
            // Rate and voice are global: set inside the lock, on every call.
            Check(EspeakNative.SetParameter(EspeakNative.ParameterRate, rateWpm, 0), "espeak_SetParameter(rate)");
            var capture = _capture = new Capture();
            try
            {
                var utf8 = Encoding.UTF8.GetBytes(text + "\0");
                fixed (byte* p = utf8)
                    Check(EspeakNative.Synth(p, (nuint)utf8.Length, 0, EspeakNative.PositionCharacter, 0, EspeakNative.CharsUtf8, null, null), "espeak_Synth");
                EspeakNative.Synchronize();
            }
            finally
            {
                _capture = null;
            }
            if (capture.Failure is not null) throw new InvalidOperationException("espeak callback failed", capture.Failure);
            return new EspeakSynthesis(new WavFormat(_sampleRate, 1, 16), capture.Pcm.ToArray(), ToUtf16(text, capture.Events));
        }
    }

    private static void EnsureInitialised()
    {
        if (_sampleRate > 0) return;
        var rate = EspeakNative.Initialize(EspeakNative.AudioOutputSynchronous, 0, null, 0);
        if (rate <= 0) throw new InvalidOperationException($"espeak_Initialize failed ({rate}); is libespeak-ng1 installed?");
        EspeakNative.SetSynthCallback(&OnSynth);
        _sampleRate = rate;
    }

    private static void SelectVoice(EspeakVoice voice)
    {
        if (voice.Name is not null && EspeakNative.SetVoiceByName(voice.Name) == 0) return;
        var language = Encoding.UTF8.GetBytes(voice.Language + "\0");
        fixed (byte* languages = language)
        {
            var spec = new EspeakNative.VoiceSpec { Languages = languages, Gender = voice.Gender };
            Check(EspeakNative.SetVoiceByProperties(&spec), $"espeak_SetVoiceByProperties({voice.Language})");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSynth(short* wav, int samples, EspeakNative.Event* events)
    {
        var capture = _capture;
        if (capture is null) return 0;
        // An exception escaping an UnmanagedCallersOnly method ends the process: keep it and abort synthesis instead.
        try
        {
            if (wav is not null && samples > 0) capture.Pcm.Write(new ReadOnlySpan<byte>(wav, samples * 2));
            for (var e = events; e is not null && e->Type != EspeakNative.EventListTerminated; e++)
                if (e->Type == EspeakNative.EventWord) capture.Events.Add((e->TextPosition, e->Length, e->AudioPosition));
            return 0;
        }
        catch (Exception ex)
        {
            capture.Failure = ex;
            return 1;
        }
    }

    /// <summary>espeak counts 1-based code points; C# strings index UTF-16 units (an emoji is two).</summary>
    private static List<WordEvent> ToUtf16(string text, List<(int Position, int Length, int Ms)> events)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) starts.Add(i);
        starts.Add(text.Length);
        int Index(int codePoint) => starts[Math.Clamp(codePoint, 0, starts.Count - 1)];
        return events.Select(e => new WordEvent(Index(e.Position - 1), Index(e.Position - 1 + e.Length) - Index(e.Position - 1), e.Ms)).ToList();
    }

    private static void Check(int result, string call)
    {
        if (result != 0) throw new InvalidOperationException($"{call} returned espeak error {result}");
    }

    private sealed class Capture
    {
        public MemoryStream Pcm { get; } = new();
        public List<(int Position, int Length, int Ms)> Events { get; } = [];
        public Exception? Failure { get; set; }
    }
}
