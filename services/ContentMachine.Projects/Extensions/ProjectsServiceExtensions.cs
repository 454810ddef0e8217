using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;
using FluentValidation;

namespace ContentMachine.Projects.Extensions;

public static class ProjectsServiceExtensions
{
    public static IHostApplicationBuilder AddProjectsServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ProjectsDbContext>("projectsdb");
        builder.AddMessaging();
        builder.Services.AddSingleton<IValidator<CreateProjectRequest>, CreateProjectRequestValidator>();
        return builder;
    }
}
