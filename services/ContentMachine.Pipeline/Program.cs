using ContentMachine.Pipeline.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPipelineServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRunsApi();

app.Run();

public partial class Program;
