using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Booking.Web.Browser.Tests;

/// <summary>X1: bookings in the panel — the client hears in the bot, permissions and antiforgery hold, pages stay live.</summary>
[Collection(SharedBrowser.Name)]
public sealed class BookingsTests(Chromium chromium) : IAsyncLifetime
{
    private PanelWorld _w = null!;

    public async Task InitializeAsync() => _w = await PanelWorld.StartAsync(chromium);

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [BrowserFact]
    public async Task Cancelling_a_booking_in_the_panel_tells_the_client_in_the_bot_with_the_reason()
    {
        var anna = _w.S.User(1001, "Анна");
        await PanelWorld.BookAsync(anna, "2 🟢", "10:00");
        await PanelWorld.BookAsync(anna, "3 🟢", "12:00");
        await _w.SignInAsOwnerAsync();

        await _w.Page.GotoAsync(_w.Url("/panel/schedule"));
        Assert.Contains("Анна", await _w.Page.Locator(".day[data-date='2026-12-02']").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("schedule");
        await _w.Page.GotoAsync(_w.Url("/panel/bookings"));
        await _w.ScreenshotAsync("bookings");
        var first = (await _w.S.BookingsAsync())[0];
        var row = _w.Page.Locator($"tr[data-booking='{first.Id}']");
        await row.GetByPlaceholder("Причина (необязательно)").FillAsync("Мастер заболел");
        await row.GetByRole(AriaRole.Button, new() { Name = "Отменить" }).ClickAsync();

        Assert.Contains("клиент предупреждён в боте", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Ваша запись отменена администратором", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("2 декабря (ср), 10:00", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Причина: Мастер заболел", anna.LastMessage.Text, StringComparison.Ordinal);
        var bookings = await _w.S.BookingsAsync();
        Assert.Equal((BookingStatus.Cancelled, "Мастер заболел"), (bookings[0].Status, bookings[0].CancelReason));
        Assert.Equal(BookingStatus.Confirmed, bookings[1].Status);
        var audit = await _w.S.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.cancel", BotScenario.AdminId), (audit.Action, audit.ActorId));
        Assert.Contains("Отменена", await _w.Page.Locator($"tr[data-booking='{first.Id}']").InnerTextAsync(), StringComparison.Ordinal);

        await _w.Page.GotoAsync(_w.Url("/panel/"));
        Assert.Equal("2", await _w.Page.Locator("table.figures-table tr:has(th:text('Сделано записей')) td").First.InnerTextAsync());
        await _w.ScreenshotAsync("dashboard");
    }

    [BrowserFact]
    public async Task Moving_a_booking_in_the_panel_tells_the_client_the_old_and_the_new_time()
    {
        var anna = _w.S.User(1001, "Анна");
        await PanelWorld.BookAsync(anna, "2 🟢", "10:00");
        await _w.SignInAsOwnerAsync();
        var id = (await _w.S.BookingsAsync())[0].Id;

        await _w.Page.GotoAsync(_w.Url("/panel/bookings"));
        await _w.Page.Locator($"tr[data-booking='{id}']").GetByRole(AriaRole.Link, new() { Name = "Перенести" }).ClickAsync();
        await _w.ScreenshotAsync("move");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "15:00", Exact = true }).ClickAsync();

        Assert.Contains("Запись перенесена", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("10:00", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("15:00", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc), (await _w.S.BookingsAsync())[0].StartUtc);
    }

    [BrowserFact]
    public async Task Booking_a_client_who_phoned_finds_them_by_name_and_books_a_free_time_they_hear_of_in_the_bot()
    {
        var anna = _w.S.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        await _w.SignInAsOwnerAsync();

        await _w.Page.GotoAsync(_w.Url("/panel/bookings"));
        await _w.Page.GetByRole(AriaRole.Link, new() { Name = "➕ Записать клиента" }).ClickAsync();
        await _w.Page.GetByLabel("Клиент").FillAsync("анн");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await _w.Page.GetByRole(AriaRole.Link, new() { Name = "Анна" }).ClickAsync();
        await _w.Page.GetByLabel("День").FillAsync("2026-12-02");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Показать свободное время" }).ClickAsync();
        await _w.ScreenshotAsync("new-booking");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "11:00", Exact = true }).ClickAsync();

        Assert.Contains("Клиент записан", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Администратор записал вас", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("2 декабря (ср), 11:00", anna.LastMessage.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _w.S.BookingsAsync());
        Assert.Equal((1001L, new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc)), (booking.ClientId, booking.StartUtc));
    }

    [BrowserFact]
    public async Task A_moderator_is_refused_a_super_admin_page_and_its_action_and_nothing_changes()
    {
        var moderator = await _w.AddModeratorAsync();
        await _w.SignInAsync(await PanelWorld.AskForLinkAsync(moderator));
        Assert.DoesNotContain("Настройки", await _w.Page.Locator("header nav").InnerTextAsync(), StringComparison.Ordinal);

        var page = await _w.Page.GotoAsync(_w.Url("/panel/settings"));
        Assert.Equal(403, page!.Status);
        Assert.Contains("только для суперадминов", await _w.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("forbidden");

        // Even with a valid antiforgery token from their own page, the action itself is refused.
        await _w.Page.GotoAsync(_w.Url("/panel/schedule"));
        var token = await _w.Page.Locator("input[name=_csrf]").First.InputValueAsync();
        var response = await _w.Page.APIRequest.PostAsync(_w.Url("/panel/settings"), new APIRequestContextOptions
        {
            Form = _w.Context.APIRequest.CreateFormData().Set("_csrf", token).Set("field", "booking_limit").Set("value", "9"),
            MaxRedirects = 0,
        });
        Assert.Equal(403, response.Status);
        Assert.Equal(3, await _w.S.Host.DbAsync(db => db.Settings.Select(s => s.MaxActiveBookings).SingleAsync()));
        Assert.Equal(0, await _w.S.Host.DbAsync(db => db.AuditEntries.CountAsync()));
    }

    [BrowserFact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var anna = _w.S.User(1001, "Анна");
        await PanelWorld.BookAsync(anna, "2 🟢", "10:00");
        await _w.SignInAsOwnerAsync();
        var id = (await _w.S.BookingsAsync())[0].Id;
        var told = anna.Messages.Count;

        var response = await _w.Page.APIRequest.PostAsync(_w.Url($"/panel/bookings/{id}/cancel"), new APIRequestContextOptions
        {
            Form = _w.Context.APIRequest.CreateFormData().Set("reason", "forged"),
            MaxRedirects = 0,
        });

        Assert.Equal(400, response.Status);
        Assert.Equal(BookingStatus.Confirmed, (await _w.S.BookingsAsync())[0].Status);
        Assert.Equal(told, anna.Messages.Count);

        // The same form with its token goes through: the refusal above was the missing token, nothing else.
        await _w.Page.GotoAsync(_w.Url("/panel/settings"));
        await _w.Page.Locator("form:has(input[name=field][value=booking_limit]) input[name=value]").FillAsync("5");
        await _w.Page.Locator("form:has(input[name=field][value=booking_limit])").GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains("Сохранено", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await _w.S.Host.DbAsync(db => db.Settings.Select(s => s.MaxActiveBookings).SingleAsync()));
    }

    [BrowserFact]
    public async Task A_booking_made_in_the_bot_appears_on_an_open_week_page_without_a_reload()
    {
        await _w.SignInAsOwnerAsync();
        await _w.Page.GotoAsync(_w.Url("/panel/schedule"));
        await _w.Page.EvaluateAsync("() => { window.sameDocument = true; }");
        Assert.Equal(0, await _w.Page.Locator(".day[data-date='2026-12-02'] .slot").CountAsync());

        await PanelWorld.BookAsync(_w.S.User(1001, "Анна"), "2 🟢", "10:00");

        await _w.Page.Locator(".day[data-date='2026-12-02'] .slot").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Contains("Анна", await _w.Page.Locator(".day[data-date='2026-12-02'] .slot").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await _w.Page.EvaluateAsync<bool>("() => window.sameDocument === true"));
    }
}
