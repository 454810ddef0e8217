using ContentMachine.ServiceDefaults.Configuration;
using MassTransit;

namespace ContentMachine.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit over the <c>messaging</c> RabbitMQ resource (<c>amqp://user:pass@host:port/vhost</c>).
    /// Replicas of a service share its queues (competing consumers); the bus's own health check is reported as
    /// <c>messaging</c>; failed messages are retried with backoff and then moved to the <c>_error</c> queue.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
    {
        var settings = RabbitMqSettings.Parse(ConnectionStrings.Require(builder.Configuration, "messaging"));
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8 reports usage to usage-tracking.masstransit.io by default: nothing leaves this system.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            bus.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "messaging";
                o.MinimalFailureStatus = HealthStatus.Unhealthy;
                o.Tags.Add("ready");
            });
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
                {
                    h.Username(settings.UserName);
                    h.Password(settings.Password);
                    h.Heartbeat(TimeSpan.FromSeconds(10));
                });
                rabbit.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
