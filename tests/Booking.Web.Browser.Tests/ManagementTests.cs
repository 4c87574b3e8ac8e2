using System.Text;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Booking.Web.Browser.Tests;

/// <summary>X1: services, texts, the audit log and exports in the panel, with what clients then see in the bot.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ManagementTests(Chromium chromium) : IAsyncLifetime
{
    private PanelWorld _w = null!;

    public async Task InitializeAsync() => _w = await PanelWorld.StartAsync(chromium);

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [BrowserFact]
    public async Task A_service_created_in_the_panel_is_offered_in_the_bot_and_a_hidden_one_is_not()
    {
        await _w.SignInAsOwnerAsync();
        await _w.Page.GotoAsync(_w.Url("/panel/services"));
        var form = _w.Page.Locator("form[action='/panel/services']");
        await form.Locator("input[name=name]").FillAsync("Стрижка");
        await form.Locator("input[name=duration]").FillAsync("45");
        await form.Locator("input[name=price]").FillAsync("1 500");
        await form.GetByRole(AriaRole.Button, new() { Name = "Создать" }).ClickAsync();

        Assert.Contains("Услуга создана", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("services");
        var anna = _w.S.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text.Contains("Стрижка", StringComparison.Ordinal));
        var created = await _w.S.Host.DbAsync(db => db.Services.SingleAsync(s => s.Name == "Стрижка"));
        Assert.Equal((45, 1500m, "RUB"), (created.DurationMinutes, created.Price, created.Currency));

        await _w.Page.Locator($"tr[data-service='{created.Id}']").GetByRole(AriaRole.Button, new() { Name = "Скрыть" }).ClickAsync();
        await anna.SendTextAsync("/book");
        Assert.DoesNotContain(anna.LastMessage.Buttons, b => b.Text.Contains("Стрижка", StringComparison.Ordinal));

        // A bad value is refused with the bot's own words and nothing is saved.
        await _w.Page.GotoAsync(_w.Url($"/panel/services/{created.Id}"));
        await _w.Page.Locator("input[name=duration]").EvaluateAsync("e => e.removeAttribute('max')");
        await _w.Page.Locator("input[name=duration]").FillAsync("600");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        Assert.Contains("от 15 до 480", await _w.Page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(45, await _w.S.Host.DbAsync(db => db.Services.Where(s => s.Id == created.Id).Select(s => s.DurationMinutes).SingleAsync()));
        var actions = await _w.S.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["service.create", "service.deactivate"], actions);
    }

    [BrowserFact]
    public async Task A_text_is_reworded_in_the_panel_and_clients_see_it_while_a_lost_placeholder_is_refused()
    {
        await _w.SignInAsOwnerAsync();
        await _w.Page.GotoAsync(_w.Url("/panel/texts?category=start"));
        await _w.Page.Locator("tr[data-key='start.returning']").GetByRole(AriaRole.Link).ClickAsync();
        var russian = _w.Page.Locator("section[data-language='ru']");

        await russian.Locator("textarea").FillAsync("Рады снова видеть!");
        await russian.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        Assert.Contains("{name}", await _w.Page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _w.S.Host.DbAsync(db => db.TextOverrides.CountAsync()));

        await russian.Locator("textarea").FillAsync("🌸 Рады снова видеть, {name}!");
        await russian.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        Assert.Contains("Сохранено", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("texts");

        var anna = _w.S.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        await anna.SendTextAsync("/start");
        Assert.Contains("🌸 Рады снова видеть, Анна!", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task The_audit_log_shows_panel_actions_with_filters_and_exports_them_as_csv()
    {
        var anna = _w.S.User(1001, "Анна");
        await PanelWorld.BookAsync(anna, "2 🟢", "10:00");
        await _w.SignInAsOwnerAsync();
        await _w.Page.GotoAsync(_w.Url("/panel/settings"));
        await _w.Page.Locator("form:has(input[name=field][value=booking_limit]) input[name=value]").FillAsync("4");
        await _w.Page.Locator("form:has(input[name=field][value=booking_limit])").GetByRole(AriaRole.Button).ClickAsync();
        await _w.Page.GotoAsync(_w.Url("/panel/bookings"));
        await _w.Page.Locator("tr[data-booking]").GetByRole(AriaRole.Button, new() { Name = "Отменить" }).ClickAsync();

        await _w.Page.GotoAsync(_w.Url("/panel/audit"));
        Assert.Equal(2, await _w.Page.Locator("table.audit tbody tr").CountAsync());
        await _w.ScreenshotAsync("audit");
        await _w.Page.Locator("select[name=action]").SelectOptionAsync("booking.cancel");
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        Assert.Equal(1, await _w.Page.Locator("table.audit tbody tr").CountAsync());
        Assert.Contains("booking.cancel", await _w.Page.Locator("table.audit tbody").InnerTextAsync(), StringComparison.Ordinal);

        var download = await _w.Page.RunAndWaitForDownloadAsync(() => _w.Page.GetByRole(AriaRole.Link, new() { Name = "Скачать CSV" }).ClickAsync());
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv);
        Assert.Contains("booking.cancel", text, StringComparison.Ordinal);
        Assert.DoesNotContain("settings.booking_limit", text, StringComparison.Ordinal);

        await _w.Page.GotoAsync(_w.Url("/panel/export"));
        var bookings = await _w.Page.RunAndWaitForDownloadAsync(() => _w.Page.GetByRole(AriaRole.Link, new() { Name = "Все записи (bookings.csv)" }).ClickAsync());
        Assert.Equal("bookings.csv", bookings.SuggestedFilename);
        Assert.Contains("Анна", await File.ReadAllTextAsync((await bookings.PathAsync())!), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Opening_hours_are_changed_in_the_panel_and_a_bad_value_is_refused()
    {
        await _w.SignInAsOwnerAsync();
        await _w.Page.GotoAsync(_w.Url("/panel/settings"));
        var monday = _w.Page.Locator("table.hours form").First;

        await monday.Locator("input[name=hours]").FillAsync("18:00-09:00");
        await monday.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains("закрытие должно быть позже открытия", await _w.Page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        await _w.Page.Locator("table.hours form").First.Locator("input[name=hours]").FillAsync("10:00-16:00");
        await _w.Page.Locator("table.hours form").First.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains("Сохранено", await _w.Page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await _w.ScreenshotAsync("settings");
        var day = await _w.S.Host.DbAsync(db => db.WorkingDays.SingleAsync(d => d.Weekday == DayOfWeek.Monday));
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(16, 0)), (day.Opens, day.Closes));
        Assert.Equal("10:00-16:00", await _w.Page.Locator("table.hours form").First.Locator("input[name=hours]").InputValueAsync());
    }
}
