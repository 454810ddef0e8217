using ContentMachine.Contracts;

namespace ContentMachine.Pipeline.Media.Script;

public sealed record ScriptRequest(string Topic, VideoOptions Options);
