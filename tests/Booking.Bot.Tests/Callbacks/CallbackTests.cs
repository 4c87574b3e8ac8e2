using System.Text;
using Booking.Bot.Callbacks;
using Booking.Core.Domain;

namespace Booking.Bot.Tests.Callbacks;

public sealed class CallbackTests
{
    private static readonly DateTime At = new(2026, 12, 24, 7, 30, 0, DateTimeKind.Utc);

    public static TheoryData<Callback> Every() =>
    [
        new PickService(7),
        new ListServicesAgain(),
        new ShowMonth(Target.Book(3), new DateOnly(2027, 2, 1)),
        new ShowMonth(Target.Move(int.MaxValue), new DateOnly(2026, 12, 1)),
        new PickDay(Target.Book(3), new DateOnly(2026, 12, 24)),
        new PickSlot(Target.Move(12345), At),
        new Confirm(Target.Book(int.MaxValue), At),
        new Confirm(Target.Move(int.MaxValue), At),
        new CloseWizard(),
        new ShowMyBookings(),
        new ShowPastBookings(),
        new AskCancel(99),
        new ConfirmCancel(int.MaxValue),
        new ChooseLanguage("en"),
        new AskForget(),
        new ConfirmForget(),
        new KeepData(),
        new PickPhoneRequest(PhoneRequest.Off),
        new PickPhoneRequest(PhoneRequest.Required),
        new Nothing("full"),
        new OfferWaitlist(int.MaxValue, new DateOnly(2026, 12, 31)),
        new EnterWaitlist(3, new DateOnly(2027, 2, 28)),
        new ShowWaits(),
        new LeaveWait(int.MaxValue),
        new TakeFreedSlot(int.MaxValue, At),
        new Nothing(string.Empty),
        new MassEditDayPick(null),
        new MassEditDayPick(new DateOnly(2026, 12, 3)),
        new MassShift(new DateOnly(2026, 12, 3), -60, false),
        new MassShift(new DateOnly(2026, 12, 3), 720, true),
        new MassService(new DateOnly(2026, 12, 3), null, null),
        new MassService(new DateOnly(2026, 12, 3), int.MaxValue, null),
        new MassService(new DateOnly(2026, 12, 3), int.MaxValue, 0),
        new MassService(new DateOnly(2026, 12, 3), 3, int.MaxValue),
        new MassCancel(new DateOnly(2026, 12, 3), false),
        new MassCancel(new DateOnly(2026, 12, 3), true),
        new RunBackup(),
        new OpenCalendarFeed(),
        new NewCalendarFeed(),
        new RevokeCalendarFeed(),
        new AdminServices(),
        new AdminService(int.MaxValue),
        new NewServiceStart(),
        new ServiceFieldEdit(int.MaxValue, 'n'),
        new ServiceFieldEdit(3, 'i'),
        new ServiceFieldEdit(3, 'z'),
        new ServiceDurationPick(480),
        new ServiceIntervalPick(0),
        new ServiceIntervalPick(30),
        new ServiceDescriptionSkip(),
        new ServiceToggle(int.MaxValue),
        new ServiceMove(int.MaxValue, true),
        new ServiceMove(4, false),
        new ServiceDeleteAsk(int.MaxValue),
        new ServiceDeleteConfirm(int.MaxValue),
        new AdminBlocks(),
        new BlockStart('s'),
        new BlockStart('r'),
        new BlockLengthPick(720),
        new BlockReasonSkip(),
        new BlockConfirm(),
        new BlockRemove(int.MaxValue),
        new ShowDashboard(Core.Features.Analytics.DashboardPeriod.Today),
        new ShowDashboard(Core.Features.Analytics.DashboardPeriod.AllTime),
        new ShowSchedule(new DateOnly(2026, 12, 31)),
        ShowSchedule.Today,
        new ViewBooking(int.MaxValue),
        new MarkVisit(int.MaxValue, true),
        new MarkVisit(5, false),
        new AskAdminCancel(int.MaxValue),
        new AdminCancel(int.MaxValue),
        new StartMessageClient(int.MaxValue),
        new AdminMoveMonth(int.MaxValue, new DateOnly(2027, 2, 1)),
        new AdminMoveDay(int.MaxValue, new DateOnly(2027, 2, 28)),
        new AdminMoveSlot(int.MaxValue, new DateTime(2027, 2, 28, 23, 45, 0, DateTimeKind.Utc)),
        new AdminMoveConfirm(int.MaxValue, new DateTime(2027, 2, 28, 23, 45, 0, DateTimeKind.Utc)),
        new ShowAudit(0),
        new OpenSettings(),
        new EditSetting(Core.Features.Settings.SettingField.SlotInterval),
        new EditSetting(Core.Features.Settings.SettingField.Address),
        new PickSlotInterval(15),
        new PickSlotInterval(60),
        new ResetTimeZone(),
        new OpenWeek(),
        new OpenWeekday(DayOfWeek.Sunday),
        new EditWeekdayHours(DayOfWeek.Saturday),
        new CloseWeekday(DayOfWeek.Monday),
        new OpenSpecialDays(),
        new AddSpecialDay(),
        new SpecialDayClosed(),
        new DropSpecialDay(new DateOnly(2027, 1, 7)),
        new ShowAudit(9999, long.MaxValue, new string('a', AdminCallback.MaxFilterAction)),
        new PickAuditActor("booking.no_show"),
        new PickAuditActor(null),
        new PickAuditAction(long.MaxValue),
        new PickAuditAction(null),
        new ExportAudit(long.MaxValue, new string('z', AdminCallback.MaxFilterAction)),
        new ExportAudit(null, null),
        new OpenExports(),
        new RunExport(ExportKind.Bookings),
        new RunExport(ExportKind.Clients),
        new StartBroadcast(),
        new PickBroadcastAudience(Audience.All),
        new PickBroadcastAudience(Audience.WithFutureBookings),
        new PickBroadcastAudience(Audience.InactiveFor(30)),
        new PickBroadcastAudience(Audience.InactiveFor(90)),
        new ChangeBroadcastAudience(),
        new ConfirmBroadcast(),
        new CancelBroadcast(),
    ];

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_callback_survives_a_round_trip(Callback callback)
    {
        Assert.True(Callback.TryParse(callback.Format(), out var parsed));
        Assert.Equal(callback, parsed);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_callback_fits_in_Telegrams_64_bytes(Callback callback) =>
        Assert.InRange(Encoding.UTF8.GetByteCount(callback.Format()), 1, 64);

    [Fact]
    public void A_picked_slot_keeps_its_utc_instant()
    {
        Assert.True(Callback.TryParse(new PickSlot(Target.Book(1), At).Format(), out var parsed));
        var slot = Assert.IsType<PickSlot>(parsed);
        Assert.Equal(At, slot.StartUtc);
        Assert.Equal(DateTimeKind.Utc, slot.StartUtc.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("svc")]
    [InlineData("svc:")]
    [InlineData("svc:0")]
    [InlineData("svc:-1")]
    [InlineData("svc:abc")]
    [InlineData("svc:99999999999")]
    [InlineData("svc:1:2")]
    [InlineData("cal:x1:202612")]
    [InlineData("cal:s1:202613")]
    [InlineData("day:s1:20261232")]
    [InlineData("slot:s1:2026122407")]
    [InlineData("ok:b:202612240730")]
    [InlineData("ok:s1:20261224073O")]
    [InlineData("lang:de")]
    [InlineData("a:bca:i:45")]
    [InlineData("a:bca:i")]
    [InlineData("a:bca:x")]
    [InlineData("a:bcy:1")]
    [InlineData("nop:anything")]
    [InlineData("wlo:0:20261203")]
    [InlineData("wlj:3:2026123")]
    [InlineData("wll:x")]
    [InlineData("wlt:5:20261224")]
    [InlineData("wls:1")]
    [InlineData("select_service:1")]
    [InlineData("cxy: 5")]
    [InlineData("cxy:+5")]
    [InlineData("a:mes:20261203:7")]
    [InlineData("a:mes:20261203:0")]
    [InlineData("a:mesy:20261203:+5000")]
    [InlineData("a:mecy:20261203:1:-1")]
    [InlineData("a:sve:1:x")]
    [InlineData("a:sve:1:nd")]
    [InlineData("a:swi:45")]
    [InlineData("a:svm:1:x")]
    [InlineData("a:bln:w")]
    [InlineData("a:blu:0")]
    [InlineData("a:dash:x")]
    [InlineData("a:mk:5:y")]
    [InlineData("a:bk:0")]
    [InlineData("a:sete:11")]
    [InlineData("a:setp:3")]
    [InlineData("a:setp:-1")]
    [InlineData("a:setp")]
    [InlineData("fg:1")]
    [InlineData("fgy:5")]
    [InlineData("a:sete:-1")]
    [InlineData("a:seti:45")]
    [InlineData("a:wd:7")]
    [InlineData("a:wdx:10")]
    [InlineData("a:holx:20261332")]
    [InlineData("a:set:1")]
    [InlineData("a:au:1:-:Booking.Cancel")]
    [InlineData("a:au:1:-:a:b")]
    [InlineData("a:au:10000:-:-")]
    [InlineData("a:au:1:0:-")]
    [InlineData("a:aux:-:x<y")]
    [InlineData("a:exp:z")]
    public void Malformed_or_foreign_data_is_rejected(string? data)
    {
        Assert.False(Callback.TryParse(data, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Data_longer_than_64_bytes_is_rejected_without_parsing() =>
        Assert.False(Callback.TryParse("svc:" + new string('1', 61), out _));
}
