using System.Diagnostics;
using Booking.Web;

namespace Booking.Web.Tests.Configuration;

/// <summary>The real executable, started as an operator would: bad settings stop it with one clear line each.</summary>
public sealed class ProcessStartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bookingbot-start-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string StdErr)> RunAsync(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(BotApp).Assembly.Location])
        {
            WorkingDirectory = _directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var name in new[] { "BOT_TOKEN", "ADMIN_IDS", "TIMEZONE", "DATABASE_URL", "TELEGRAM_API_URL" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    [Fact]
    public async Task Without_a_token_the_bot_refuses_to_start_and_names_the_variable()
    {
        var (exitCode, stderr) = await RunAsync(new Dictionary<string, string>());

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: BOT_TOKEN is not set", line, StringComparison.Ordinal);
        Assert.Contains("--demo", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "data")), "no database should be created before the settings are valid");
    }

    [Fact]
    public async Task With_demo_it_starts_without_a_token_on_its_own_database_and_prints_the_chat_address()
    {
        var start = new ProcessStartInfo("dotnet", [typeof(BotApp).Assembly.Location, "--demo", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = _directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var name in new[] { "BOT_TOKEN", "ADMIN_IDS", "DATABASE_URL", "TELEGRAM_API_URL", "WEBHOOK_URL" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.StartsWith("Demo chat: ", StringComparison.Ordinal));

            if (line is null)
            {
                Assert.Fail("no 'Demo chat:' line before the process ended; stderr: " + await stderr);
            }

            var url = line["Demo chat: ".Length..].Split(' ')[0];
            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
            using var http = new HttpClient();
            Assert.Contains("Client Anna", await http.GetStringAsync(url, timeout.Token), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_directory, "data", "demo.db")), "the demo keeps its own database file");
            Assert.False(File.Exists(Path.Combine(_directory, "data", "booking.db")), "the demo never touches the real database");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Values_from_a_dot_env_file_are_read_and_the_environment_wins_over_them()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, ".env"), "BOT_TOKEN=123:abc\nTIMEZONE=Mars/Olympus\nADMIN_IDS=oops\n");

        var (exitCode, stderr) = await RunAsync(new Dictionary<string, string> { ["ADMIN_IDS"] = "42" });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("TIMEZONE 'Mars/Olympus'", line, StringComparison.Ordinal);
    }
}
