using Reset.Api.Cli;
using Reset.Api.Hosting;
using Reset.Infrastructure.Configuration;

// `healthcheck` is the container probe: it needs no configuration and no host.
if (args.FirstOrDefault() == HealthProbe.Command)
{
    return await HealthProbe.RunAsync(args);
}

// `new-api-key` mints an internal API key: it needs no configuration either.
if (args.FirstOrDefault() == NewApiKeyCommand.Name)
{
    return NewApiKeyCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddResetApi();
var app = builder.Build();

// A setting is missing or wrong: say which, all at once, without a stack trace to wade through.
var problems = ConfigurationCheck.FindProblems(app.Services);
if (problems.Count > 0)
{
    await Console.Error.WriteLineAsync("reset-service cannot start; fix its configuration:");
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync("  - " + problem);
    }

    return 78; // EX_CONFIG
}


switch (args.FirstOrDefault())
{
    case MigrateCommand.Name:
        return await MigrateCommand.RunAsync(app.Services);
    case SeedDemoCommand.Name:
        return await SeedDemoCommand.RunAsync(app.Services, args);
}

app.UseResetApi();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
