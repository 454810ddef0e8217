namespace ContentMachine.ServiceDefaults.Messaging;

public sealed record RabbitMqSettings(string Host, ushort Port, string VirtualHost, string UserName, string Password)
{
    public static RabbitMqSettings Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new FormatException("ConnectionStrings:messaging must be an amqp:// URI (amqp://user:pass@host:port/vhost).");
        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqSettings(
            uri.Host,
            (ushort)(uri.IsDefaultPort ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port),
            vhost.Length == 0 ? "/" : vhost,
            userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest");
    }
}
