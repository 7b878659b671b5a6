using DemoApp;
using DemoApp.Configuration;
using DemoApp.Health;
using DemoApp.Notes;
using DemoApp.Page;
using Npgsql;

AppSettings settings;
try
{
    settings = AppSettings.FromEnvironment(Environment.GetEnvironmentVariable);
}
catch (ConfigurationException exception)
{
    // One line on stderr and a non-zero exit: a deploy shows the reason instead of a stack.
    Console.Error.WriteLine($"Mantis Notes cannot start: {exception.Message}");
    return 2;
}

var builder = WebApplication.CreateBuilder(args);

// A line per request would flood the console under a performance gate.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(new SecretScrubber(settings.Secrets));
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.Database));
builder.Services.AddSingleton(_ => new RedisConnection(settings.Redis));
builder.Services.AddDependencyHealthChecks();

var app = builder.Build();

app.Logger.LogInformation(
    "Mantis Notes release {Release}, version {Version}, using database {Database} on {Host}:{Port}.",
    settings.Release,
    settings.Version,
    settings.Database.Database,
    settings.Database.Host,
    settings.Database.Port);

app.MapHomePage(settings);
app.MapHealthEndpoints(settings);
app.MapNoteEndpoints();

await app.RunAsync();
return 0;
