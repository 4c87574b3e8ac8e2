using System.Collections.Concurrent;
using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;

namespace Booking.Bot.Tests.TestKit;

/// <summary>
/// A minimal bot polling the fake through Telegram.Bot's own receiver, the way the real bot
/// does, so the fake is exercised against the library's actual polling behaviour.
/// </summary>
internal sealed class BotLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private BotLoop(TelegramBotClient client) => Client = client;

    public TelegramBotClient Client { get; }

    public ConcurrentQueue<Update> Received { get; } = new();

    public ConcurrentQueue<Exception> Errors { get; } = new();

    public static BotLoop Start(string token, string baseUrl, Func<ITelegramBotClient, Update, CancellationToken, Task>? handle = null)
    {
        var loop = new BotLoop(new TelegramBotClient(new TelegramBotClientOptions(token, baseUrl)));
        loop.Client.StartReceiving(
            async (client, update, ct) =>
            {
                loop.Received.Enqueue(update);
                if (handle is not null)
                {
                    await handle(client, update, ct);
                }
            },
            (_, error, _, _) =>
            {
                loop.Errors.Enqueue(error);
                return Task.CompletedTask;
            },
            new ReceiverOptions(),
            loop._stop.Token);
        return loop;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
