using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Booking.Bot.Receiving;

/// <summary>
/// Long polling (P5). Updates go to the chat lanes — in order within a chat, in parallel across chats — as soon as
/// they arrive, and Telegram is told to forget (by the offset) only what lies below the lowest update still being
/// handled (<see cref="UpdateReceiver"/>), so a crash re-delivers unfinished work instead of losing it; the
/// update_id marks make the repeats harmless.
/// </summary>
public sealed class PollingWorker(
    ITelegramBotClient bot, UpdatePipeline pipeline, ChatLanes lanes, CommandRegistrar commands, BotOptions options, ILogger<PollingWorker> logger)
    : BackgroundService
{
    /// <summary>What the Bot API answers getUpdates while another poller or a webhook holds the updates.</summary>
    public const int ConflictStatus = 409;

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.PreCheckoutQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PrepareAsync(stoppingToken);
        var receiver = new UpdateReceiver(
            (offset, timeout, ct) => bot.GetUpdates(offset, 100, timeout, Wanted, ct),
            (update, ct) => lanes.RunAsync(UpdatePipeline.ChatOf(update) ?? 0, () => pipeline.HandleAsync(update, ct)),
            options.PollTimeoutSeconds,
            logger);
        await receiver.RunAsync(stoppingToken);
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await bot.DeleteWebhook(cancellationToken: ct);
                await commands.RegisterAsync(ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not reach the Bot API at start; retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
