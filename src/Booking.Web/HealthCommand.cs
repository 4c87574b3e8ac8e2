namespace Booking.Web;

/// <summary>
/// <c>health</c>: asks the running bot's own /health endpoint and exits 0 when it answers 200, 1 otherwise. Container
/// images have no curl; this lets a Docker HEALTHCHECK or a monitoring script use the program itself.
/// </summary>
public static class HealthCommand
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The exit code when <paramref name="args"/> is the health command; null to start the bot.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["health", ..])
        {
            return null;
        }

        BotApp.LoadDotEnv();
        var listening = args is [_, var url] ? url
            : Environment.GetEnvironmentVariable("URLS") ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? BotApp.DefaultUrl;
        var target = HealthUrl(listening);
        if (target is null)
        {
            await error.WriteLineAsync($"health: '{listening}' is not an http(s) address to ask.");
            return 2;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(target);
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"health: no answer from {target} ({e.Message})");
            return 1;
        }
    }

    /// <summary>The /health address on loopback for the first of the host's listening addresses.</summary>
    public static Uri? HealthUrl(string urls) => ListeningAddress.FirstOnLoopback(urls) is { } root ? new Uri(root, "health") : null;
}
