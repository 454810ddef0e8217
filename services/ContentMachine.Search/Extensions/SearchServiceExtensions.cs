using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.Redis;
using FluentValidation;

namespace ContentMachine.Search.Extensions;

public static class SearchServiceExtensions
{
    public static IHostApplicationBuilder AddSearchServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<SearchDbContext>("searchdb");
        builder.AddRedisClient("redis");
        builder.AddMessaging();
        builder.Services.AddSingleton<DocumentCache>();
        builder.Services.AddSingleton<IValidator<PutDocumentRequest>, PutDocumentRequestValidator>();
        return builder;
    }
}
