using Booking.Bot.Texts;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A10 through the real host: the owner rewords a text in the bot and clients see it on their next step.</summary>
public sealed class TextsTests : IAsyncLifetime
{
    private static readonly int BookingKeys = TextCatalog.LoadDefault().Keys.Count(k => k.StartsWith("booking.", StringComparison.Ordinal));
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static async Task OpenConfirmedAsync(FakeUser owner)
    {
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📝 Тексты");
        await owner.PressAsync($"booking · {BookingKeys}");
        Assert.Contains("<code>booking.confirmed</code> — ✅ Вы записаны!", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("booking.confirmed");
    }

    [Fact]
    public async Task The_owner_rewords_the_booking_confirmation_and_the_next_client_sees_it_until_it_is_reset()
    {
        var owner = _s.Admin;
        await OpenConfirmedAsync(owner);
        Assert.Contains("Подстановки: {date}, {duration}, {price}, {service}, {time}", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("✏️ Изменить 🇷🇺");
        Assert.Contains("Пришлите новый текст", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.SendTextAsync("🎉 <b>Ждём вас!</b> {service}, {date} в {time} ({duration}), {price}");
        Assert.Contains("Предпросмотр", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("<b>Ждём вас!</b> Массаж, ", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("✅ Сохранить");
        Assert.Contains("Сохранено", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("🇷🇺 RU</b> · ✏️ изменён", owner.LastMessage.Text, StringComparison.Ordinal);

        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        await anna.PressAsync("2 🟢");
        await anna.PressAsync("10:00");
        await anna.PressAsync("✅ Подтвердить");
        Assert.StartsWith("🎉 <b>Ждём вас!</b> Массаж, ", anna.LastMessage.Text, StringComparison.Ordinal);
        var john = _s.User(1002, "John", "en");
        await john.SendTextAsync("📅 Book");
        await john.PressAsync("Массаж");
        await john.PressAsync("2 🟢");
        await john.PressAsync("11:00");
        await john.PressAsync("✅ Confirm");
        Assert.Contains("You're booked", john.LastMessage.Text, StringComparison.OrdinalIgnoreCase);

        await owner.PressAsync("↩️ Сбросить 🇷🇺");
        await owner.PressAsync("↩️ Да, сбросить");
        // The owner's newest messages are booking notices; the card was edited in place above them.
        Assert.Contains(owner.Messages, m => m.Text.Contains("Возвращён текст по умолчанию", StringComparison.Ordinal));
        var boris = _s.User(1003, "Борис");
        await BookingFlowTests.BookAsync(boris, "2 🟢", "12:00");
        Assert.Contains("Вы записаны!", boris.LastMessage.Text, StringComparison.Ordinal);

        var audit = await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action + " " + a.Target).ToListAsync());
        Assert.Equal(["text.set text:ru:booking.confirmed", "text.reset text:ru:booking.confirmed"], audit);
        Assert.Empty(await _s.Host.DbAsync(db => db.TextOverrides.ToListAsync()));
        Assert.Equal(0, owner.UnansweredCallbacks);
    }

    [Fact]
    public async Task A_text_with_a_missing_placeholder_or_broken_markup_is_refused_and_nothing_changes()
    {
        var owner = _s.Admin;
        await OpenConfirmedAsync(owner);
        await owner.PressAsync("✏️ Изменить 🇷🇺");

        await owner.SendTextAsync("<b>Ждём вас</b> {service}, {date} ({duration}), {price}, {when}");
        Assert.Contains("Не могу сохранить", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("не хватает подстановок: {time}", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("неизвестные подстановки: {when}", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.LastMessage.Buttons, b => b.Text == "✅ Сохранить");

        await owner.SendTextAsync("<b>Ждём <u>вас</u></b> {service}, {date} в {time} ({duration}), {price}");
        Assert.Contains("разметка: «&lt;u&gt;»", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.SendTextAsync("/cancel");
        await owner.SendTextAsync("Ждём вас {service} {date} {time} {duration} {price}");
        Assert.Empty(await _s.Host.DbAsync(db => db.TextOverrides.ToListAsync()));
        Assert.Empty(await _s.Host.DbAsync(db => db.AuditEntries.ToListAsync()));
        Assert.Empty(await _s.Host.DbAsync(db => db.Conversations.ToListAsync()));
    }

    [Fact]
    public async Task An_overridden_menu_label_still_works_and_so_does_the_old_keyboard()
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📝 Тексты");
        await owner.PressAsync("menu · 4");
        await owner.PressAsync("menu.book");
        await owner.PressAsync("✏️ Изменить 🇷🇺");
        await owner.SendTextAsync("🗓 Запись");
        await owner.PressAsync("✅ Сохранить");

        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        Assert.Contains("🗓 Запись", anna.ReplyKeyboard);
        await anna.SendTextAsync("🗓 Запись");
        Assert.Contains("Шаг 1 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.SendTextAsync("📅 Записаться");
        Assert.Contains("Шаг 1 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
    }
}
