using Booking.LocalBotApi;

namespace Booking.Web.Demo;

/// <summary>
/// The demo's web chat: a page at "/" and a small JSON API over the built-in Bot API server's chats. Each action
/// answers once the bot has handled it, with the chat as it looks then; the page polls for what comes later.
/// </summary>
public static class DemoChatEndpoints
{
    private static readonly TimeSpan BotPatience = TimeSpan.FromSeconds(15);

    public static void MapDemoChat(this WebApplication app)
    {
        app.MapGet("/", () => Asset("chat.html", "text/html; charset=utf-8"));
        app.MapGet("/demo/chat.js", () => Asset("chat.js", "text/javascript; charset=utf-8"));
        app.MapGet("/demo/chat.css", () => Asset("chat.css", "text/css; charset=utf-8"));

        var api = app.MapGroup("/demo/api/chats/{who}");
        api.MapGet("", (string who, DemoChats chats) => chats.Find(who) is { } chat ? Results.Ok(ChatDto.From(who, chat.View())) : Results.NotFound());
        api.MapPost("/messages", async (string who, SendText body, DemoChats chats, LocalBotApiServer server, CancellationToken ct) =>
        {
            if (chats.Find(who) is not { } chat)
            {
                return Results.NotFound();
            }

            if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 4096)
            {
                return Results.BadRequest(new { error = "A message is 1 to 4096 characters." });
            }

            await WaitAsync(server, chat.SendText(body.Text.Trim()), ct);
            return Results.Ok(ChatDto.From(who, chat.View()));
        });
        api.MapPost("/presses", async (string who, Press body, DemoChats chats, LocalBotApiServer server, CancellationToken ct) =>
        {
            if (chats.Find(who) is not { } chat)
            {
                return Results.NotFound();
            }

            // Like a real client: only a button that is on screen can be pressed.
            if (chat.PressShown(body.MessageId, body.Data) is not { } updateId)
            {
                return Results.Conflict(new { error = "That button is no longer there." });
            }

            await WaitAsync(server, updateId, ct);
            return Results.Ok(ChatDto.From(who, chat.View()));
        });
        api.MapPost("/payments", async (string who, Pay body, DemoChats chats, LocalBotApiServer server, CancellationToken ct) =>
        {
            if (chats.Find(who) is not { } chat)
            {
                return Results.NotFound();
            }

            if (chat.StartPayment(body.MessageId) is not var (checkout, queryId))
            {
                return Results.Conflict(new { error = "That invoice is no longer there." });
            }

            // As in Telegram: the bot approves or refuses first; only then does the (pretend) money move.
            await WaitAsync(server, checkout, ct);
            if (chat.CheckoutAnswer(queryId) is { Ok: false } refused)
            {
                return Results.UnprocessableEntity(new { error = refused.Error });
            }

            if (chat.FinishPayment(queryId) is { } paid)
            {
                await WaitAsync(server, paid, ct);
            }

            return Results.Ok(ChatDto.From(who, chat.View()));
        });
        api.MapGet("/documents/{messageId:int}", (string who, int messageId, DemoChats chats) =>
            chats.Find(who)?.Document(messageId) is { } document
                ? Results.File(document.Content, ContentType(document.FileName), document.FileName)
                : Results.NotFound());
    }

    private static async Task WaitAsync(LocalBotApiServer server, long updateId, CancellationToken ct)
    {
        try
        {
            await server.WaitProcessedAsync(updateId, BotPatience, ct);
        }
        catch (TimeoutException)
        {
            // A slow bot still answers later; the page's polling will show it.
        }
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = typeof(DemoChatEndpoints).Assembly.GetManifestResourceStream("Demo/" + name)
            ?? throw new InvalidOperationException($"The demo asset {name} is not embedded.");
        return Results.Stream(stream, contentType);
    }

    private static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".ics" => "text/calendar",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };

    public sealed record SendText(string Text);

    public sealed record Press(int MessageId, string Data);

    public sealed record Pay(int MessageId);
}
