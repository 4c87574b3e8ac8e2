using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.Bot.Receiving;

/// <summary>
/// Long polling (P5). A batch is handed to the chat lanes — in order within a chat, in parallel across chats —
/// and only confirmed to Telegram (by the next offset) once every update in it has been handled, so a crash
/// re-delivers unfinished work instead of losing it; the update_id marks make the repeats harmless.
/// </summary>
public sealed class PollingWorker(
    ITelegramBotClient bot, UpdatePipeline pipeline, ChatLanes lanes, CommandRegistrar commands, BotOptions options, ILogger<PollingWorker> logger)
    : BackgroundService
{
    /// <summary>What the Bot API answers getUpdates while another poller or a webhook holds the updates.</summary>
    public const int ConflictStatus = 409;

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PrepareAsync(stoppingToken);
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, 100, options.PollTimeoutSeconds, Wanted, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException e) when (e.ErrorCode == ConflictStatus)
            {
                // Telegram serves getUpdates to one caller at a time and never while a webhook is set: another instance
                // with this token is polling or has set a webhook. Each of our calls cuts the other's short, so neither
                // works well; say so loudly and keep backing off until the other one stops.
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                logger.LogError(
                    "getUpdates refused with 409 ({Description}): another instance uses this bot token. Poll from exactly one "
                    + "instance, or run all of them in webhook mode (WEBHOOK_URL). Retrying in {Pause}", e.Message, pause);
                await Task.Delay(pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            catch (Exception e)
            {
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                logger.LogWarning(e, "getUpdates failed ({Failures} in a row); retrying in {Pause}", failures, pause);
                await Task.Delay(pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            if (updates.Length == 0)
            {
                continue;
            }

            await Task.WhenAll(updates.Select(u => lanes.RunAsync(UpdatePipeline.ChatOf(u) ?? 0, () => pipeline.HandleAsync(u, stoppingToken))))
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            offset = updates[^1].Id + 1;
        }
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
