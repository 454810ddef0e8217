using System.Runtime.InteropServices;

namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>libespeak-ng's C API (speak_lib.h). The versioned name: the unversioned .so ships only with the -dev package.
/// C enums are passed as int, size_t as nuint; layouts checked on x86-64 Linux (LP64).</summary>
internal static unsafe partial class EspeakNative
{
    private const string Library = "libespeak-ng.so.1";

    public const int AudioOutputSynchronous = 2;
    public const int PositionCharacter = 1;
    public const uint CharsUtf8 = 1;
    public const int ParameterRate = 1;
    public const int EventListTerminated = 0;
    public const int EventWord = 1;

    [StructLayout(LayoutKind.Sequential)]
    public struct Event
    {
        public int Type;
        public uint UniqueId;
        public int TextPosition; // 1-based, in Unicode code points
        public int Length;
        public int AudioPosition; // ms
        public int Sample;
        public void* UserData;
        public nint Id;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct VoiceSpec
    {
        public byte* Name;
        public byte* Languages;
        public byte* Identifier;
        public byte Gender; // 1 male, 2 female
        public byte Age;
        public byte Variant;
        public byte Reserved;
        public int Score;
        public void* Spare;
    }

    [LibraryImport(Library, EntryPoint = "espeak_Initialize")]
    public static partial int Initialize(int output, int bufferLength, byte* path, int options);

    [LibraryImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(delegate* unmanaged[Cdecl]<short*, int, Event*, int> callback);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByProperties")]
    public static partial int SetVoiceByProperties(VoiceSpec* spec);

    [LibraryImport(Library, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    [LibraryImport(Library, EntryPoint = "espeak_Synth")]
    public static partial int Synth(byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueId, void* userData);

    [LibraryImport(Library, EntryPoint = "espeak_Synchronize")]
    public static partial int Synchronize();
}
