using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Payments;
using Booking.Core.Tests.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Payments;

/// <summary>X3: a booking held for its deposit occupies its slot until it is paid or released, and no payment is ever lost.</summary>
public abstract class PrepaymentTests(Storage storage) : IAsyncLifetime
{
    private static readonly BookSlot.PrepaymentTerms Terms = new("RUB", TimeSpan.FromMinutes(10));
    private static readonly DateTime Ten = CoreWorld.Moscow(12, 2, 10);

    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, 2);
        await _world.InDbAsync(async db =>
        {
            (await db.Services.SingleAsync(s => s.Id == _world.ServiceId)).RequireDeposit(500m);
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<BookSlot.Result> BookAsync(long client, DateTime startUtc) => BookAsync(client, startUtc, Terms);

    /// <summary>Null terms: as a bot without a payment provider books.</summary>
    private Task<BookSlot.Result> BookAsync(long client, DateTime startUtc, BookSlot.PrepaymentTerms? terms) =>
        _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(client, _world.ServiceId, startUtc, terms), default));

    private Task<IReadOnlyList<ReleaseExpiredHolds.Released>> SweepAsync() =>
        _world.RunAsync<ReleaseExpiredHolds.Handler, IReadOnlyList<ReleaseExpiredHolds.Released>>(h => h.HandleAsync(default));

    private Task<CheckPaymentHold.Outcome> CheckAsync(long client, int bookingId, long minor = 50_000, string currency = "RUB") =>
        _world.RunAsync<CheckPaymentHold.Handler, CheckPaymentHold.Outcome>(h => h.HandleAsync(new CheckPaymentHold.Request(client, bookingId, minor, currency), default));

    private Task<RecordPayment.Result> PayAsync(long client, int? bookingId, string charge = "tg-charge-1") =>
        _world.RunAsync<RecordPayment.Handler, RecordPayment.Result>(h => h.HandleAsync(
            new RecordPayment.Request(client, bookingId, new Payment(charge, "yk-" + charge, 500m, "RUB")), default));

    private Task<Booking.Core.Domain.Booking> StoredAsync(int id) =>
        _world.InDbAsync(db => db.Bookings.AsNoTracking().Include(b => b.Notifications).Include(b => b.History).SingleAsync(b => b.Id == id));

    private async Task<int> HoldAsync(long client = 1)
    {
        var held = await BookAsync(client, Ten);
        Assert.Equal(BookSlot.Outcome.AwaitingPayment, held.Outcome);
        return held.Booking!.Id;
    }

    /// <summary>Client 1's hold runs out unpaid and the sweep gives 10:00 to client 2, who books it without a deposit.</summary>
    private async Task<(int Held, int Other)> HeldThenGivenToClient2Async()
    {
        var id = await HoldAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(12));
        await SweepAsync();
        var other = await BookAsync(2, Ten, terms: null);
        Assert.Equal(BookSlot.Outcome.Booked, other.Outcome);
        return (id, other.Booking!.Id);
    }

    [StorageFact]
    public async Task A_held_booking_occupies_its_slot_waits_ten_minutes_and_plans_no_reminders_yet()
    {
        var id = await HoldAsync();

        Assert.Equal(SlotCheck.Taken, Refused.Why(await BookAsync(2, Ten)));
        Assert.Equal(SlotCheck.Taken, Refused.Why(await BookAsync(2, Ten, terms: null)));
        var held = await StoredAsync(id);
        Assert.Equal(BookingStatus.AwaitingPayment, held.Status);
        Assert.Equal(CoreWorld.Now.UtcDateTime.AddMinutes(10), held.HoldUntilUtc);
        Assert.Equal(500m, held.DepositAmount);
        Assert.Empty(held.Notifications);
    }

    [StorageFact]
    public async Task Without_payment_terms_or_in_another_currency_a_deposit_service_is_confirmed_at_once()
    {
        var free = await BookAsync(1, Ten, terms: null);
        var euro = await BookAsync(2, Ten.AddHours(1), new BookSlot.PrepaymentTerms("EUR", TimeSpan.FromMinutes(10)));

        Assert.Equal(BookSlot.Outcome.Booked, free.Outcome);
        Assert.Equal(BookSlot.Outcome.Booked, euro.Outcome);
    }

    [StorageFact]
    public async Task A_repeated_confirm_returns_the_same_hold_and_a_hold_counts_towards_the_limit()
    {
        var id = await HoldAsync();

        var again = await BookAsync(1, Ten);

        Assert.Equal(BookSlot.Outcome.AlreadyBooked, again.Outcome);
        Assert.Equal(id, again.Booking!.Id);
        Assert.Equal(BookSlot.Outcome.AwaitingPayment, (await BookAsync(1, Ten.AddHours(1))).Outcome);
        Assert.Equal(BookSlot.Outcome.AwaitingPayment, (await BookAsync(1, Ten.AddHours(2))).Outcome);
        Assert.Equal(BookSlot.Outcome.LimitReached, (await BookAsync(1, Ten.AddHours(3))).Outcome);
    }

    [StorageFact]
    public async Task The_sweep_releases_a_hold_only_after_ten_minutes_and_the_slot_can_be_booked_again()
    {
        var id = await HoldAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(await SweepAsync());

        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var released = Assert.Single(await SweepAsync());

        Assert.Equal((id, 1L, Ten), (released.BookingId, released.ClientId, released.StartUtc));
        var stored = await StoredAsync(id);
        Assert.Equal(BookingStatus.Expired, stored.Status);
        Assert.Contains(stored.History, h => h.Reason == Booking.Core.Domain.Booking.HoldExpiredReason && h.Actor == Actor.System);
        Assert.Equal(BookSlot.Outcome.AwaitingPayment, (await BookAsync(2, Ten)).Outcome);
        Assert.Empty(await SweepAsync());
    }

    [StorageFact]
    public async Task A_client_gives_up_their_hold_at_once_inside_the_cancellation_window_and_only_their_own()
    {
        await _world.InDbAsync(async db =>
        {
            (await db.Settings.SingleAsync()).CancellationWindowHours = 72; // the hold is well inside it
            await db.SaveChangesAsync();
        });
        var id = await HoldAsync();

        var other = await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(2, id), default));
        var given = await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(1, id), default));

        Assert.Equal(CancelBooking.Outcome.NotFound, other.Outcome);
        Assert.Equal(CancelBooking.Outcome.Cancelled, given.Outcome);
        var stored = await StoredAsync(id);
        Assert.Equal((BookingStatus.Expired, null), (stored.Status, stored.HoldUntilUtc));
        Assert.Contains(stored.History, h => h.Reason == Booking.Core.Domain.Booking.HoldGivenUpReason && h.Actor == Actor.Client && h.ActorId == 1);
        Assert.Equal(BookSlot.Outcome.AwaitingPayment, (await BookAsync(2, Ten)).Outcome);
        Assert.Equal(CancelBooking.Outcome.NotActive, (await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(
            h => h.HandleAsync(new CancelBooking.Request(1, id), default))).Outcome);
    }

    [StorageTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_hold_given_up_or_run_out_offers_its_time_to_the_waitlist(bool givenUp)
    {
        var id = await HoldAsync();
        await _world.InDbAsync(async db =>
        {
            var day = new Interval(CoreWorld.Moscow(12, 2, 0), CoreWorld.Moscow(12, 3, 0));
            db.WaitlistEntries.Add(new WaitlistEntry(2, _world.ServiceId, new DateOnly(2026, 12, 2), day, CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });

        if (givenUp)
        {
            await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(1, id), default));
        }
        else
        {
            _world.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Single(await SweepAsync());
        }

        var due = Assert.Single(await _world.RunAsync<Booking.Core.Features.Waitlist.ClaimWaitlistOffers.Handler, IReadOnlyList<Booking.Core.Features.Waitlist.ClaimWaitlistOffers.Due>>(
            h => h.ClaimAsync(50, default)));
        Assert.Equal(2, due.ClientId);
        Assert.Contains(Ten, due.FreeStartsUtc);
    }

    [StorageFact]
    public async Task A_client_whose_own_hold_ran_out_can_book_the_same_time_again_before_the_sweep()
    {
        var first = await HoldAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(11));

        var again = await BookAsync(1, Ten);

        Assert.Equal(BookSlot.Outcome.AwaitingPayment, again.Outcome);
        Assert.NotEqual(first, again.Booking!.Id);
        Assert.Equal(BookingStatus.Expired, (await StoredAsync(first)).Status);
    }

    [StorageFact]
    public async Task Pre_checkout_passes_only_the_owner_paying_the_deposit_while_the_hold_stands()
    {
        var id = await HoldAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(9));

        Assert.Equal(CheckPaymentHold.Outcome.Valid, await CheckAsync(1, id));
        Assert.Equal(CheckPaymentHold.Outcome.AmountMismatch, await CheckAsync(1, id, minor: 100));
        Assert.Equal(CheckPaymentHold.Outcome.AmountMismatch, await CheckAsync(1, id, currency: "USD"));
        Assert.Equal(CheckPaymentHold.Outcome.NotFound, await CheckAsync(2, id));
        Assert.Equal(CheckPaymentHold.Outcome.NotFound, await CheckAsync(1, id + 100));

        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CheckPaymentHold.Outcome.Expired, await CheckAsync(1, id));
    }

    [StorageFact]
    public async Task A_successful_payment_confirms_the_booking_with_its_reminders_and_is_recorded_once()
    {
        var id = await HoldAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(3));

        var paid = await PayAsync(1, id);
        var repeat = await PayAsync(1, id);

        Assert.Equal(RecordPayment.Outcome.Confirmed, paid.Outcome);
        Assert.Equal(RecordPayment.Outcome.AlreadyRecorded, repeat.Outcome);
        var stored = await StoredAsync(id);
        Assert.Equal(BookingStatus.Confirmed, stored.Status);
        Assert.Null(stored.HoldUntilUtc);
        Assert.Equal((500m, "tg-charge-1", "yk-tg-charge-1", false), (stored.PaidAmount, stored.PaymentChargeId, stored.ProviderChargeId, stored.RefundDue));
        Assert.Contains(stored.Notifications, n => n.Kind == NotificationKind.Reminder);
        Assert.Single(stored.History, h => h.Change == BookingChange.Paid);
        Assert.Equal(CheckPaymentHold.Outcome.NotFound, await CheckAsync(1, id));
        Assert.Empty(await SweepAsync());
    }

    [StorageFact]
    public async Task A_payment_after_the_release_confirms_the_booking_when_its_time_is_still_free()
    {
        var id = await HoldAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Single(await SweepAsync());

        var paid = await PayAsync(1, id);

        Assert.Equal(RecordPayment.Outcome.ConfirmedLate, paid.Outcome);
        var stored = await StoredAsync(id);
        Assert.Equal(BookingStatus.Confirmed, stored.Status);
        Assert.Contains(stored.Notifications, n => n.Kind == NotificationKind.Reminder);
        Assert.Equal(SlotCheck.Taken, Refused.Why(await BookAsync(2, Ten)));
    }

    [StorageFact]
    public async Task A_payment_after_the_slot_went_to_someone_else_is_kept_as_owed_back_and_audited()
    {
        var (id, other) = await HeldThenGivenToClient2Async();

        var paid = await PayAsync(1, id);

        Assert.Equal(RecordPayment.Outcome.RefundDue, paid.Outcome);
        var stored = await StoredAsync(id);
        Assert.Equal((BookingStatus.Expired, true, 500m), (stored.Status, stored.RefundDue, stored.PaidAmount));
        Assert.Equal(BookingStatus.Confirmed, (await StoredAsync(other)).Status);
        var audit = await _world.InDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "payment.refund_due"));
        Assert.Equal($"booking:{id}", audit.Target);
        Assert.Contains("yk-tg-charge-1", audit.After, StringComparison.Ordinal);
        Assert.Equal(RecordPayment.Outcome.AlreadyRecorded, (await PayAsync(1, id)).Outcome);
    }

    [StorageFact]
    public async Task The_bookings_export_shows_the_deposit_paid_and_the_payment_to_refund_against()
    {
        var id = await HoldAsync();
        await PayAsync(1, id);

        var file = await _world.RunAsync<Core.Features.Export.ExportBookings.Handler, Core.Features.Export.ExportFile>(h => h.HandleAsync(default));

        var row = System.Text.Encoding.UTF8.GetString(file.Content).Split("\r\n")[1];
        Assert.EndsWith(",500.00,no,,yk-tg-charge-1", row, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task An_admin_marks_a_deposit_owed_back_as_returned_once_audited_and_in_the_export()
    {
        var (id, other) = await HeldThenGivenToClient2Async();
        Assert.Equal(RecordPayment.Outcome.RefundDue, (await PayAsync(1, id)).Outcome);
        Task<MarkRefunded.Result> MarkAsync(int bookingId) =>
            _world.RunAsync<MarkRefunded.Handler, MarkRefunded.Result>(h => h.HandleAsync(new MarkRefunded.Request(900, bookingId), default));

        Assert.Equal(MarkRefunded.Outcome.NothingOwed, (await MarkAsync(other)).Outcome);
        Assert.Equal(MarkRefunded.Outcome.NotFound, (await MarkAsync(99_999)).Outcome);
        Assert.Equal(MarkRefunded.Outcome.Marked, (await MarkAsync(id)).Outcome);
        Assert.Equal(MarkRefunded.Outcome.AlreadyMarked, (await MarkAsync(id)).Outcome);

        var stored = await StoredAsync(id);
        Assert.Equal((false, _world.Clock.GetUtcNow().UtcDateTime, 500m), (stored.RefundDue, stored.RefundedUtc, stored.PaidAmount));
        Assert.Contains(stored.History, h => h.Change == BookingChange.Refunded && h.Actor == Actor.Admin && h.ActorId == 900);
        var audit = await _world.InDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "payment.refunded"));
        Assert.Equal(($"booking:{id}", 900L), (audit.Target, audit.ActorId));
        Assert.Contains("yk-tg-charge-1", audit.After, StringComparison.Ordinal);
        var file = await _world.RunAsync<Core.Features.Export.ExportBookings.Handler, Core.Features.Export.ExportFile>(h => h.HandleAsync(default));
        var row = System.Text.Encoding.UTF8.GetString(file.Content).Split("\r\n").Single(r => r.StartsWith($"{id},", StringComparison.Ordinal));
        Assert.Matches(@",500\.00,no,2026-12-01 \d\d:\d\d[^,]*,yk-tg-charge-1$", row);
    }

    [StorageFact]
    public async Task A_deposit_returned_for_a_booking_cancelled_by_a_block_never_counts_as_received()
    {
        var id = await HoldAsync();
        await _world.RunAsync<Core.Features.Blocks.BlockTime.Handler, Core.Features.Blocks.BlockTime.Result>(h => h.HandleAsync(
            new Core.Features.Blocks.BlockTime.Request(99, Ten, Ten.AddHours(1), "ремонт"), default));
        Assert.Equal(RecordPayment.Outcome.RefundDue, (await PayAsync(1, id)).Outcome);
        Task<IReadOnlyList<Core.Features.Analytics.GetDashboard.Money>> PrepaidAsync() =>
            _world.RunAsync<Core.Features.Analytics.GetDashboard.Handler, IReadOnlyList<Core.Features.Analytics.GetDashboard.Money>>(
                async h => (await h.HandleAsync(Core.Features.Analytics.DashboardPeriod.Week, default)).Prepaid);
        Assert.Empty(await PrepaidAsync());

        var marked = await _world.RunAsync<MarkRefunded.Handler, MarkRefunded.Result>(h => h.HandleAsync(new MarkRefunded.Request(900, id), default));

        Assert.Equal(MarkRefunded.Outcome.Marked, marked.Outcome);
        Assert.Equal(BookingStatus.Cancelled, (await StoredAsync(id)).Status);
        Assert.Empty(await PrepaidAsync());
    }

    [StorageFact]
    public async Task A_payment_naming_no_booking_of_the_payer_is_audited_as_owed_back()
    {
        var id = await HoldAsync();

        Assert.Equal(RecordPayment.Outcome.RefundDue, (await PayAsync(2, id, "tg-stranger")).Outcome);
        Assert.Equal(RecordPayment.Outcome.RefundDue, (await PayAsync(2, null, "tg-unreadable")).Outcome);

        Assert.Equal(BookingStatus.AwaitingPayment, (await StoredAsync(id)).Status);
        Assert.Equal(2, await _world.InDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "payment.refund_due" && a.Target == "client:2")));
    }

    [StorageFact]
    public async Task Blocking_the_time_of_a_held_booking_cancels_the_hold()
    {
        var id = await HoldAsync();

        var blocked = await _world.RunAsync<Core.Features.Blocks.BlockTime.Handler, Core.Features.Blocks.BlockTime.Result>(h => h.HandleAsync(
            new Core.Features.Blocks.BlockTime.Request(99, Ten, Ten.AddHours(1), "ремонт"), default));

        Assert.Equal(id, Assert.Single(blocked.CancelledBookings!).BookingId);
        Assert.Equal(BookingStatus.Cancelled, (await StoredAsync(id)).Status);
    }
}

public sealed class PrepaymentOnSqlite() : PrepaymentTests(Storage.Sqlite);

public sealed class PrepaymentOnPostgres() : PrepaymentTests(Storage.Postgres), IRunsOnPostgres;
