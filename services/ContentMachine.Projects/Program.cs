using ContentMachine.Projects.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProjectsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapProjectsApi();

app.Run();

public partial class Program;
