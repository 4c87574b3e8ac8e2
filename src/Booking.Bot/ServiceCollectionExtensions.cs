using Booking.Bot.Broadcasts;
using Booking.Bot.Handlers;
using Booking.Bot.Handlers.Admin;
using Booking.Bot.Notifications;
using Booking.Bot.Observability;
using Booking.Bot.RateLimiting;
using Booking.Bot.Receiving;
using Booking.Bot.Resilience;
using Booking.Bot.Texts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace Booking.Bot;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the Telegram side: the client, the receiving pipeline, handlers and texts.</summary>
    public static IServiceCollection AddBookingBot(this IServiceCollection services, BotOptions options, TextCatalog? catalog = null)
    {
        services.AddSingleton(options);
        services.AddSingleton(catalog ?? TextCatalog.LoadDefault());
        services.AddSingleton<Core.Features.Texts.ITextDefaults>(sp => sp.GetRequiredService<TextCatalog>());
        services.AddSingleton<TextProvider>();
        services.AddSingleton<TextKeyIndex>();
        AddTelegramClient(services, options);
        services.AddSingleton<ActionLimiter>();
        services.TryAddSingleton<IActionLimiter>(sp => sp.GetRequiredService<ActionLimiter>());
        services.AddSingleton<ChatLanes>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<CommandRegistrar>();
        if (options.Webhook is { } webhook)
        {
            // Telegram delivers to the host's webhook endpoint; polling would fail while a webhook is set.
            services.AddSingleton(webhook);
            services.AddSingleton<WebhookReceiver>();
            services.AddHostedService<WebhookRegistration>();
        }
        else
        {
            services.AddHostedService<PollingWorker>();
        }

        services.AddSingleton<NotificationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWorker>());
        services.AddSingleton<KeyboardHygiene>();
        services.AddSingleton<Payments.HoldSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<Payments.HoldSweeper>());
        services.AddHostedService(sp => sp.GetRequiredService<KeyboardHygiene>());
        services.AddScoped<NotificationSender>();
        services.AddScoped<WaitlistSender>();
        services.AddSingleton<BroadcastPacer>();
        services.AddSingleton<BroadcastProgressMemory>();
        services.AddSingleton<BroadcastWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BroadcastWorker>());
        services.AddScoped<BroadcastSender>();
        services.AddScoped<BroadcastProgress>();

        services.AddScoped<Replies>();
        services.AddScoped(typeof(Lazy<>), typeof(ScopedLazy<>));
        services.AddScoped<UpdateRouter>();
        services.TryAddScoped<IUpdateRouter>(sp => sp.GetRequiredService<UpdateRouter>());
        services.AddScoped<MenuCommands>();
        services.AddScoped<BookingWizard>();
        services.AddScoped<BookingCallbacks>();
        services.AddScoped<PhoneStep>();
        services.AddScoped<PhoneContact>();
        services.AddScoped<PrivacyScreens>();
        services.AddScoped<CalendarFile>();
        services.AddScoped<PaymentUpdates>();
        services.AddScoped<CalendarFeedScreen>();
        services.AddScoped<MyBookingsScreens>();
        services.AddScoped<WaitlistScreens>();
        services.AddScoped<AdminNotifier>();
        services.AddScoped<VisitCallbacks>();
        services.AddScoped<AdminPanel>();
        services.AddScoped<BackupScreen>();
        services.AddScoped<MassEditScreens>();
        services.AddScoped<ClientNotices>();
        services.AddScoped<AdminsScreens>();
        services.AddScoped<ServicesScreens>();
        services.AddScoped<ServiceWizard>();
        services.AddScoped<BlocksScreens>();
        services.AddScoped<BlockWizard>();
        services.AddScoped<DashboardScreen>();
        services.AddScoped<ScheduleScreens>();
        services.AddScoped<BookingActions>();
        services.AddScoped<MoveScreens>();
        services.AddScoped<BookForClientScreens>();
        services.AddScoped<AdminBookingChanges>();
        services.AddScoped<AdminBlocking>();
        services.AddScoped<AdminTeam>();
        services.AddScoped<WebLoginCommand>();
        services.AddScoped<AuditScreens>();
        services.AddScoped<ExportScreens>();
        services.AddScoped<SettingsQuestions>();
        services.AddScoped<SettingsScreens>();
        services.AddScoped<OpeningHoursScreens>();
        services.AddScoped<BroadcastWizard>();
        services.AddScoped<TextsScreens>();
        services.AddScoped<TextEditor>();
        services.AddScoped<FieldEditorScreens>();
        services.AddScoped<FieldEditor>();
        return services;
    }

    /// <summary>
    /// The Bot API client on a named HttpClient whose resilience handler is the one retry policy for every call
    /// (ADR 0004). Telegram.Bot's own 429 loop is off (RetryThreshold = 0): stacked, the two would multiply attempts
    /// and waits, and only the handler also covers 5xx, network errors and timeouts. The HttpClient's overall
    /// timeout is off too; each attempt has its own, and a long poll gets its poll time on top.
    /// </summary>
    private static void AddTelegramClient(IServiceCollection services, BotOptions options)
    {
        // Real time, like the retry waits: Telegram's flood windows do not follow the business clock.
        services.AddSingleton(_ => new FloodGate(TimeProvider.System));
        var client = services.AddHttpClient(TelegramResilience.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddTypedClient<ITelegramBotClient>(http => new TelegramBotClient(
            new TelegramBotClientOptions(options.Token, options.ApiUrl.ToString().TrimEnd('/')) { RetryThreshold = 0 }, http));

        // Handlers run outermost first: the flood gate's wait, the retry policy, then per attempt the counters.
        client.AddHttpMessageHandler(sp => new FloodGate.Waiter(sp.GetRequiredService<FloodGate>()))
            .AddResilienceHandler("bot-api", (builder, context) =>
            {
                // Waiting on Telegram is real time; the injected clock is business time, which tests move at will.
                builder.TimeProvider = TimeProvider.System;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramResilience));
                TelegramResilience.Configure(builder, options.Retry, TimeSpan.FromSeconds(options.PollTimeoutSeconds), logger);
            });

        // Inside the retry handler, so every failed attempt is counted, not only the last.
        client.AddHttpMessageHandler(() => new TelegramErrorCounter());
        client.AddHttpMessageHandler(sp => new FloodGate.Recorder(sp.GetRequiredService<FloodGate>()));
    }
}
