using Booking.Bot;
using Booking.Bot.Receiving;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Booking.Bench.Load;

/// <summary>
/// The polling loop as it was before the sliding window, kept here only to measure against it in one run
/// (--mode receivers): a batch is handled to the last update and confirmed before the next one is asked for.
/// </summary>
public sealed class BarrierPollingWorker(ITelegramBotClient bot, UpdatePipeline pipeline, ChatLanes lanes, CommandRegistrar commands, BotOptions options)
    : BackgroundService
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bot.DeleteWebhook(cancellationToken: stoppingToken);
        await commands.RegisterAsync(stoppingToken);
        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            Telegram.Bot.Types.Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, 100, options.PollTimeoutSeconds, Wanted, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
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

    /// <summary>Puts this loop in place of the bot's own polling worker.</summary>
    public static void Replace(IServiceCollection services)
    {
        var own = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PollingWorker));
        services.Remove(own);
        services.AddHostedService<BarrierPollingWorker>();
    }
}
