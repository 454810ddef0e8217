using ContentMachine.Pipeline.Media.Footage;
using ContentMachine.Pipeline.Media.Narration;
using ContentMachine.Pipeline.Media.Rendering;
using ContentMachine.Pipeline.Media.Script;
using ContentMachine.Pipeline.Media.Speech;
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
        builder.Services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PexelsOptions>().BindConfiguration(PexelsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var speech = builder.Configuration.GetSection(SpeechOptions.Section).Get<SpeechOptions>() ?? new SpeechOptions();
        if (speech.Endpoint is not null)
        {
            builder.Services.AddHttpClient<INarrator, OpenAiSpeechNarrator>(c => c.Timeout = Timeout.InfiniteTimeSpan);
            WithTimeout(builder, typeof(OpenAiSpeechNarrator).Name, TimeSpan.FromSeconds(speech.TimeoutSeconds));
        }
        else
        {
            builder.Services.AddSingleton<INarrator, EspeakNarrator>();
        }
        var pexels = builder.Configuration.GetSection(PexelsOptions.Section).Get<PexelsOptions>() ?? new PexelsOptions();
        if (!string.IsNullOrWhiteSpace(pexels.ApiKey))
        {
            builder.Services.AddHttpClient<IStockFootage, PexelsFootage>(c => c.Timeout = Timeout.InfiniteTimeSpan);
            WithTimeout(builder, typeof(PexelsFootage).Name, TimeSpan.FromSeconds(pexels.TimeoutSeconds));
        }

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

    /// <summary>A provider's own timeout for each HTTP attempt (audio and clips take longer than an API call).</summary>
    private static void WithTimeout(IHostApplicationBuilder builder, string client, TimeSpan timeout) =>
        builder.Services.Configure<HttpResilienceOptions>(client, o => (o.AttemptTimeout, o.TotalTimeout) = (timeout, timeout * 3));
}
