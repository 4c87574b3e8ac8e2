using Booking.LocalBotApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Booking.Web.Demo;

/// <summary>
/// `--demo`: the real host, on its own SQLite file (data/demo.db) with a massage studio seeded in it, talking to a
/// Bot API server built in on loopback instead of Telegram, and a web chat at "/" to play the client or the owner.
/// </summary>
public static class DemoMode
{
    public const string Flag = "--demo";
    public const string DefaultDatabase = "sqlite:data/demo.db";

    /// <summary>The demo bot's token: only ever shown to the built-in server.</summary>
    public const string Token = "7000000001:LOCAL-DEMO";

    public const long OwnerId = 7_000_000_100;
    public const long ClientId = 7_000_000_200;

    public static bool IsRequested(string[] args) => args.Contains(Flag, StringComparer.Ordinal);

    /// <summary>
    /// Starts the built-in Bot API server and builds the host against it; <paramref name="customize"/> runs after the
    /// demo settings (tests use it for their own database path and port). The bot and the server share one clock, or
    /// the bot would take the server's message dates for stale ones.
    /// </summary>
    public static async Task<DemoSession> StartAsync(
        string[] args, Action<WebApplicationBuilder>? customize = null, TimeProvider? clock = null, CancellationToken ct = default)
    {
        clock ??= TimeProvider.System;
        var server = await LocalBotApiServer.StartAsync(Token, clock, "booking_demo_bot", ct);
        var (app, errors) = BotApp.Build(args.Where(a => a != Flag).ToArray(), builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings(server));
            builder.Services.AddSingleton(clock);
            customize?.Invoke(builder);
            builder.Services.AddSingleton(server);
            builder.Services.AddSingleton<DemoChats>();
        });
        if (app is null)
        {
            await server.DisposeAsync();
            return new DemoSession(null, null, errors);
        }

        app.MapDemoChat();
        await app.StartAsync(ct);
        await DemoSeed.SeedAsync(app.Services, ct);
        return new DemoSession(app, server, errors);
    }

    /// <summary>Runs the demo until Ctrl+C, printing where the chat is; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errorOutput)
    {
        await using var session = await StartAsync(args);
        if (session.App is null)
        {
            foreach (var error in session.Errors)
            {
                await errorOutput.WriteLineAsync("Configuration error: " + error);
            }

            return 2;
        }

        await output.WriteLineAsync($"Demo chat: {session.ChatUrl} (the bot runs without Telegram; Ctrl+C stops it)");
        await session.App.WaitForShutdownAsync();
        return 0;
    }

    private static Dictionary<string, string?> Settings(LocalBotApiServer server) => new()
    {
        ["BOT_TOKEN"] = Token,
        ["TELEGRAM_API_URL"] = server.BaseUrl,
        ["ADMIN_IDS"] = OwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The demo never touches the operator's real database, whatever DATABASE_URL says.
        ["DATABASE_URL"] = DefaultDatabase,
        ["WEBHOOK_URL"] = "",
        // Prepayment (X3) against the built-in server's pretend payments: no provider, no money.
        ["PAYMENT_PROVIDER_TOKEN"] = "demo:TEST",
        // One resilience line per Bot API call would bury the chat address the visitor needs.
        ["Logging:LogLevel:Polly"] = "Warning",
    };
}

/// <summary>A running demo: the host and the Bot API server it talks to, stopped together.</summary>
public sealed class DemoSession(WebApplication? app, LocalBotApiServer? server, IReadOnlyList<string> errors) : IAsyncDisposable
{
    public WebApplication? App { get; } = app;
    public LocalBotApiServer? Server { get; } = server;
    public IReadOnlyList<string> Errors { get; } = errors;

    /// <summary>The web chat's address (the port the host really bound).</summary>
    public Uri ChatUrl => new(
        (App ?? throw new InvalidOperationException("The demo did not start.")).Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
