using ContentMachine.Pipeline.Media.Narration;
using ContentMachine.Pipeline.Media.Rendering;
using ContentMachine.Pipeline.Media.Script;
using ContentMachine.Pipeline.Media.Visuals;
using ContentMachine.ServiceDefaults.Http;
using Microsoft.Extensions.Options;

namespace ContentMachine.Pipeline.Media;

public static class MediaServiceExtensions
{
    public const string ScriptClientName = "pipeline-script";

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
            // Attempts and timeouts are the writer's own (it retries invalid answers too, and a long script takes a model
            // longer than the service defaults' 10 s per call), so the shared resilience pipeline makes one call per attempt.
            builder.Services.AddHttpClient<OpenAiChatScriptWriter>(ScriptClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
            builder.Services.AddOptions<HttpResilienceOptions>(ScriptClientName).PostConfigure<IOptions<ScriptOptions>>((http, script) =>
            {
                http.MaxRetryAttempts = 0;
                http.AttemptTimeout = http.TotalTimeout = TimeSpan.FromSeconds(script.Value.TimeoutSeconds + 5);
            });
            builder.Services.AddTransient<IScriptWriter>(sp => sp.GetRequiredService<OpenAiChatScriptWriter>());
        }
        else
        {
            builder.Services.AddSingleton<IScriptWriter, TemplateScriptWriter>();
        }
        return builder;
    }
}
