using Microsoft.Extensions.Options;
using Reset.Api.Cli;
using Reset.Api.Hosting;

// `healthcheck` is the container probe: it needs no configuration and no host.
if (args.FirstOrDefault() == HealthProbe.Command)
{
    return await HealthProbe.RunAsync(args);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddResetApi();
    var app = builder.Build();

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
}
catch (OptionsValidationException exception)
{
    // A setting is missing or wrong: say which, without a stack trace to wade through.
    await Console.Error.WriteLineAsync("reset-service cannot start; fix its configuration:");
    foreach (var failure in exception.Failures)
    {
        await Console.Error.WriteLineAsync("  - " + failure);
    }

    return 78; // EX_CONFIG
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
