using ContentMachine.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentMachine.ServiceDefaults.Messaging;

public static class TransactionalMessagingExtensions
{
    /// <summary>The transactional outbox for a service's database: events added with
    /// <see cref="MessagingModel.AddIntegrationEvent"/> are published by a relay after their transaction commits. The
    /// context's model must call <see cref="MessagingModel.AddOutboxAndInbox"/>.</summary>
    public static IHostApplicationBuilder AddTransactionalOutbox<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSaveChangesInterceptor>();
        builder.Services.ConfigureDbContext<TContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxSaveChangesInterceptor>()));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }
}
