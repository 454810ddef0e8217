using ContentMachine.Search.Apis.Validation;
using ContentMachine.Search.Indexing.Embedded;
using ContentMachine.Search.Indexing.Qdrant;
using ContentMachine.Search.IntegrationEvents;
using ContentMachine.ServiceDefaults.Configuration;
using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Health;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.Redis;
using FluentValidation;
using Microsoft.Extensions.AI;
using StackExchange.Redis;

namespace ContentMachine.Search.Extensions;

public static class SearchServiceExtensions
{
    public static IHostApplicationBuilder AddSearchServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<SearchDbContext>("searchdb");
        builder.AddRedisClient("redis");
        builder.AddMessaging(SearchEvents.AddConsumers);
        builder.AddEmbeddings();
        builder.AddVectorIndex();
        builder.Services.AddSingleton<SearchIndexer>();

        builder.Services.AddSingleton<IValidator<SearchQuery>, SearchQueryValidator>();
        builder.Services.AddSingleton<IValidator<DuplicateCheckRequest>, DuplicateCheckRequestValidator>();
        return builder;
    }

    /// <summary>The embedder of <c>Search:Embeddings</c> (hashing, or an OpenAI-compatible endpoint) behind the Redis cache.</summary>
    public static IHostApplicationBuilder AddEmbeddings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(OpenAiEmbeddingGenerator.HttpClientName);
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingOptions>>();
            IEmbeddingGenerator<string, Embedding<float>> generator = options.Value.Provider == EmbeddingOptions.OpenAi
                ? new OpenAiEmbeddingGenerator(sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenAiEmbeddingGenerator.HttpClientName),
                    options, sp.GetRequiredService<ILogger<OpenAiEmbeddingGenerator>>())
                : new HashingEmbeddingGenerator(options.Value.Dimensions);
            if (options.Value.CacheTtl > TimeSpan.Zero)
                generator = new CachingEmbeddingGenerator(generator, sp.GetRequiredService<IConnectionMultiplexer>(), options,
                    sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CachingEmbeddingGenerator>>());
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SearchServiceExtensions));
            logger.LogInformation("Embeddings: {Provider} ({Model}, {Dimensions} dimensions, cache {CacheTtl})",
                options.Value.Provider, options.Value.ModelKey, options.Value.Dimensions, options.Value.CacheTtl);
            return generator;
        });
        return builder;
    }

    /// <summary>Qdrant when <c>ConnectionStrings__qdrant</c> is set, otherwise the embedded exact index in searchdb.</summary>
    public static IHostApplicationBuilder AddVectorIndex(this IHostApplicationBuilder builder)
    {
        if (QdrantOptions.IsConfigured(builder.Configuration))
        {
            var connectionString = ConnectionStrings.Require(builder.Configuration, QdrantOptions.ConnectionName);
            builder.Services.AddOptions<QdrantOptions>().BindConfiguration(QdrantOptions.Section)
                .Configure(o => o.ApplyConnectionString(connectionString)).ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddHttpClient(QdrantVectorIndex.HttpClientName);
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<QdrantVectorIndex>(sp,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(QdrantVectorIndex.HttpClientName)));
            builder.Services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<QdrantVectorIndex>());
            builder.Services.AddHealthChecks().AddDependencyCheck(QdrantOptions.ConnectionName,
                sp => new QdrantHealthCheck(sp.GetRequiredService<QdrantVectorIndex>()));
        }
        else
        {
            builder.Services.AddSingleton<IVectorIndex, EmbeddedVectorIndex>();
        }
        builder.Services.AddHostedService<VectorIndexInitializer>();
        return builder;
    }
}
