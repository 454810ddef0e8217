using ContentMachine.ServiceDefaults.Http;

namespace ContentMachine.ServiceDefaults.Clients;

public static class StorageClientExtensions
{
    /// <summary>The Storage service's client, found by name (<c>services__storage__http__N</c>). Objects are up to a few
    /// hundred MB: the default 10 s per attempt is for API calls, not for these.</summary>
    public static IHostApplicationBuilder AddStorageClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<StorageClient>(http => http.BaseAddress = new Uri($"http://{StorageClient.Name}"));
        builder.Services.Configure<HttpResilienceOptions>(typeof(StorageClient).Name, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.TotalTimeout = TimeSpan.FromMinutes(10);
        });
        return builder;
    }
}
