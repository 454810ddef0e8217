using ContentMachine.Projects.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentMachine.Projects.FunctionalTests;

/// <summary>Real PostgreSQL and RabbitMQ from the AppHost, and the Projects service in process against them.</summary>
public sealed class ProjectsServiceFixture() : BackingServersFixture("postgres", "rabbitmq")
{
    private WebApplicationFactory<Program>? _service;

    public WebApplicationFactory<Program> Service => _service ??= new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting("ConnectionStrings:projectsdb", Stack.ConnectionString("projectsdb"));
        b.UseSetting("ConnectionStrings:messaging", Stack.ConnectionString("messaging"));
    });

    public async Task<int> CountProjectsAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProjectsDbContext>().Projects.CountAsync();
    }

    public new async Task DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProjectsCollection : ICollectionFixture<ProjectsServiceFixture>
{
    public const string Name = "projects service";
}
