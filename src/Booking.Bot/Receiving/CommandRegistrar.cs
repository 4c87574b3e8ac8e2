using Booking.Bot.Texts;
using Booking.Core.Domain;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Booking.Bot.Receiving;

/// <summary>Publishes the command menu (setMyCommands) in every language, Russian being the default.</summary>
public sealed class CommandRegistrar(ITelegramBotClient bot, TextProvider texts)
{
    private static readonly string[] Commands = ["start", "book", "my", "help", "language", "cancel"];

    public async Task RegisterAsync(CancellationToken ct)
    {
        foreach (var language in Languages.All)
        {
            var t = texts.For(language);
            var list = Commands.Select(c => new BotCommand(c, t["commands." + c])).ToArray();
            await bot.SetMyCommands(list, languageCode: language, cancellationToken: ct);
            if (language == Languages.Default)
            {
                await bot.SetMyCommands(list, cancellationToken: ct);
            }
        }
    }
}
