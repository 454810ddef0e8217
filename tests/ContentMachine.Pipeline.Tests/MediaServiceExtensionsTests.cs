using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentMachine.Pipeline.Tests;

public class MediaServiceExtensionsTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPipelineMedia();
        return builder.Build().Services;
    }

    [Fact]
    public void Without_an_endpoint_the_template_writer_is_used()
    {
        var services = Build([]);

        services.GetRequiredService<IScriptWriter>().Should().BeOfType<TemplateScriptWriter>();
        services.GetRequiredService<INarrator>().Should().BeOfType<EspeakNarrator>();
        services.GetRequiredService<FfmpegRunner>().Should().NotBeNull();
        services.GetRequiredService<MediaProbe>().Should().NotBeNull();
        services.GetRequiredService<BackgroundPainter>().Should().NotBeNull();
    }

    [Fact]
    public void With_an_endpoint_the_chat_writer_is_used_with_its_settings()
    {
        var services = Build(new() { ["Pipeline:Script:Endpoint"] = "http://127.0.0.1:1", ["Pipeline:Script:Model"] = "llama3", ["Pipeline:Script:Retries"] = "4" });

        services.GetRequiredService<IScriptWriter>().Should().BeOfType<OpenAiChatScriptWriter>();
        services.GetRequiredService<IOptions<ScriptOptions>>().Value.Should().BeEquivalentTo(new { Model = "llama3", Retries = 4 });
        var http = services.GetRequiredService<IOptionsMonitor<ContentMachine.ServiceDefaults.Http.HttpResilienceOptions>>().Get(MediaServiceExtensions.ScriptClientName);
        http.MaxRetryAttempts.Should().Be(0, "the writer counts its own attempts");
        http.AttemptTimeout.Should().BeGreaterThan(TimeSpan.FromSeconds(60), "a model may take a minute for a long script");
    }

    [Fact]
    public void Invalid_media_settings_are_refused()
    {
        var services = Build(new() { ["Pipeline:Media:SpeechRateWpm"] = "5" });

        services.Invoking(s => s.GetRequiredService<IOptions<MediaOptions>>().Value)
            .Should().Throw<OptionsValidationException>().WithMessage("*SpeechRateWpm*");
    }
}
