using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;
using FluentValidation;

namespace ContentMachine.Publishing.Extensions;

public static class PublishingServiceExtensions
{
    public static IHostApplicationBuilder AddPublishingServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<PublishingDbContext>("publishingdb");
        builder.AddMessaging();
        builder.Services.AddSingleton<IValidator<RequestPublicationRequest>, RequestPublicationRequestValidator>();
        return builder;
    }
}
