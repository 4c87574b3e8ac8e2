using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Booking.Bot.Receiving;

/// <summary>
/// Webhook mode (P5): at start, tells Telegram where to deliver updates and with which secret, then registers
/// the command menus; retried until the Bot API answers, like the polling worker's preparation. The webhook is
/// left in place at shutdown so Telegram keeps the updates that arrive while the bot restarts.
/// </summary>
public sealed class WebhookRegistration(
    ITelegramBotClient bot, CommandRegistrar commands, WebhookOptions webhook, ILogger<WebhookRegistration> logger)
    : BackgroundService
{
    /// <summary>The same update types the polling worker asks for.</summary>
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.PreCheckoutQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await bot.SetWebhook(webhook.Url.ToString(), allowedUpdates: Wanted, secretToken: webhook.Secret, cancellationToken: stoppingToken);
                logger.LogInformation("Webhook set to {Url}; updates arrive by POST to {Path}", webhook.Url, webhook.Path);
                await commands.RegisterAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not set the webhook at start; retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
