using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A1: the owner adds a moderator by id, promotes and removes them; each step is audited and the person told.</summary>
public sealed class ManageAdminsTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_owner_adds_promotes_and_removes_an_admin_who_is_told_each_time()
    {
        var owner = _s.Admin;
        var olga = _s.User(4242, "Ольга");
        await olga.SendTextAsync("/start");

        await owner.SendTextAsync("/admin");
        await owner.PressAsync("👥 Администраторы");
        Assert.Contains("владелец", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("➕ Добавить");
        await owner.SendTextAsync("не число");
        Assert.Contains("не похоже на Telegram ID", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("4242");
        await owner.PressAsync("🛡 модератор");

        Assert.Contains("🛡 Ольга · <code>4242</code> — модератор", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Вас назначили администратором (🛡 модератор)", olga.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("⚙️ Ольга");
        await owner.PressAsync("Сделать: 👑 супер-админ");
        Assert.Contains("👑 Ольга · <code>4242</code> — супер-админ", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("роль администратора изменена", olga.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("⚙️ Ольга");
        await owner.PressAsync("🗑 Убрать из администраторов");
        await owner.PressAsync("✅ Да, убрать");
        Assert.DoesNotContain("4242", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("больше не администратор", olga.LastMessage.Text, StringComparison.Ordinal);

        var audit = await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["admin.add", "admin.role", "admin.remove"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(BotScenario.AdminId, a.ActorId));
        Assert.Equal("{\"role\":\"Moderator\"}", audit[1].Before);
        Assert.Equal("{\"role\":\"SuperAdmin\"}", audit[1].After);
    }

    [Fact]
    public async Task An_added_admin_is_told_about_new_bookings_too()
    {
        await _s.Host.DbAsync(async db =>
        {
            db.Admins.Add(new Booking.Core.Domain.Admin(4242, AdminRole.Moderator, BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            await db.SaveChangesAsync();
        });
        var olga = _s.User(4242, "Ольга");

        await BookingFlowTests.BookAsync(_s.User(1001, "Анна"), "2 🟢", "10:00");

        Assert.Contains(olga.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_owner_cannot_be_changed_from_the_bot()
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressDataAsync(owner.LastMessage.MessageId, $"a:rmy:{BotScenario.AdminId}");

        Assert.Contains("Владельца из ADMIN_IDS нельзя изменить", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(await _s.Host.DbAsync(db => db.AuditEntries.ToListAsync()));
    }
}
