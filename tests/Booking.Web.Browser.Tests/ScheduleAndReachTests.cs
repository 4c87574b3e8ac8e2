using Booking.Bot.Broadcasts;
using Booking.Core.Domain;
using Booking.Core.Features.Broadcasts;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Booking.Web.Browser.Tests;

/// <summary>
/// X1: special days, blocks, broadcasts and admins in the panel, clicked through in a real browser, with what clients
/// and admins then see in the bot.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ScheduleAndReachTests(Chromium chromium) : IAsyncLifetime
{
    private PanelWorld _w = null!;

    public async Task InitializeAsync() => _w = await PanelWorld.StartAsync(chromium);

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [BrowserFact]
    public async Task The_owner_closes_a_date_with_a_booking_on_it_then_broadcasts_to_clients_who_each_get_the_message()
    {
        var anna = _w.S.User(1001, "Анна");
        var boris = _w.S.User(1002, "Борис");
        await PanelWorld.BookAsync(anna, "2 🟢", "10:00");
        await boris.SendTextAsync("/start");
        await _w.SignInAsOwnerAsync();

        await _w.Page.GetByRole(AriaRole.Link, new() { Name = "Особые дни" }).ClickAsync();
        await AddSpecialDayAsync("2026-12-31", "10:00-15:00");
        await AddSpecialDayAsync("2026-12-02", string.Empty);

        Assert.Contains("2 декабря (ср): закрыто.", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("На эту дату уже есть записи (1)", await _w.Page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("10:00–15:00", await _w.Page.Locator("tr[data-date='2026-12-31']").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("special-days");
        var days = await _w.S.Host.DbAsync(db => db.SpecialDays.OrderBy(d => d.Date).ToListAsync());
        Assert.Equal([(new DateOnly(2026, 12, 2), true), (new DateOnly(2026, 12, 31), false)], days.Select(d => (d.Date, d.IsClosed)));
        await boris.SendTextAsync("/book");
        await boris.PressAsync("Массаж");
        Assert.Contains(boris.LastMessage.Buttons, b => b.Text == "2 ⚫");

        await _w.Page.GetByRole(AriaRole.Link, new() { Name = "Рассылки" }).ClickAsync();
        await _w.Page.Locator("textarea[name=text]").FillAsync("Салон закрыт 2 декабря 🌿\nЗапишитесь на другой день — будем рады!");
        await _w.Page.GetByLabel("📅 С будущими записями").CheckAsync();
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Посмотреть, как это увидят клиенты →" }).ClickAsync();
        Assert.Contains("получат 1 получателей (клиенты с будущими записями)", await _w.Page.Locator("section.preview").InnerTextAsync(), StringComparison.Ordinal);
        await _w.Page.GetByLabel("👥 Всем клиентам").CheckAsync();
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Посмотреть, как это увидят клиенты →" }).ClickAsync();
        await _w.ScreenshotAsync("broadcast-preview");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "📣 Отправить 2" }).ClickAsync();

        Assert.Contains("Рассылка №1 на 2 получателей отправляется", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        const string Expected = "Салон закрыт 2 декабря 🌿\nЗапишитесь на другой день — будем рады!";
        await Eventually.UntilAsync(() => anna.LastMessage.Text == Expected && boris.LastMessage.Text == Expected, "both clients got the broadcast");
        await Eventually.UntilAsync(() => _w.S.Admin.Messages.Any(m => m.Text.Contains("Рассылка №1 завершена", StringComparison.Ordinal)), "the owner got the report");
        await _w.Page.ReloadAsync();
        Assert.Contains("2 из 2", await _w.Page.Locator("tr[data-broadcast='1']").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("broadcasts");
        Assert.Equal(["special_day.set", "special_day.set", "broadcast.create"],
            await _w.S.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [BrowserFact]
    public async Task The_broadcast_history_follows_a_sending_broadcast_without_a_reload_and_leaves_the_form_alone()
    {
        var anna = _w.S.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        await _w.SignInAsOwnerAsync();

        // Queued as the panel queues it, but the sender is not woken yet (its clock stands still), so the page is
        // drawn while the broadcast is still sending.
        int id;
        await using (var scope = _w.S.Host.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateBroadcast.Handler>().HandleAsync(
                new CreateBroadcast.Request(BotScenario.AdminId, "С понедельника работаем до 21:00 ☀️", Audience.All, null), CancellationToken.None);
            Assert.Equal(CreateBroadcast.Outcome.Created, created.Outcome);
            id = created.BroadcastId;
        }

        await _w.Page.GotoAsync(_w.Url("/panel/broadcasts"));
        var row = _w.Page.Locator($"tr[data-broadcast='{id}']");
        Assert.Contains("отправляется", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("0 из ", await row.InnerTextAsync(), StringComparison.Ordinal);
        await _w.Page.Locator("textarea[name=text]").FillAsync("Черновик следующей рассылки");

        _w.S.Host.Services.GetRequiredService<BroadcastWorker>().Wake();

        await _w.Page.Locator($"tr[data-broadcast='{id}']:not([data-sending])").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("завершена", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("0 из ", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Черновик следующей рассылки", await _w.Page.Locator("textarea[name=text]").InputValueAsync());
        Assert.Equal("С понедельника работаем до 21:00 ☀️", anna.LastMessage.Text);
    }

    [BrowserFact]
    public async Task A_moderator_blocks_an_hour_after_seeing_the_booking_it_cancels_and_sees_only_the_pages_of_their_role()
    {
        var anna = _w.S.User(1001, "Анна");
        await PanelWorld.BookAsync(anna, "2 🟢", "10:00");
        await _w.AddModeratorAsync();
        await _w.SignInAsync(await PanelWorld.AskForLinkAsync(_w.S.Api.User(PanelWorld.ModeratorId, "Мира", "mira")));

        var nav = await _w.Page.Locator("header nav").InnerTextAsync();
        Assert.Contains("Блокировки", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("Особые дни", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("Рассылки", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("Админы", nav, StringComparison.Ordinal);

        await _w.Page.GetByRole(AriaRole.Link, new() { Name = "Блокировки" }).ClickAsync();
        var slot = _w.Page.Locator("form:has(input[name=kind][value=slot])");
        await slot.Locator("input[name=date]").FillAsync("2026-12-02");
        await slot.Locator("input[name=time]").FillAsync("09:30");
        await slot.Locator("input[name=minutes]").FillAsync("90");
        await slot.Locator("input[name=reason]").FillAsync("Ремонт");
        await slot.GetByRole(AriaRole.Button, new() { Name = "Дальше →" }).ClickAsync();
        Assert.Contains("Будут отменены записи: 1", await _w.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("block-confirm");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "✅ Закрыть" }).ClickAsync();

        Assert.Contains("Отменено записей: 1", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Причина: Ремонт", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, (await _w.S.BookingsAsync()).Single().Status);
        await _w.ScreenshotAsync("blocks");

        await _w.Page.GotoAsync(_w.Url("/panel/admins"));
        Assert.Contains("Нет доступа", await _w.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task The_owner_adds_a_moderator_by_telegram_id_and_they_can_sign_in_to_the_panel()
    {
        var lena = _w.S.Api.User(555_000_001, "Лена", "lena");
        await lena.SendTextAsync("/start");
        await _w.SignInAsOwnerAsync();

        await _w.Page.GetByRole(AriaRole.Link, new() { Name = "Админы" }).ClickAsync();
        await _w.Page.Locator("input[name=id]").FillAsync("555000001");
        await _w.Page.Locator("select[name=role]").SelectOptionAsync("Moderator");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "➕ Добавить" }).ClickAsync();

        Assert.Contains("Готово", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("модератор", await _w.Page.Locator("tr[data-admin='555000001']").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("admins");
        Assert.Contains("Вас назначили администратором", lena.LastMessage.Text, StringComparison.Ordinal);
        await lena.SendTextAsync("/web");
        Assert.Contains("/panel/login?token=", lena.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(AdminRole.Moderator, await _w.S.Host.DbAsync(db => db.Admins.Select(a => a.Role).SingleAsync()));
    }

    private async Task AddSpecialDayAsync(string date, string hours)
    {
        var form = _w.Page.Locator("form[action='/panel/days']");
        await form.Locator("input[name=date]").FillAsync(date);
        await form.Locator("input[name=hours]").FillAsync(hours);
        await form.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await _w.Page.Locator(".flash").WaitForAsync();
    }
}
