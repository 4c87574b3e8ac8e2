using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A5 through the real host: what the owner taps and types in ⚙️ Settings, and what a client sees right after.</summary>
public sealed class SettingsTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task<FakeUser> OwnerInSettingsAsync()
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("⚙️ Настройки");
        return owner;
    }

    private static async Task OpenCalendarAsync(FakeUser client)
    {
        await client.SendTextAsync("📅 Записаться");
        await client.PressAsync("Массаж");
    }

    private Task<List<string>> AuditAsync() => _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [Fact]
    public async Task The_owner_closes_sunday_and_a_clients_calendar_shows_sundays_unavailable_at_once()
    {
        var anna = _s.User(1001, "Анна");
        await OpenCalendarAsync(anna);
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "6 🟢");

        var owner = await OwnerInSettingsAsync();
        await owner.PressAsync("🗓 Часы работы");
        await owner.PressAsync("Вс · 09:00–18:00");
        await owner.PressAsync("⚫ Сделать выходным");
        Assert.Contains("Вс — теперь выходной", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Вс: выходной", owner.LastMessage.Text, StringComparison.Ordinal);

        await OpenCalendarAsync(anna);
        Assert.All(new[] { "6", "13", "20", "27" }, d => Assert.Contains(anna.LastMessage.Buttons, b => b.Text == d + " ⚫"));
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "7 🟢");
        Assert.Equal(["working_day.close"], await AuditAsync());
    }

    [Fact]
    public async Task The_owner_sets_a_weekdays_hours_by_typing_them_and_bad_hours_are_asked_again()
    {
        var owner = await OwnerInSettingsAsync();
        await owner.PressAsync("🗓 Часы работы");
        await owner.PressAsync("Ср · 09:00–18:00");
        await owner.PressAsync("🕘 Задать часы");
        await owner.SendTextAsync("18:00-09:00");
        Assert.Contains("Не получилось прочитать часы", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("12:00 - 15:00");

        Assert.Contains("Ср: 12:00–15:00", owner.LastMessage.Text, StringComparison.Ordinal);
        var anna = _s.User(1001, "Анна");
        await OpenCalendarAsync(anna);
        await anna.PressAsync("2 🟢");
        Assert.Equal(["12:00", "13:00", "14:00"], anna.LastMessage.Buttons.Select(b => b.Text).Where(t => t.Contains(':', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_owner_changes_the_slot_interval_to_30_and_the_clients_grid_shows_half_hours()
    {
        var owner = await OwnerInSettingsAsync();
        Assert.Contains("Сетка записи: каждые 60 мин", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("🕐 Сетка");
        await owner.PressAsync("Каждые 30 мин");

        Assert.Contains("Сохранено (было: каждые 60 мин)", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Сетка записи: каждые 30 мин", owner.LastMessage.Text, StringComparison.Ordinal);
        var anna = _s.User(1001, "Анна");
        await OpenCalendarAsync(anna);
        await anna.PressAsync("2 🟢");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "09:30");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "16:30");
        var entry = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("settings.slot_interval", "{\"slot_interval\":60}", "{\"slot_interval\":30}"), (entry.Action, entry.Before, entry.After));
    }

    [Fact]
    public async Task A_holiday_added_by_the_owner_becomes_unavailable_in_the_clients_calendar_and_can_be_removed()
    {
        var owner = await OwnerInSettingsAsync();
        await owner.PressAsync("🎉 Праздники и особые дни");
        await owner.PressAsync("➕ Добавить дату");
        await owner.SendTextAsync("31.11");
        Assert.Contains("Не получилось прочитать дату", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("30.11.2026");
        Assert.Contains("Эта дата уже прошла", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("31.12");
        await owner.PressAsync("⚫ Закрыто весь день");

        Assert.Contains("31 декабря (чт) — закрыто", owner.LastMessage.Text, StringComparison.Ordinal);
        var anna = _s.User(1001, "Анна");
        await OpenCalendarAsync(anna);
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "31 ⚫");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "30 🟢");

        await owner.PressAsync("🗑 31 декабря (чт)");
        Assert.Contains("снова по обычным часам", owner.LastMessage.Text, StringComparison.Ordinal);
        await OpenCalendarAsync(anna);
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "31 🟢");
        Assert.Equal(["special_day.set", "special_day.remove"], await AuditAsync());
    }

    [Fact]
    public async Task Special_hours_for_a_date_shape_that_days_slots()
    {
        var owner = await OwnerInSettingsAsync();
        await owner.PressAsync("🎉 Праздники и особые дни");
        await owner.PressAsync("➕ Добавить дату");
        await owner.SendTextAsync("3.12");
        await owner.SendTextAsync("10-12");

        Assert.Contains("3 декабря (чт) — 10:00–12:00", owner.LastMessage.Text, StringComparison.Ordinal);
        var anna = _s.User(1001, "Анна");
        await OpenCalendarAsync(anna);
        await anna.PressAsync("3 🟢");
        Assert.Equal(["10:00", "11:00"], anna.LastMessage.Buttons.Select(b => b.Text).Where(t => t.Contains(':', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Invalid_values_are_asked_again_politely_and_nothing_changes_until_a_valid_one()
    {
        var owner = await OwnerInSettingsAsync();
        await owner.PressAsync("⏳ Запись до начала");
        var question = owner.LastMessage.MessageId;
        await owner.SendTextAsync("2000");

        Assert.Contains("⚠️ Пришлите, пожалуйста, целое число минут от 0 до 1440", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("За сколько минут до начала", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(owner.Messages.Single(m => m.MessageId == question).Buttons);
        Assert.Equal(60, await _s.Host.DbAsync(db => db.Settings.Select(s => s.MinNoticeMinutes).SingleAsync()));

        await owner.SendTextAsync("30");
        Assert.Contains("Сохранено (было: 60 мин)", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(30, await _s.Host.DbAsync(db => db.Settings.Select(s => s.MinNoticeMinutes).SingleAsync()));

        await owner.PressAsync("🌍 Часовой пояс");
        await owner.SendTextAsync("Europe/Atlantis");
        Assert.Contains("Такого часового пояса я не знаю", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("/cancel");
        Assert.Null(await _s.Host.DbAsync(db => db.Settings.Select(s => s.TimeZoneId).SingleAsync()));
        await owner.SendTextAsync("Europe/Berlin");
        Assert.Null(await _s.Host.DbAsync(db => db.Settings.Select(s => s.TimeZoneId).SingleAsync()));
        Assert.Equal(["settings.min_notice"], await AuditAsync());
    }

    [Fact]
    public async Task The_owner_sets_reminders_the_zone_and_the_address_and_clients_see_the_address()
    {
        var owner = await OwnerInSettingsAsync();
        await owner.PressAsync("🔔 Напоминания");
        await owner.SendTextAsync("120, 1440");
        Assert.Contains("Напоминания: за 1440, 120 мин", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("🌍 Часовой пояс");
        await owner.SendTextAsync("Europe/Berlin");
        Assert.Contains("Часовой пояс: Europe/Berlin", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("🌍 Часовой пояс");
        await owner.PressAsync("↩️ Как при запуске (Europe/Moscow)");
        Assert.Contains("Часовой пояс: Europe/Moscow (как при запуске)", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("📍 Адрес");
        await owner.SendTextAsync("Тверская, 1 <офис 5>");

        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("ℹ️ О сервисе");
        Assert.Contains("📍 Тверская, 1 &lt;офис 5&gt;", anna.LastMessage.Text, StringComparison.Ordinal); // escaped once
        Assert.Equal(["settings.reminder_offsets", "settings.time_zone", "settings.time_zone", "settings.address"], await AuditAsync());
    }

    [Fact]
    public async Task Admin_command_menus_are_registered_per_chat_and_follow_role_changes()
    {
        var ownerScope = $"{{\"type\":\"chat\",\"chat_id\":{BotScenario.AdminId}}}";
        Assert.Contains(_s.Api.CommandSets, set => set.ScopeJson == ownerScope
            && set.Commands.Select(c => c.Command).SequenceEqual(["start", "book", "my", "help", "language", "cancel", "mydata", "forgetme", "admin", "web", "audit"]));

        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("👥 Администраторы");
        await owner.PressAsync("➕ Добавить");
        await owner.SendTextAsync("555");
        await owner.PressAsync("🛡 модератор");

        var moderatorScope = "{\"type\":\"chat\",\"chat_id\":555}";
        var moderatorMenu = _s.Api.CommandSets.Last(set => set.ScopeJson == moderatorScope).Commands.Select(c => c.Command).ToList();
        Assert.Contains("admin", moderatorMenu);
        Assert.DoesNotContain("audit", moderatorMenu);

        await owner.PressAsync("⚙️ 555");
        await owner.PressAsync("Сделать: 👑 супер-админ");
        var promotedMenu = _s.Api.CommandSets.Last(set => set.ScopeJson == moderatorScope).Commands.Select(c => c.Command).ToList();
        Assert.Contains("audit", promotedMenu);

        await owner.PressAsync("⚙️ 555");
        await owner.PressAsync("🗑 Убрать из администраторов");
        await owner.PressAsync("✅ Да, убрать");
        Assert.Contains(_s.Api.Calls, c => c.Method == "deleteMyCommands" && c.Body.Contains("\"chat_id\":555", StringComparison.Ordinal));
    }
}
