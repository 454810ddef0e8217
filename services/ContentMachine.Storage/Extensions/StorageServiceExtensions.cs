using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.ObjectStorage;

namespace ContentMachine.Storage.Extensions;

public static class StorageServiceExtensions
{
    public static IHostApplicationBuilder AddStorageServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<StorageDbContext>("storagedb");
        builder.AddS3Client("objects");
        builder.AddMessaging();
        builder.Services.AddScoped<ObjectStore>();
        return builder;
    }
}
