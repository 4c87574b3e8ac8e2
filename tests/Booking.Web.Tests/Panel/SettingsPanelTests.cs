using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.Panel;

/// <summary>X1/A5 in the panel: each setting with the control that fits it and a line saying what it accepts.</summary>
public sealed class SettingsPanelTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static string FormOf(string page, string field)
    {
        var start = page.IndexOf($"name=\"field\" value=\"{field}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no form for {field}");
        var end = page.IndexOf("</tr>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    [Fact]
    public async Task A_setting_with_few_values_is_a_choice_numbers_are_number_boxes_and_each_says_what_it_accepts()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);
        var page = await owner.GetStringAsync("/panel/settings");

        var step = FormOf(page, "slot_interval");
        Assert.Contains("<select name=\"value\"", step, StringComparison.Ordinal);
        Assert.Contains("<option value=\"15\">Каждые 15 мин</option>", step, StringComparison.Ordinal);
        Assert.Contains("<option value=\"60\" selected>Каждые 60 мин</option>", step, StringComparison.Ordinal);
        var phone = FormOf(page, "phone_request");
        Assert.Contains("<option value=\"off\" selected>не спрашивать</option>", phone, StringComparison.Ordinal);
        Assert.Contains("<option value=\"required\">обязателен</option>", phone, StringComparison.Ordinal);
        Assert.Contains("type=\"number\"", FormOf(page, "booking_limit"), StringComparison.Ordinal);
        Assert.Contains("value=\"3\"", FormOf(page, "booking_limit"), StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"number\"", FormOf(page, "address"), StringComparison.Ordinal);

        // The bot's own question, without its Telegram markup, under each field.
        Assert.Contains("<div class=\"muted hint\">На сколько дней сразу клиент может встать в лист ожидания? От 1 до 10, или 0, чтобы выключить его.", FormOf(page, "waitlist_limit"), StringComparison.Ordinal);
        Assert.Contains("Сейчас: Europe/Moscow.", FormOf(page, "time_zone"), StringComparison.Ordinal);
        Assert.Contains("например 1440, 120", FormOf(page, "reminder_offsets"), StringComparison.Ordinal);
        Assert.DoesNotContain("<code>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_is_saved_like_a_typed_value_and_shown_chosen_afterwards()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        await owner.FollowAsync(await owner.SubmitAsync("/panel/settings", "/panel/settings", new Dictionary<string, string> { ["field"] = "phone_request", ["value"] = "required" }));
        var page = await owner.FollowAsync(await owner.SubmitAsync("/panel/settings", "/panel/settings", new Dictionary<string, string> { ["field"] = "slot_interval", ["value"] = "30" }));

        Assert.Contains("<option value=\"required\" selected>обязателен</option>", FormOf(page, "phone_request"), StringComparison.Ordinal);
        Assert.Contains("<option value=\"30\" selected>Каждые 30 мин</option>", FormOf(page, "slot_interval"), StringComparison.Ordinal);
        var settings = await _s.Host.DbAsync(db => db.Settings.AsNoTracking().SingleAsync());
        Assert.Equal((PhoneRequest.Required, 30), (settings.PhoneRequest, settings.SlotIntervalMinutes));
    }
}
