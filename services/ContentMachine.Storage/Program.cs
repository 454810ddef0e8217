using ContentMachine.Storage.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddStorageServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapObjectsApi();
app.MapUploadsApi();
app.MapPresignApi();

app.Run();

public partial class Program;
