using Booking.Bot.Texts;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Booking.Bot.Receiving;

/// <summary>
/// Publishes the command menu (setMyCommands) in every language, Russian being the default, and each admin's own
/// menu in their chat: the client commands plus /admin and /web, and /audit for those who may read the audit log.
/// </summary>
public sealed class CommandRegistrar(ITelegramBotClient bot, TextProvider texts, IServiceScopeFactory scopes, ILogger<CommandRegistrar> logger)
{
    private static readonly string[] Commands = ["start", "book", "my", "help", "language", "cancel", "mydata", "forgetme"];

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

        await using var scope = scopes.CreateAsyncScope();
        var admins = await scope.ServiceProvider.GetRequiredService<ManageAdmins.Handler>().ListAsync(ct);
        foreach (var admin in admins)
        {
            await RefreshAsync(admin.UserId, ct);
        }
    }

    /// <summary>
    /// Sets one person's menu from their role now: an admin's menu, or none for someone no longer an admin (the
    /// client menu then applies again). A failure is logged, never thrown: the menu is a convenience, and Telegram
    /// refuses chats that never talked to the bot.
    /// </summary>
    public async Task RefreshAsync(long userId, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var role = await scope.ServiceProvider.GetRequiredService<AccessControl>().RoleOfAsync(userId, ct);
            var chat = BotCommandScope.Chat(userId);
            if (role is null)
            {
                await bot.DeleteMyCommands(chat, cancellationToken: ct);
                return;
            }

            var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
            var language = await db.Clients.AsNoTracking().Where(c => c.Id == userId).Select(c => c.Language).SingleOrDefaultAsync(ct);
            var t = texts.For(language ?? Languages.Default);
            var names = Commands.Append("admin").Append("web").Concat(Permissions.Allows(role, Permission.ViewAudit) ? ["audit"] : Array.Empty<string>());
            await bot.SetMyCommands(names.Select(c => new BotCommand(c, t["commands." + c])).ToArray(), chat, cancellationToken: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogInformation(e, "Could not set the command menu of user {UserId}", userId);
        }
    }
}
