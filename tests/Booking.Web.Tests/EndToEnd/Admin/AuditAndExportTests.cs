using System.Text;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A11 and A13 through the bot: the audit log with its filter, and CSV files sent as documents.</summary>
public sealed class AuditAndExportTests : IAsyncLifetime
{
    private const long ModeratorId = 700;
    private BotScenario _s = null!;

    public async Task InitializeAsync()
    {
        _s = await BotScenario.StartAsync();
        await _s.Host.DbAsync(async db =>
        {
            db.Admins.Add(new Booking.Core.Domain.Admin(ModeratorId, AdminRole.Moderator, BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            db.AuditEntries.Add(new AuditEntry(BotScenario.AdminId, "admin.add", $"user:{ModeratorId}", null, "{\"role\":\"Moderator\"}", BotScenario.DefaultNow.UtcDateTime));
            db.AuditEntries.Add(new AuditEntry(ModeratorId, "booking.cancel", "booking:7", null, null, BotScenario.DefaultNow.UtcDateTime.AddMinutes(5)));
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_owner_reads_the_audit_log_filters_it_and_exports_it()
    {
        var owner = _s.Admin;

        await owner.SendTextAsync("/audit");
        var log = owner.LastMessage.Text;
        Assert.Contains("Журнал действий</b> · стр. 1 из 1", log, StringComparison.Ordinal);
        Assert.True(log.IndexOf("booking.cancel", StringComparison.Ordinal) < log.IndexOf("admin.add", StringComparison.Ordinal), "newest first");
        Assert.Contains("1 декабря (вт), 09:05", log, StringComparison.Ordinal);

        await owner.PressAsync("🏷 По действию");
        await owner.PressAsync("admin.add");
        Assert.Contains("Фильтр: admin.add", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("booking.cancel", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("📥 CSV");
        var file = Assert.Single(owner.Documents);
        Assert.Equal("audit.csv", file.FileName);
        Assert.Contains("строк: 1", file.Caption, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(file.Content);
        Assert.StartsWith("\uFEFFid,at,admin_id,admin,action,target,before,after\r\n", csv, StringComparison.Ordinal);
        Assert.Contains(",2026-12-01 09:00,900000001,", csv, StringComparison.Ordinal);
        Assert.Contains("\"{\"\"role\"\":\"\"Moderator\"\"}\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_exports_bookings_and_clients_as_documents_with_row_counts()
    {
        await BookingFlowTests.BookAsync(_s.User(1001, "Анна"), "2 🟢", "10:00");
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📤 Выгрузки");

        await owner.PressAsync("📅 Записи");
        await owner.PressAsync("👥 Клиенты");

        Assert.Equal(["bookings.csv", "clients.csv"], owner.Documents.Select(d => d.FileName));
        Assert.Equal("📅 Все записи · строк: 1", owner.Documents[0].Caption);
        var bookings = Encoding.UTF8.GetString(owner.Documents[0].Content);
        Assert.StartsWith("\uFEFFid,start,", bookings, StringComparison.Ordinal);
        Assert.Contains("2026-12-02 10:00,2026-12-02 11:00,60,Массаж,2500.00,RUB,Confirmed,1001,Анна", bookings, StringComparison.Ordinal);
        Assert.Contains("1001,Анна,", Encoding.UTF8.GetString(owner.Documents[1].Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moderator_gets_the_ordinary_unknown_command_reply_to_audit_and_no_such_sections()
    {
        var moderator = _s.User(ModeratorId, "Мод");

        await moderator.SendTextAsync("/audit");
        Assert.Contains("Не понял вас", moderator.LastMessage.Text, StringComparison.Ordinal);

        await moderator.SendTextAsync("/admin");
        var sections = moderator.LastMessage.Buttons.Select(b => b.Text).ToList();
        Assert.Contains("📊 Статистика", sections);
        Assert.Contains("🗓 Расписание", sections);
        Assert.DoesNotContain("📜 Журнал действий", sections);
        Assert.DoesNotContain("📤 Выгрузки", sections);
        Assert.Empty(moderator.Documents);
    }
}
