using ContentMachine.Pipeline.Media.Narration;
using ContentMachine.Pipeline.Media.Rendering;
using ContentMachine.Pipeline.Media.Script;
using ContentMachine.Pipeline.Media.Visuals;

namespace ContentMachine.Pipeline.Media;

public static class MediaServiceExtensions
{
    /// <summary>The media pieces the pipeline's stages call: script writer, narrator, background painter, ffmpeg runner
    /// and probe. The chat script writer replaces the template writer only when Pipeline:Script:Endpoint is set.</summary>
    public static IHostApplicationBuilder AddPipelineMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ScriptOptions>().BindConfiguration(ScriptOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton<FfmpegRunner>();
        builder.Services.AddSingleton<MediaProbe>();
        builder.Services.AddSingleton<BackgroundPainter>();
        builder.Services.AddSingleton<INarrator, EspeakNarrator>();

        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{ScriptOptions.Section}:Endpoint"]))
        {
            // Attempts and timeouts are the writer's own (it retries invalid answers too), so one HTTP call is one attempt.
            builder.Services.AddHttpClient<OpenAiChatScriptWriter>(c => c.Timeout = Timeout.InfiniteTimeSpan);
            builder.Services.AddTransient<IScriptWriter>(sp => sp.GetRequiredService<OpenAiChatScriptWriter>());
        }
        else
        {
            builder.Services.AddSingleton<IScriptWriter, TemplateScriptWriter>();
        }
        return builder;
    }
}
