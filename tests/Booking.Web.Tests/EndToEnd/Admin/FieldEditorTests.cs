using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A9 through the real host: the owner edits a field step by step and a client sees the result at once.</summary>
public sealed class FieldEditorTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task OpenServiceFieldAsync(string field)
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("✏️ Редактор полей");
        await owner.PressAsync("🧾 Услуги");
        await owner.PressAsync("Массаж");
        await owner.PressAsync(field);
    }

    [Fact]
    public async Task The_owner_renames_a_service_with_the_editor_and_a_client_sees_the_new_name()
    {
        var owner = _s.Admin;
        await OpenServiceFieldAsync("Название");
        Assert.Contains("Сейчас: Массаж", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Допустимо: текст от 1 до 128 символов", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.SendTextAsync("Тайский массаж");
        Assert.Contains("Было: Массаж", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Станет: Тайский массаж", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal("Массаж", await _s.Host.DbAsync(db => db.Services.Where(s => s.Id == _s.MassageId).Select(s => s.Name).SingleAsync()));
        await owner.PressAsync("✅ Сохранить");

        Assert.Contains("✅ Сохранено. Название: Массаж → Тайский массаж", owner.LastMessage.Text, StringComparison.Ordinal);
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("📅 Записаться");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text.StartsWith("Тайский массаж · 60 мин", StringComparison.Ordinal));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((BotScenario.AdminId, "field.service.name", $"service:{_s.MassageId}"), (audit.ActorId, audit.Action, audit.Target));
        Assert.Equal(("""{"name":"Массаж"}""", """{"name":"Тайский массаж"}"""), (audit.Before, audit.After));
        Assert.Equal(0, owner.UnansweredCallbacks);
    }

    [Fact]
    public async Task An_invalid_value_is_refused_with_the_allowed_range_and_nothing_changes()
    {
        var owner = _s.Admin;
        await OpenServiceFieldAsync("Длительность, мин");

        await owner.SendTextAsync("5");

        Assert.Contains("Такое значение не подходит", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("целое число от 15 до 480", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.LastMessage.Buttons, b => b.Text == "✅ Сохранить");
        Assert.Equal(60, await _s.Host.DbAsync(db => db.Services.Where(s => s.Id == _s.MassageId).Select(s => s.DurationMinutes).SingleAsync()));
        Assert.Equal(0, await _s.Host.DbAsync(db => db.AuditEntries.CountAsync()));

        await owner.SendTextAsync("90");
        await owner.PressAsync("✅ Сохранить");
        Assert.Equal(90, await _s.Host.DbAsync(db => db.Services.Where(s => s.Id == _s.MassageId).Select(s => s.DurationMinutes).SingleAsync()));
    }

    [Fact]
    public async Task The_owner_sets_a_clients_phone_and_cancel_leaves_the_editor_without_saving()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("✏️ Редактор полей");
        await owner.PressAsync("👤 Клиенты");
        await owner.PressAsync("Анна");
        await owner.PressAsync("Телефон");
        await owner.SendTextAsync("8-900-123");
        Assert.Contains("цифры и «+» в начале, от 5 до 20 символов", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.SendTextAsync("+79001234567");
        await owner.SendTextAsync("/cancel");
        Assert.Null(await _s.Host.DbAsync(db => db.Clients.Where(c => c.Id == 1001).Select(c => c.Phone).SingleAsync()));
        await owner.SendTextAsync("+79001234567");
        Assert.DoesNotContain(owner.LastMessage.Buttons, b => b.Text == "✅ Сохранить");

        await owner.SendTextAsync("/admin");
        await owner.PressAsync("✏️ Редактор полей");
        await owner.PressAsync("👤 Клиенты");
        await owner.PressAsync("Анна");
        await owner.PressAsync("Телефон");
        await owner.SendTextAsync("+79001234567");
        await owner.PressAsync("✅ Сохранить");
        Assert.Equal("+79001234567", await _s.Host.DbAsync(db => db.Clients.Where(c => c.Id == 1001).Select(c => c.Phone).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_demoted_while_a_question_is_open_has_the_typed_value_ignored()
    {
        const long DeputyId = 710;
        await _s.Host.DbAsync(async db =>
        {
            db.Admins.Add(new Booking.Core.Domain.Admin(DeputyId, Booking.Core.Domain.AdminRole.SuperAdmin, BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            await db.SaveChangesAsync();
        });
        var deputy = _s.User(DeputyId, "Зам");
        await deputy.SendTextAsync("/admin");
        await deputy.PressAsync("✏️ Редактор полей");
        await deputy.PressAsync("🧾 Услуги");
        await deputy.PressAsync("Массаж");
        await deputy.PressAsync("Название");
        await _s.Host.DbAsync(async db =>
        {
            (await db.Admins.SingleAsync(a => a.UserId == DeputyId)).ChangeRole(Booking.Core.Domain.AdminRole.Moderator);
            await db.SaveChangesAsync();
        });

        await deputy.SendTextAsync("Взлом");

        Assert.DoesNotContain(deputy.Messages, m => m.Text.Contains("Станет", StringComparison.Ordinal));
        Assert.Equal("Массаж", await _s.Host.DbAsync(db => db.Services.Where(s => s.Id == _s.MassageId).Select(s => s.Name).SingleAsync()));
    }
}
