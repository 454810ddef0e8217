using ContentMachine.Projects.Apis.Validation;
using ContentMachine.Projects.Infrastructure.ChangeFeed;
using ContentMachine.Projects.IntegrationEvents;
using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;
using FluentValidation;

namespace ContentMachine.Projects.Extensions;

public static class ProjectsServiceExtensions
{
    public static IHostApplicationBuilder AddProjectsServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ProjectsDbContext>("projectsdb");
        builder.AddTransactionalOutbox<ProjectsDbContext>();
        builder.AddMessaging(ProjectEvents.AddConsumers);

        builder.Services.AddSingleton<ProjectChangeFeed>();
        builder.Services.AddHostedService<ProjectChangeListener>();
        builder.Services.AddHostedService<IdempotencyKeyCleanup>();

        builder.Services.AddSingleton<IValidator<CreateProjectRequest>, CreateProjectRequestValidator>();
        builder.Services.AddSingleton<IValidator<BatchCreateRequest>, BatchCreateRequestValidator>();
        builder.Services.AddSingleton<IValidator<UpdateProjectRequest>, UpdateProjectRequestValidator>();
        builder.Services.AddSingleton<IValidator<PublishProjectRequest>, PublishProjectRequestValidator>();
        builder.Services.AddSingleton<IValidator<ListProjectsQuery>, ListProjectsQueryValidator>();
        return builder;
    }
}
