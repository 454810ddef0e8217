using ContentMachine.ServiceDefaults.Clients;
using ContentMachine.Publishing.Auth;
using ContentMachine.Publishing.Export;
using ContentMachine.Publishing.IntegrationEvents;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.Quota;
using ContentMachine.Publishing.Runner;
using ContentMachine.Publishing.YouTube;
using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Http;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.Redis;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ContentMachine.Publishing.Extensions;

public static class PublishingServiceExtensions
{
    public static IHostApplicationBuilder AddPublishingServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<PublishingDbContext>("publishingdb");
        builder.AddTransactionalOutbox<PublishingDbContext>();
        builder.AddRedisClient();
        builder.AddMessaging(bus => bus.AddConsumer<PublishRequestedConsumer>().Endpoint(e => e.Name = PublishRequestedConsumer.Endpoint));
        builder.Services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<YouTubeOptions>().BindConfiguration(YouTubeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidator<RequestPublicationRequest>, RequestPublicationRequestValidator>();

        builder.AddStorageClient();

        builder.AddTokenProtection();
        builder.AddPublicationScheduling();
        builder.Services.AddSingleton<YouTubeAuthorization>();
        builder.Services.AddSingleton<QuotaLedger>();
        builder.Services.AddSingleton<YouTubeUploader>();
        builder.Services.AddSingleton<VideoProbe>();
        builder.Services.AddSingleton<PublicationSignal>();
        builder.Services.AddScoped<ExportPublisher>();
        builder.Services.AddScoped<YouTubePublisher>();
        builder.Services.AddScoped<PublicationWorker>();
        builder.Services.AddHostedService<PublicationRunner>();
        return builder;
    }

    /// <summary>Data Protection with its key ring in publishingdb: the refresh token is stored encrypted and every replica
    /// (and the next start) can read it.</summary>
    private static void AddTokenProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("ContentMachine.Publishing");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
    }
}
