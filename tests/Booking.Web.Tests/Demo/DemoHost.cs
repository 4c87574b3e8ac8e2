using System.Net.Http.Json;
using Booking.Core.Data;
using Booking.TestKit.Hosting;
using Booking.Web.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Booking.Web.Tests.Demo;

/// <summary>The host started exactly as `--demo` starts it, on a temporary database, with a fake clock and an HTTP client for its web chat.</summary>
public sealed class DemoHost : IAsyncDisposable
{
    private readonly string _directory;

    private DemoHost(string directory, DemoSession session, FakeTimeProvider clock)
    {
        (_directory, Session, Clock) = (directory, session, clock);
        Http = new HttpClient { BaseAddress = session.ChatUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public DemoSession Session { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Http { get; }

    public static async Task<DemoHost> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("bookingbot-demo-").FullName;
        var clock = new FakeTimeProvider(BotScenario.DefaultNow);
        var session = await DemoMode.StartAsync([DemoMode.Flag], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = "sqlite://" + Path.Combine(directory, "demo.db"),
                ["urls"] = "http://127.0.0.1:0",
                ["LOG_DIR"] = Path.Combine(directory, "logs"),
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }, clock);
        Assert.True(session.App is not null, "the demo did not start: " + string.Join("; ", session.Errors));
        return new DemoHost(directory, session, clock);
    }

    public async Task<ChatDto> ChatAsync(string who) =>
        (await Http.GetFromJsonAsync<ChatDto>($"demo/api/chats/{who}"))!;

    public async Task<ChatDto> SendAsync(string who, string text)
    {
        using var response = await Http.PostAsJsonAsync($"demo/api/chats/{who}/messages", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatDto>())!;
    }

    /// <summary>Presses a button on the newest message that has one labelled so (exactly, else containing the label), as the page does.</summary>
    public async Task<ChatDto> PressAsync(string who, string label)
    {
        var chat = await ChatAsync(who);
        var (messageId, data) = chat.Entries.AsEnumerable().Reverse()
            .Select(e => (e.Id, Buttons: e.Buttons.SelectMany(row => row).ToList()))
            .Select(e => (e.Id, Button: e.Buttons.FirstOrDefault(b => b.Text == label) ?? e.Buttons.FirstOrDefault(b => b.Text.Contains(label, StringComparison.Ordinal))))
            .Where(e => e.Button is not null)
            .Select(e => (e.Id, e.Button!.Data))
            .FirstOrDefault();
        Assert.True(data is not null, $"no button '{label}' in the {who} chat");
        using var response = await Http.PostAsJsonAsync($"demo/api/chats/{who}/presses", new { messageId, data });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatDto>())!;
    }

    /// <summary>Taps Pay on the newest invoice in the chat, as the page does; the response as the page gets it.</summary>
    public async Task<HttpResponseMessage> PayAsync(string who)
    {
        var invoice = (await ChatAsync(who)).Entries.Last(e => e.Invoice is not null);
        return await Http.PostAsJsonAsync($"demo/api/chats/{who}/payments", new { messageId = invoice.Id });
    }

    public async Task<T> DbAsync<T>(Func<BookingDb, Task<T>> query)
    {
        await using var scope = Session.App!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BookingDb>());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Session.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
