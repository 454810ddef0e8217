using ContentMachine.Publishing.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPublishingServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPublicationsApi();
app.MapYouTubeApi();

app.Run();

public partial class Program;
