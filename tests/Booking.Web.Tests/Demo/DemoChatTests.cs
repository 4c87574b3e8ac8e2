using System.Net;
using System.Net.Http.Json;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.Demo;

/// <summary>`--demo` end to end: the web chat's JSON endpoints drive the real bot through the built-in Bot API server.</summary>
public sealed class DemoChatTests : IAsyncLifetime
{
    private DemoHost _demo = null!;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    private static string Text(ChatDto chat) => chat.Entries.Last(e => !e.FromUser).Html;

    [Fact]
    public async Task The_demo_client_books_in_the_web_chat_and_the_owner_sees_it_in_the_schedule()
    {
        var chat = await _demo.SendAsync("client", "/start");
        Assert.Equal("/start", chat.Entries[0].Html);
        Assert.True(chat.Entries[0].FromUser);
        Assert.Contains("Здравствуйте, Anna", chat.Entries[1].Html, StringComparison.Ordinal);
        Assert.Equal([["📅 Записаться"], ["📋 Мои записи", "ℹ️ О сервисе"]], chat.ReplyKeyboard);
        Assert.Contains("<b>Шаг 1 из 4", Text(chat), StringComparison.Ordinal);
        var wizardId = chat.Entries[^1].Id;

        await _demo.PressAsync("client", "Классический массаж");
        await _demo.PressAsync("client", "1 🟢");
        await _demo.PressAsync("client", "14:00");
        chat = await _demo.PressAsync("client", "✅ Подтвердить");

        // The confirmation is the wizard's message, edited; the calendar file follows it.
        Assert.EndsWith(".ics", chat.Entries[^1].Document?.Name, StringComparison.Ordinal);
        var done = chat.Entries[^2];
        Assert.Contains("Вы записаны", done.Html, StringComparison.Ordinal);
        Assert.Equal(wizardId, done.Id);
        Assert.True(done.Edited, "the wizard's message is edited in place, not sent again");
        var booking = await _demo.DbAsync(db => db.Bookings.SingleAsync(b => b.ClientId == DemoMode.ClientId));
        Assert.Equal(BookingStatus.Confirmed, booking.Status);

        var owner = await _demo.ChatAsync("owner");
        Assert.Contains(owner.Entries, e => e.Html.Contains("Новая запись", StringComparison.Ordinal) && e.Html.Contains("Anna", StringComparison.Ordinal));
        await _demo.SendAsync("owner", "/admin");
        owner = await _demo.PressAsync("owner", "🗓 Расписание");
        Assert.Contains("14:00 — Классический массаж, Anna", Text(owner), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_finds_the_seeded_studio_bookings_in_the_coming_days()
    {
        await _demo.SendAsync("owner", "/admin");
        var owner = await _demo.PressAsync("owner", "🗓 Расписание");
        Assert.Contains("Записей нет", Text(owner), StringComparison.Ordinal);

        owner = await _demo.PressAsync("owner", "▶️");

        Assert.Contains("11:00 — Классический массаж, Мария", Text(owner), StringComparison.Ordinal);
        Assert.Contains("15:00 — Массаж спины и шеи, Ольга", Text(owner), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_downloads_the_bookings_export_from_the_chat()
    {
        await _demo.SendAsync("owner", "/admin");
        await _demo.PressAsync("owner", "📤 Выгрузки");
        var owner = await _demo.PressAsync("owner", "📅 Записи");

        var export = owner.Entries[^1];
        Assert.NotNull(export.Document);
        Assert.Equal("bookings.csv", export.Document.Name);
        Assert.Contains("строк: 5", export.Html, StringComparison.Ordinal);
        using var file = await _demo.Http.GetAsync(export.Document.Url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/csv", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bookings.csv", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        var csv = await file.Content.ReadAsStringAsync();
        Assert.Contains("Мария", csv, StringComparison.Ordinal);
        Assert.Equal(export.Document.Size, (await file.Content.ReadAsByteArrayAsync()).Length);

        using var notAFile = await _demo.Http.GetAsync($"demo/api/chats/owner/documents/{owner.Entries[0].Id}");
        using var notYours = await _demo.Http.GetAsync(export.Document.Url.Replace("/owner/", "/client/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, notAFile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);
    }

    [Fact]
    public async Task The_demo_database_is_seeded_once_with_a_massage_studio()
    {
        await DemoSeed.SeedAsync(_demo.Session.App!.Services, CancellationToken.None);

        var services = await _demo.DbAsync(db => db.Services.Where(s => s.IsActive).OrderBy(s => s.DisplayOrder).Select(s => s.Name).ToListAsync());
        Assert.Equal(["Классический массаж", "Массаж спины и шеи", "Спортивный массаж", "Стоун-терапия"], services);
        var bookings = await _demo.DbAsync(db => db.Bookings.ToListAsync());
        Assert.Equal(5, bookings.Count);
        Assert.All(bookings, b => Assert.True(b.StartUtc > BotScenario.DefaultNow.UtcDateTime));
        var sunday = await _demo.DbAsync(db => db.WorkingDays.SingleAsync(d => d.Weekday == DayOfWeek.Sunday));
        Assert.False(sunday.IsOpen);
    }

    [Fact]
    public async Task Only_a_button_on_screen_can_be_pressed_and_only_the_two_demo_people_chat()
    {
        var chat = await _demo.SendAsync("client", "/start");
        using var forged = await _demo.Http.PostAsJsonAsync("demo/api/chats/client/presses", new { messageId = chat.Entries[^1].Id, data = "cancel:1" });
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);

        using var stranger = await _demo.Http.GetAsync("demo/api/chats/mallory");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        using var empty = await _demo.Http.PostAsJsonAsync("demo/api/chats/client/messages", new { text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(chat.Version, (await _demo.ChatAsync("client")).Version);
    }

    [Fact]
    public async Task The_page_and_its_script_are_served_at_the_root()
    {
        var page = await _demo.Http.GetStringAsync("/");
        Assert.Contains("Client Anna", page, StringComparison.Ordinal);
        Assert.Contains("/demo/chat.js", page, StringComparison.Ordinal);
        Assert.Contains("/demo/api/chats/", await _demo.Http.GetStringAsync("/demo/chat.js"), StringComparison.Ordinal);
        using var css = await _demo.Http.GetAsync("/demo/chat.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_demo_client_pays_the_deposit_of_the_stone_therapy_with_a_pretend_card()
    {
        await _demo.SendAsync("client", "/book");
        await _demo.PressAsync("client", "Стоун-терапия");
        await _demo.PressAsync("client", "1 🟢");
        await _demo.PressAsync("client", "14:00");
        var chat = await _demo.PressAsync("client", "✅ Подтвердить");
        var invoice = chat.Entries.Last(e => e.Invoice is not null).Invoice!;
        Assert.Equal((1000m, "RUB"), (invoice.Amount, invoice.Currency));

        using var paid = await _demo.PayAsync("client");
        paid.EnsureSuccessStatusCode();
        chat = (await paid.Content.ReadFromJsonAsync<ChatDto>())!;

        Assert.Contains(chat.Entries, e => e.FromUser && e.Html.Contains("1000.00 RUB", StringComparison.Ordinal));
        Assert.Contains(chat.Entries, e => !e.FromUser && e.Html.Contains("Вы записаны", StringComparison.Ordinal));
        using var again = await _demo.PayAsync("client");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }
}

/// <summary>The web chat exists only in demo mode.</summary>
public sealed class DemoChatOffTests
{
    [Fact]
    public async Task A_normal_bot_serves_no_web_chat()
    {
        await using var scenario = await BotScenario.StartAsync();
        using var http = new HttpClient { BaseAddress = scenario.Host.Address };

        using var page = await http.GetAsync("/");
        using var api = await http.GetAsync("demo/api/chats/client");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }
}
