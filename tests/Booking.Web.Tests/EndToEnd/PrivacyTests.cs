using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>C11 through the bot: /mydata, and /forgetme with what the user, the admin and the statistics see afterwards.</summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Mydata_shows_what_is_stored_escaped_with_a_way_to_delete_it()
    {
        var anna = _s.User(1001, "Анна <3");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");

        await anna.SendTextAsync("/mydata");

        var text = anna.LastMessage.Text;
        Assert.Contains("Что я о вас храню", text, StringComparison.Ordinal);
        Assert.Contains("👤 Имя: Анна &lt;3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Анна <3", text, StringComparison.Ordinal);
        Assert.Contains("🌐 Язык: 🇷🇺 Русский (как в Telegram)", text, StringComparison.Ordinal);
        Assert.Contains("📱 Телефон: —", text, StringComparison.Ordinal);
        Assert.Contains("🕐 Впервые написали: 1 декабря (вт), 09:00", text, StringComparison.Ordinal);
        Assert.Contains("📅 Записи: предстоящих — 1, в истории — 0", text, StringComparison.Ordinal);
        Assert.Contains("🔔 Лист ожидания: дней — 0", text, StringComparison.Ordinal);
        Assert.Contains("⭐ Отзывов: 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("администратор", text, StringComparison.Ordinal);
        Assert.Equal(["🗑 Удалить мои данные"], anna.LastMessage.Buttons.Select(b => b.Text));

        await _s.Admin.SendTextAsync("/mydata");
        Assert.Contains("🛠 Вы администратор этого бота.", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgetme_asks_first_erases_in_the_same_message_frees_the_slot_and_tells_the_admin()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");

        await anna.SendTextAsync("/forgetme");
        var question = anna.LastMessage;
        Assert.Contains("Удалить ваши данные?", question.Text, StringComparison.Ordinal);
        Assert.Contains("предстоящие записи (1)", question.Text, StringComparison.Ordinal);
        await anna.PressAsync("◀️ Нет, оставить");
        Assert.Contains("ничего не удаляю", anna.Messages.Single(m => m.MessageId == question.MessageId).Text, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, (await _s.BookingsAsync())[0].Status);

        await anna.SendTextAsync("/mydata");
        var card = anna.LastMessage.MessageId;
        await anna.PressAsync("🗑 Удалить мои данные");
        Assert.Contains("Удалить ваши данные?", anna.Messages.Single(m => m.MessageId == card).Text, StringComparison.Ordinal);
        await anna.PressAsync(card, "🗑 Да, удалить");

        var done = anna.Messages.Single(m => m.MessageId == card);
        Assert.Contains("ваши данные удалены", done.Text, StringComparison.Ordinal);
        Assert.Contains("Отменено предстоящих записей: 1", done.Text, StringComparison.Ordinal);
        Assert.Empty(done.Buttons);
        Assert.Equal(BookingStatus.Cancelled, (await _s.BookingsAsync())[0].Status);
        var notice = _s.Admin.Messages.Last(m => m.Text.Contains("Отмена записи", StringComparison.Ordinal));
        Assert.Contains("клиент, удаливший свои данные", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Анна", notice.Text, StringComparison.Ordinal);
        Assert.False(await _s.Host.DbAsync(db => db.Clients.AnyAsync(c => c.Id == 1001)));

        var boris = _s.User(1002, "Борис");
        await BookingFlowTests.BookAsync(boris, "3 🟢", "10:00");

        await anna.PressDataAsync(card, "fgy"); // an old confirm: she is a new client now, with nothing to erase
        Assert.Contains("уже удалены", anna.Messages.Single(m => m.MessageId == card).Text, StringComparison.Ordinal);
        Assert.Equal(1, await _s.Host.DbAsync(db => db.Clients.CountAsync(c => c.ErasedUtc != null)));
    }

    [Fact]
    public async Task After_forgetme_the_dashboard_shows_the_same_figures_and_the_name_is_gone_from_the_schedule()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "1 🟢", "11:00");
        var start = new DateTime(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc);
        var visit = await _s.AddCompletedVisitAsync(1001, start);
        await _s.Host.DbAsync(async db =>
        {
            db.Reviews.Add(new Review(visit, 1001, 4, start.AddHours(3)));
            await db.SaveChangesAsync();
        });
        _s.Clock.Advance(TimeSpan.FromHours(2.5)); // 11:30: today's visit has begun, so it is kept, not cancelled
        await anna.SendTextAsync("/mydata");
        var before = await AdminViewsAsync();
        Assert.Contains("11:00 — Массаж, Анна", before.Schedule, StringComparison.Ordinal);
        Assert.Contains("1. Анна — 1", before.AllTime, StringComparison.Ordinal);

        await anna.SendTextAsync("/forgetme");
        await anna.PressAsync("🗑 Да, удалить");
        Assert.Contains("Отменено предстоящих записей: 0", anna.LastMessage.Text, StringComparison.Ordinal);

        var after = await AdminViewsAsync();
        Assert.Equal(before.Week.Replace("Анна", "👤 #1", StringComparison.Ordinal), after.Week);
        Assert.Equal(before.AllTime.Replace("Анна", "👤 #1", StringComparison.Ordinal), after.AllTime);
        Assert.Contains("11:00 — Массаж, 👤 #1", after.Schedule, StringComparison.Ordinal);
        Assert.DoesNotContain("Анна", after.Schedule, StringComparison.Ordinal);

        var owner = _s.Admin;
        await owner.PressAsync("11:00 👤 #1");
        Assert.Contains("клиент, удаливший свои данные", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.LastMessage.Buttons, b => b.Text == "✉️ Написать клиенту");
    }

    [Fact]
    public async Task Writing_again_after_forgetme_starts_afresh_as_a_new_client()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");
        await anna.SendContactAsync("79161234567");
        await anna.SendTextAsync("/forgetme");
        await anna.PressAsync("🗑 Да, удалить");

        await anna.SendTextAsync("/start");

        Assert.Contains(anna.Messages, m => m.Text.Contains("Здравствуйте, Анна!", StringComparison.Ordinal));
        Assert.DoesNotContain(anna.Messages, m => m.Text.Contains("С возвращением", StringComparison.Ordinal));
        await anna.SendTextAsync("/mydata");
        Assert.Contains("📱 Телефон: —", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("📅 Записи: предстоящих — 0, в истории — 0", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.SendTextAsync("/my");
        Assert.Contains("нет предстоящих записей", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_is_told_to_be_removed_first_and_nothing_is_erased()
    {
        var owner = _s.Admin;

        await owner.SendTextAsync("/forgetme");

        Assert.Contains("Вы администратор бота", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(owner.LastMessage.Buttons);
        Assert.True(await _s.Host.DbAsync(db => db.Clients.AnyAsync(c => c.Id == BotScenario.AdminId)));
        await owner.PressDataAsync(owner.LastMessage.MessageId, "fgy");
        Assert.True(await _s.Host.DbAsync(db => db.Clients.AnyAsync(c => c.Id == BotScenario.AdminId && c.ErasedUtc == null)));
        Assert.False(await _s.Host.DbAsync(db => db.AuditEntries.AnyAsync()));
    }

    [Fact]
    public async Task Both_commands_are_in_the_menu_and_in_help_in_both_languages()
    {
        var anna = _s.User(1001, "Anna", "en");
        await anna.SendTextAsync("/help");
        Assert.Contains("/mydata — what I store about you", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("/forgetme — delete your data", anna.LastMessage.Text, StringComparison.Ordinal);

        Assert.Contains(_s.Api.CommandSets, set => set.LanguageCode == "ru" && set.Commands.Contains(("mydata", "Что бот знает обо мне")) && set.Commands.Contains(("forgetme", "Удалить мои данные")));
        Assert.Contains(_s.Api.CommandSets, set => set.LanguageCode == "en" && set.Commands.Contains(("mydata", "What the bot knows about me")) && set.Commands.Contains(("forgetme", "Delete my data")));
        Assert.Contains(_s.Api.CommandSets, set => set.ScopeJson is not null && set.Commands.Any(c => c.Command == "admin") && set.Commands.Any(c => c.Command == "forgetme"));
    }

    private async Task<(string Week, string AllTime, string Schedule)> AdminViewsAsync()
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📊 Статистика");
        var week = owner.LastMessage.Text;
        await owner.PressAsync("Всё время");
        var allTime = owner.LastMessage.Text;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        return (week, allTime, owner.LastMessage.Text);
    }
}
