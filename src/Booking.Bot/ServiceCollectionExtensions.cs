using Booking.Bot.Handlers;
using Booking.Bot.Receiving;
using Booking.Bot.Texts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telegram.Bot;

namespace Booking.Bot;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the Telegram side: the client, the receiving pipeline, handlers and texts.</summary>
    public static IServiceCollection AddBookingBot(this IServiceCollection services, BotOptions options, TextCatalog? catalog = null)
    {
        services.AddSingleton(options);
        services.AddSingleton(catalog ?? TextCatalog.LoadDefault());
        services.AddSingleton<TextProvider>();
        services.AddHttpClient("telegram").AddTypedClient<ITelegramBotClient>(http =>
            new TelegramBotClient(new TelegramBotClientOptions(options.Token, options.ApiUrl.ToString().TrimEnd('/')), http));
        services.AddSingleton<ChatLanes>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<CommandRegistrar>();
        services.AddHostedService<PollingWorker>();

        services.AddScoped<Replies>();
        services.AddScoped<UpdateRouter>();
        services.TryAddScoped<IUpdateRouter>(sp => sp.GetRequiredService<UpdateRouter>());
        services.AddScoped<MenuCommands>();
        services.AddScoped<BookingWizard>();
        services.AddScoped<BookingCallbacks>();
        services.AddScoped<MyBookingsScreens>();
        services.AddScoped<AdminNotifier>();
        return services;
    }
}
