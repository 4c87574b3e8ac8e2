using Booking.Web;

if (await MaintenanceCommands.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

if (await HealthCommand.TryRunAsync(args, Console.Out, Console.Error) is { } healthExit)
{
    return healthExit;
}

var (app, errors) = BotApp.Build(args);
if (app is null)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync("Configuration error: " + error);
    }

    return 2;
}

await app.RunAsync();
return 0;
