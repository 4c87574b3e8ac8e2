using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>C11 through the bot: the phone step of a first booking, Telegram's contact button, and the setting behind it.</summary>
public sealed class PhoneRequestTests : IAsyncLifetime
{
    private static readonly string[] MainMenu = ["📅 Записаться", "📋 Мои записи", "ℹ️ О сервисе"];
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private Task<string?> PhoneOfAsync(long id) => _s.Host.DbAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.Phone).SingleAsync());

    /// <summary>Service, day and time: up to the step after the time, and the wizard message's id.</summary>
    private static async Task<int> PickTimeAsync(FakeUser user, string day = "1 🟢", string time = "11:00")
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync(day);
        var wizard = user.LastMessage.MessageId;
        await user.PressAsync(time);
        return wizard;
    }

    [Fact]
    public async Task A_first_time_client_shares_their_phone_and_the_booking_goes_on_in_the_same_message()
    {
        await _s.UpdateSettingsAsync(s => s.PhoneRequest = PhoneRequest.Optional);
        var anna = _s.User(1001, "Анна");

        var wizard = await PickTimeAsync(anna);

        Assert.Contains("Ваш телефон", anna.Messages.Single(m => m.MessageId == wizard).Text, StringComparison.Ordinal);
        Assert.Empty(anna.Messages.Single(m => m.MessageId == wizard).Buttons);
        Assert.Contains("под полем ввода", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(["📱 Отправить мой номер", "➡️ Продолжить без телефона", "✖️ Отменить запись"], anna.ReplyKeyboard);
        Assert.Equal(["📱 Отправить мой номер"], anna.ContactButtons);

        await anna.SendContactAsync("79161234567");

        Assert.Contains(anna.Messages, m => m.Text.Contains("Телефон +79161234567 сохранён", StringComparison.Ordinal));
        Assert.Equal(MainMenu, anna.ReplyKeyboard);
        Assert.Empty(anna.ContactButtons);
        var confirm = anna.Messages.Single(m => m.MessageId == wizard);
        Assert.Contains("Шаг 4 из 4", confirm.Text, StringComparison.Ordinal);
        await anna.PressAsync(wizard, "✅ Подтвердить");
        Assert.Contains("Вы записаны", anna.Messages.Single(m => m.MessageId == wizard).Text, StringComparison.Ordinal);
        Assert.Equal("+79161234567", await PhoneOfAsync(1001));

        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        await owner.PressAsync("11:00 Анна");
        Assert.Contains("📞 Телефон: +79161234567", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📤 Выгрузки");
        await owner.PressAsync("👥 Клиенты");
        Assert.Contains("+79161234567", System.Text.Encoding.UTF8.GetString(Assert.Single(owner.Documents).Content), StringComparison.Ordinal);

        await PickTimeAsync(anna, "3 🟢", "10:00");
        Assert.Contains("Шаг 4 из 4", anna.LastMessage.Text, StringComparison.Ordinal); // a regular is not asked again
    }

    [Fact]
    public async Task A_contact_of_someone_else_is_refused_politely_and_the_step_waits_for_the_clients_own()
    {
        await _s.UpdateSettingsAsync(s => s.PhoneRequest = PhoneRequest.Required);
        var anna = _s.User(1001, "Анна");
        var wizard = await PickTimeAsync(anna);

        await anna.SendContactAsync("+79990000000", 2002, "Борис");
        await anna.SendContactAsync("+79990000001", null, "Мама");

        Assert.Contains("чужой контакт", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(2, anna.Messages.Count(m => m.Text.Contains("чужой контакт", StringComparison.Ordinal)));
        Assert.Equal(["📱 Отправить мой номер"], anna.ContactButtons);
        Assert.Null(await PhoneOfAsync(1001));
        Assert.DoesNotContain(anna.Messages, m => m.Text.Contains("Шаг 4 из 4", StringComparison.Ordinal));

        await anna.SendContactAsync("+7 916 123-45-67");

        Assert.Equal("+79161234567", await PhoneOfAsync(1001));
        Assert.Contains("Шаг 4 из 4", anna.Messages.Single(m => m.MessageId == wizard).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _s.Host.DbAsync(db => db.Clients.Select(c => c.Phone).ToListAsync()), p => p == "+79990000000" || p == "+79990000001");
    }

    [Fact]
    public async Task An_optional_phone_can_be_skipped_and_a_required_one_cannot()
    {
        await _s.UpdateSettingsAsync(s => s.PhoneRequest = PhoneRequest.Optional);
        var anna = _s.User(1001, "Анна");
        var wizard = await PickTimeAsync(anna);

        await anna.SendTextAsync("➡️ Продолжить без телефона");

        Assert.Equal(MainMenu, anna.ReplyKeyboard);
        Assert.Contains("Шаг 4 из 4", anna.Messages.Single(m => m.MessageId == wizard).Text, StringComparison.Ordinal);
        await anna.PressAsync(wizard, "✅ Подтвердить");
        Assert.Equal(BookingStatus.Confirmed, Assert.Single(await _s.BookingsAsync()).Status);
        Assert.Null(await PhoneOfAsync(1001));

        await _s.UpdateSettingsAsync(s => s.PhoneRequest = PhoneRequest.Required);
        var boris = _s.User(1002, "Борис");
        wizard = await PickTimeAsync(boris, "2 🟢", "12:00");
        Assert.Equal(["📱 Отправить мой номер", "✖️ Отменить запись"], boris.ReplyKeyboard);

        await boris.SendTextAsync("➡️ Продолжить без телефона");
        Assert.Contains("выберите кнопку под полем ввода", boris.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(boris.Messages, m => m.Text.Contains("Шаг 4 из 4", StringComparison.Ordinal));

        await boris.SendTextAsync("✖️ Отменить запись");
        Assert.Contains("Запись отменена", boris.Messages.Single(m => m.MessageId == wizard).Text, StringComparison.Ordinal);
        Assert.Equal(MainMenu, boris.ReplyKeyboard);
        Assert.Single(await _s.BookingsAsync());
    }

    [Fact]
    public async Task A_confirm_button_drawn_before_the_phone_became_required_still_asks_for_it()
    {
        var anna = _s.User(1001, "Анна");
        var wizard = await PickTimeAsync(anna);
        Assert.Contains("Шаг 4 из 4", anna.LastMessage.Text, StringComparison.Ordinal); // off by default: no phone step
        await _s.UpdateSettingsAsync(s => s.PhoneRequest = PhoneRequest.Required);

        await anna.PressAsync(wizard, "✅ Подтвердить");

        Assert.Empty(await _s.BookingsAsync());
        Assert.Contains("Ваш телефон", anna.Messages.Single(m => m.MessageId == wizard).Text, StringComparison.Ordinal);
        await anna.SendContactAsync("79161234567");
        await anna.PressAsync(wizard, "✅ Подтвердить");
        Assert.Equal(BookingStatus.Confirmed, Assert.Single(await _s.BookingsAsync()).Status);
    }

    [Fact]
    public async Task A_contact_shared_outside_the_booking_is_still_stored_when_it_is_the_senders_own()
    {
        var anna = _s.User(1001, "Анна");

        await anna.SendContactAsync("+79161234567"); // the very first message

        Assert.Contains("Телефон +79161234567 сохранён", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(MainMenu, anna.ReplyKeyboard);
        Assert.Equal("+79161234567", await PhoneOfAsync(1001));
    }

    [Fact]
    public async Task The_owner_turns_the_phone_request_on_from_the_settings_screen()
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("⚙️ Настройки");
        Assert.Contains("📱 Телефон при первой записи: не спрашивать", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("📱 Телефон");
        await owner.PressAsync("🙂 Спрашивать, можно пропустить");

        Assert.Contains("📱 Телефон при первой записи: спрашивать, можно пропустить", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Сохранено (было: не спрашивать)", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(PhoneRequest.Optional, await _s.Host.DbAsync(async db => (await db.Settings.SingleAsync()).PhoneRequest));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("settings.phone_request", "{\"phone_request\":\"optional\"}"), (audit.Action, audit.After));
    }
}
