using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;

namespace Booking.Web.Tests.Panel;

/// <summary>A moderator added straight to the database, for the panel's permission tests.</summary>
public static class PanelAdmins
{
    public const long ModeratorId = 900_000_002;

    public static Task AddModeratorAsync(BotScenario s) => s.Host.DbAsync(async db =>
    {
        db.Admins.Add(new Admin(ModeratorId, AdminRole.Moderator, BotScenario.AdminId, s.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    });

    public static FakeUser Moderator(BotScenario s) => s.Api.User(ModeratorId, "Мира", "mira");
}
