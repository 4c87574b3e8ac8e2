using Booking.Bot.Callbacks;
using Booking.Core.Domain;
using Booking.Core.Features.Editor;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>
/// A1: the original bot let anyone into admin screens through an unawaited check. Here every admin button and
/// command is tried by a client and by a moderator; each is refused, reveals nothing and changes nothing.
/// </summary>
public sealed class AdminGateTests : IAsyncLifetime
{
    private const long ModeratorId = 700;
    private const long VictimId = 701;

    /// <summary>The service and the block every fresh database starts with here.</summary>
    private const int SeededServiceId = 1;
    private const int SeededBlockId = 1;
    private const long ClientId = 702;
    private const int BookingId = 1;

    /// <summary>A booking two days ahead, which a forged move would really move.</summary>
    private const int FutureBookingId = 2;

    /// <summary>The scenario's bookable "Массаж" (after the seeded service), which a forged booking for a client would use.</summary>
    private const int MassageServiceId = 2;
    private static readonly DateOnly Holiday = new(2026, 12, 31);

    /// <summary>A text with an override in the database, which a reset would remove.</summary>
    private const string TextKey = "booking.confirmed";
    private BotScenario _s = null!;

    public async Task InitializeAsync()
    {
        _s = await BotScenario.StartAsync();
        await _s.Host.DbAsync(async db =>
        {
            db.Admins.Add(new Booking.Core.Domain.Admin(ModeratorId, AdminRole.Moderator, BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            db.Admins.Add(new Booking.Core.Domain.Admin(VictimId, AdminRole.SuperAdmin, BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            var blockStart = BotScenario.DefaultNow.UtcDateTime.AddDays(2);
            db.Blocks.Add(new Block(blockStart, blockStart.AddHours(1), "Ремонт", BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            db.Clients.Add(new Client(ClientId, "Клиент", null, null, "ru", BotScenario.DefaultNow.UtcDateTime));
            var massage = await db.Services.SingleAsync(s => s.Id == _s.MassageId);
            var start = BotScenario.DefaultNow.UtcDateTime.AddHours(-1); // started an hour ago: every booking button applies
            db.TextOverrides.Add(new TextOverride(TextKey, "ru", "Ждём {service} {date} {time} {duration} {price}", BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            db.Bookings.Add(Booking.Core.Domain.Booking.Create(ClientId, massage, start, Actor.Client, ClientId, new NotificationPlan([], 120), start.AddDays(-2)));
            var ahead = BotScenario.DefaultNow.UtcDateTime.AddDays(2).AddHours(3);
            db.Bookings.Add(Booking.Core.Domain.Booking.Create(ClientId, massage, ahead, Actor.Client, ClientId, new NotificationPlan([], 120), start));
            db.SpecialDays.Add(SpecialDay.Closed(Holiday));
            (await db.Settings.SingleAsync()).TimeZoneId = "Europe/Moscow"; // so that resetting the zone would be a change
            await db.SaveChangesAsync();
        });
        Assert.Equal(MassageServiceId, _s.MassageId);
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    /// <summary>One of every admin button, aimed at real targets.</summary>
    public static IEnumerable<AdminCallback> EveryAdminButton() =>
    [
        new OpenAdminPanel(),
        new ListAdmins(),
        new ViewAdmin(VictimId),
        new SetAdminRole(VictimId, AdminRole.Moderator),
        new SetAdminRole(ModeratorId, AdminRole.SuperAdmin),
        new AskRemoveAdmin(VictimId),
        new RemoveAdmin(VictimId),
        new StartAddAdmin(),
        new AddAdmin(666, AdminRole.SuperAdmin),
        new RunBackup(),
        new OpenCalendarFeed(),
        new NewCalendarFeed(),
        new RevokeCalendarFeed(),
        new MassEditDayPick(new DateOnly(2026, 12, 2)),
        new MassShift(new DateOnly(2026, 12, 1), 30, true),
        new MassService(new DateOnly(2026, 12, 1), 1, 0),
        new MassCancel(new DateOnly(2026, 12, 1), true),
        new AdminServices(),
        new AdminService(SeededServiceId),
        new NewServiceStart(),
        new ServiceFieldEdit(SeededServiceId, 'n'),
        new ServiceFieldEdit(SeededServiceId, 'z'),
        new ServiceDurationPick(90),
        new ServiceIntervalPick(15),
        new ServiceDescriptionSkip(),
        new ServiceToggle(SeededServiceId),
        new ServiceMove(SeededServiceId, false),
        new ServiceDeleteAsk(SeededServiceId),
        new ServiceDeleteConfirm(SeededServiceId),
        new AdminBlocks(),
        new BlockStart('d'),
        new BlockLengthPick(60),
        new BlockReasonSkip(),
        new BlockConfirm(),
        new BlockRemove(SeededBlockId),
        new ShowDashboard(Core.Features.Analytics.DashboardPeriod.AllTime),
        ShowSchedule.Today,
        new ViewBooking(BookingId),
        new MarkVisit(BookingId, false),
        new AskAdminCancel(BookingId),
        new AdminCancel(BookingId),
        new StartMessageClient(BookingId),
        new AdminMoveMonth(FutureBookingId, new DateOnly(2026, 12, 1)),
        new AdminMoveDay(FutureBookingId, new DateOnly(2026, 12, 3)),
        new AdminMoveSlot(FutureBookingId, BotScenario.DefaultNow.UtcDateTime.AddDays(2).AddHours(6)),
        new AdminMoveConfirm(FutureBookingId, BotScenario.DefaultNow.UtcDateTime.AddDays(2).AddHours(6)),
        new AdminBookStart(),
        new AdminBookClient(ClientId),
        new AdminBookService(ClientId, MassageServiceId),
        new AdminBookMonth(ClientId, MassageServiceId, new DateOnly(2026, 12, 1)),
        new AdminBookDay(ClientId, MassageServiceId, new DateOnly(2026, 12, 3)),
        new AdminBookSlot(ClientId, MassageServiceId, BotScenario.DefaultNow.UtcDateTime.AddDays(2).AddHours(7)),
        new AdminBookConfirm(ClientId, MassageServiceId, BotScenario.DefaultNow.UtcDateTime.AddDays(2).AddHours(7)),
        new ShowAudit(0),
        new PickAuditActor(null),
        new PickAuditAction(null),
        new ExportAudit(null, null),
        new OpenExports(),
        new RunExport(ExportKind.Bookings),
        new RunExport(ExportKind.Clients),
        new OpenSettings(),
        new EditSetting(Core.Features.Settings.SettingField.MinNotice),
        new EditSetting(Core.Features.Settings.SettingField.Address),
        new PickSlotInterval(15),
        new ResetTimeZone(),
        new EditSetting(Core.Features.Settings.SettingField.PhoneRequest),
        new PickPhoneRequest(PhoneRequest.Required),
        new OpenWeek(),
        new OpenWeekday(DayOfWeek.Monday),
        new EditWeekdayHours(DayOfWeek.Monday),
        new CloseWeekday(DayOfWeek.Monday),
        new OpenSpecialDays(),
        new AddSpecialDay(),
        new SpecialDayClosed(),
        new DropSpecialDay(Holiday),
        new StartBroadcast(),
        new PickBroadcastAudience(Audience.All),
        new PickBroadcastAudience(Audience.WithFutureBookings),
        new PickBroadcastAudience(Audience.InactiveFor(30)),
        new ChangeBroadcastAudience(),
        new ConfirmBroadcast(),
        new CancelBroadcast(),
        new TextCategories(),
        new TextCategoryPage("booking", 0),
        new ViewText(TextKeyId.Of(TextKey)),
        new EditText(TextKeyId.Of(TextKey), "ru"),
        new SaveText(TextKeyId.Of(TextKey), "ru"),
        new AskResetText(TextKeyId.Of(TextKey), "ru"),
        new ResetText(TextKeyId.Of(TextKey), "ru"),
        new ResetText(TextKeyId.Of(TextKey), "en"),
        .. EditorButtons(),
    ];

    /// <summary>Every step of the field editor, and a save of every whitelisted field on a real record.</summary>
    private static IEnumerable<AdminCallback> EditorButtons()
    {
        long RecordOf(string entity) => entity switch
        {
            EditorEntity.Service => SeededServiceId,
            EditorEntity.Block => SeededBlockId,
            EditorEntity.Admin => VictimId,
            EditorEntity.Client => ClientId,
            _ => 0,
        };

        yield return new OpenFieldEditor();
        foreach (var entity in EditorEntity.All)
        {
            yield return new EditorRecords(entity, 0);
            yield return new EditorRecord(entity, RecordOf(entity));
        }

        foreach (var field in EditableFields.All)
        {
            yield return new EditorField(field.Entity, RecordOf(field.Entity), field.Code);
            yield return new EditorSave(field.Entity, RecordOf(field.Entity), field.Code);
        }
    }

    private Task<string> SnapshotAsync() => _s.Host.DbAsync(async db =>
    {
        var admins = await db.Admins.OrderBy(a => a.UserId).Select(a => $"{a.UserId}:{a.Role}").ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        var conversations = await db.Conversations.Where(c => c.Flow.StartsWith("admin")).CountAsync();
        var services = await db.Services.OrderBy(s => s.Id)
            .Select(s => $"{s.Id}:{s.Name}:{s.DurationMinutes}:{s.SlotIntervalMinutes}:{s.IsActive}:{s.DisplayOrder}:{s.IsDeleted}").ToListAsync();
        var blocks = await db.Blocks.OrderBy(b => b.Id).Select(b => $"{b.Id}:{b.Reason}").ToListAsync();
        // Only the seeded client: whoever presses the buttons is registered as a client by that very press.
        var clients = await db.Clients.Where(c => c.Id == ClientId).Select(c => $"{c.Id}:{c.FirstName}:{c.Phone}:{c.Language}").ToListAsync();
        var prices = await db.Services.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Description}:{s.Price}:{s.Currency}").ToListAsync();
        var bookings = await db.Bookings.OrderBy(b => b.Id).Select(b => $"{b.Id}:{b.Status}:{b.StartUtc}").ToListAsync();
        var broadcasts = await db.Broadcasts.CountAsync();
        var recipients = await db.BroadcastRecipients.CountAsync();
        var s = await db.Settings.AsNoTracking().SingleAsync();
        var settings = $"{s.SlotIntervalMinutes}:{s.MinNoticeMinutes}:{s.HorizonMonths}:{s.CancellationWindowHours}:{s.MaxActiveBookings}:"
            + $"{s.ReminderOffsetsMinutes}:{s.ReviewDelayMinutes}:{s.TimeZoneId}:{s.Address}";
        var week = await db.WorkingDays.OrderBy(d => d.Weekday).Select(d => $"{d.Weekday}:{d.IsOpen}:{d.Opens}:{d.Closes}").ToListAsync();
        var specials = await db.SpecialDays.OrderBy(d => d.Date).Select(d => $"{d.Date}:{d.IsClosed}:{d.Opens}:{d.Closes}").ToListAsync();
        var texts = await db.TextOverrides.OrderBy(o => o.Id).Select(o => $"{o.Language}:{o.Key}:{o.Text}").ToListAsync();
        var feeds = await db.CalendarFeeds.OrderBy(f => f.AdminId).Select(f => $"{f.AdminId}:{f.TokenHash}").ToListAsync();
        return string.Join(",", admins) + $"|texts={string.Join(",", texts)}"
            + $"|audit={audit}|flows={conversations}|services={string.Join(",", services)}|blocks={string.Join(",", blocks)}|clients={string.Join(",", clients)}|prices={string.Join(",", prices)}|bookings={string.Join(",", bookings)}"
            + $"|settings={settings}|week={string.Join(",", week)}|special={string.Join(",", specials)}"
            + $"|broadcasts={broadcasts}|recipients={recipients}|feeds={string.Join(",", feeds)}";
    });

    private static async Task TryEverythingAsync(FakeUser user, IEnumerable<AdminCallback> buttons)
    {
        await user.SendTextAsync("/help");
        var messageId = user.LastMessage.MessageId;
        foreach (var button in buttons)
        {
            await user.PressDataAsync(messageId, button.Format());
        }
    }

    [Fact]
    public async Task A_client_is_refused_every_admin_button_and_command_and_nothing_changes()
    {
        var before = await SnapshotAsync();
        var eve = _s.User(1005, "Eve");

        await TryEverythingAsync(eve, EveryAdminButton());
        await eve.SendTextAsync("/admin");
        Assert.Contains("Не понял вас", eve.LastMessage.Text, StringComparison.Ordinal);
        await eve.SendTextAsync("🛠 Админка");
        Assert.Contains("Не понял вас", eve.LastMessage.Text, StringComparison.Ordinal);
        await eve.SendTextAsync("666");

        Assert.Equal(before, await SnapshotAsync());
        Assert.DoesNotContain(eve.Messages, m => m.Text.Contains("Панель администратора", StringComparison.Ordinal) || m.Text.Contains("Администраторы", StringComparison.Ordinal));
        Assert.All(eve.CallbackAnswers, a => Assert.Contains("устарела", a.Text, StringComparison.Ordinal));
        Assert.Equal(0, eve.UnansweredCallbacks);
        Assert.DoesNotContain("🛠 Админка", eve.ReplyKeyboard);
        await eve.SendTextAsync("/audit");
        Assert.Contains("Не понял вас", eve.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(eve.Documents);
        Assert.DoesNotContain(_s.User(ClientId, "Клиент").Messages, m => m.Text.Contains("администратор", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_moderator_is_refused_every_super_admin_button_and_nothing_changes()
    {
        var before = await SnapshotAsync();
        var moderator = _s.User(ModeratorId, "Мод");
        var superOnly = EveryAdminButton().Where(b => !Permissions.Allows(AdminRole.Moderator, b.Required)).ToList();
        Assert.NotEmpty(superOnly);
        Assert.All(EditorButtons(), b => Assert.Contains(b, superOnly)); // the field editor is for super admins only

        await TryEverythingAsync(moderator, superOnly);

        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(moderator.Documents);
        Assert.Equal(superOnly.Count, moderator.CallbackAnswers.Count(a => a.Text?.Contains("устарела", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_moderator_manages_services_and_blocks()
    {
        var moderator = _s.User(ModeratorId, "Мод");
        await moderator.SendTextAsync("/admin");
        Assert.Contains(moderator.LastMessage.Buttons, b => b.Text == "🧾 Услуги");
        Assert.Contains(moderator.LastMessage.Buttons, b => b.Text == "🔒 Блокировки");

        await moderator.PressAsync("🧾 Услуги");
        await moderator.PressAsync("✅ Массаж");
        await moderator.PressAsync("⏸ Скрыть");
        await moderator.PressAsync("◀️ К услугам");
        await moderator.PressAsync("◀️ В панель");
        await moderator.PressAsync("🔒 Блокировки");
        await moderator.PressAsync("🔓 Снять");

        Assert.Contains("Блокировка снята", moderator.LastMessage.Text, StringComparison.Ordinal);
        Assert.False(await _s.Host.DbAsync(db => db.Services.Where(s => s.Id == _s.MassageId).Select(s => s.IsActive).SingleAsync()));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.ActorId + ":" + a.Action).ToListAsync());
        Assert.Equal([$"{ModeratorId}:service.deactivate", $"{ModeratorId}:block.remove"], audit);
        Assert.Equal(0, moderator.UnansweredCallbacks);
    }

    [Fact]
    public async Task A_moderator_sees_the_panel_without_the_sections_of_a_super_admin()
    {
        var moderator = _s.User(ModeratorId, "Мод");
        await moderator.SendTextAsync("/start");
        Assert.Contains("🛠 Админка", moderator.ReplyKeyboard);

        await moderator.SendTextAsync("🛠 Админка");

        Assert.Contains("Панель администратора", moderator.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("модератор", moderator.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(moderator.LastMessage.Buttons, b => b.Text == "👥 Администраторы");
        Assert.DoesNotContain(moderator.LastMessage.Buttons, b => b.Text == "⚙️ Настройки");
    }

    [Fact]
    public async Task A_removed_admin_loses_access_on_the_very_next_tap()
    {
        var victim = _s.User(VictimId, "Виктор");
        await victim.SendTextAsync("/admin");
        var panel = victim.LastMessage.MessageId;
        await _s.Host.DbAsync(async db =>
        {
            db.Admins.Remove(await db.Admins.SingleAsync(a => a.UserId == VictimId));
            await db.SaveChangesAsync();
        });

        await victim.PressDataAsync(panel, new ListAdmins().Format());

        Assert.Contains("устарела", victim.CallbackAnswers[^1].Text, StringComparison.Ordinal);
    }
}
