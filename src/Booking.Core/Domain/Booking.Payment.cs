namespace Booking.Core.Domain;

/// <summary>X3: a booking held while its deposit is paid, and what the payment left on it.</summary>
public sealed partial class Booking
{
    /// <summary>The reason kept in the history of a hold that ran out.</summary>
    public const string HoldExpiredReason = "payment_timeout";

    /// <summary>The reason kept in the history of a hold its client gave up before paying.</summary>
    public const string HoldGivenUpReason = "given_up";

    /// <summary>Until when a held booking waits for its deposit; null once paid or released.</summary>
    public DateTime? HoldUntilUtc { get; private set; }

    /// <summary>The deposit asked for, in <see cref="Currency"/>, copied from the service when booked.</summary>
    public decimal? DepositAmount { get; private set; }

    /// <summary>What Telegram reported as paid, in <see cref="Currency"/>; null while nothing was paid.</summary>
    public decimal? PaidAmount { get; private set; }

    public DateTime? PaidUtc { get; private set; }

    /// <summary>Telegram's telegram_payment_charge_id: unique, so a payment is recorded once however often it arrives.</summary>
    public string? PaymentChargeId { get; private set; }

    /// <summary>The provider's own id of the charge (YooKassa's payment id), which a refund is made against.</summary>
    public string? ProviderChargeId { get; private set; }

    /// <summary>Money was taken but the booking could not stand: an admin must return it.</summary>
    public bool RefundDue { get; private set; }

    /// <summary>When an admin said the deposit owed back was returned; null while it is owed, or if it never was.</summary>
    public DateTime? RefundedUtc { get; private set; }

    /// <summary>Whether the booking occupies its time: confirmed, or held for payment.</summary>
    public bool HoldsSlot => Status is BookingStatus.Confirmed or BookingStatus.AwaitingPayment;

    public bool IsAwaitingPayment => Status == BookingStatus.AwaitingPayment;

    /// <summary>A booking that waits for its deposit until <paramref name="holdUntilUtc"/>; reminders come once it is paid.</summary>
    public static Booking Hold(long clientId, Service service, decimal deposit, DateTime startUtc, DateTime holdUntilUtc, DateTime nowUtc)
    {
        var booking = new Booking(clientId, service, startUtc, nowUtc)
        {
            Status = BookingStatus.AwaitingPayment,
            HoldUntilUtc = holdUntilUtc,
            DepositAmount = deposit,
        };
        booking._history.Add(new BookingHistoryEntry(BookingChange.Created, Actor.Client, clientId, null, startUtc, null, nowUtc));
        return booking;
    }

    public bool IsHoldValid(DateTime nowUtc) => IsAwaitingPayment && HoldUntilUtc > nowUtc;

    /// <summary>
    /// The deposit arrived: the booking is confirmed and its reminders planned. Also for a hold already released, once
    /// the caller has checked that its time is still free.
    /// </summary>
    public void ConfirmPaid(Payment payment, NotificationPlan plan, DateTime nowUtc)
    {
        if (Status is not (BookingStatus.AwaitingPayment or BookingStatus.Expired))
        {
            throw new InvalidOperationException($"Booking {Id} is {Status}; only a held or expired booking can be paid.");
        }

        Record(payment, nowUtc);
        Status = BookingStatus.Confirmed;
        _history.Add(new BookingHistoryEntry(BookingChange.Paid, Actor.Client, ClientId, null, StartUtc, null, nowUtc));
        PlanNotifications(plan, nowUtc);
    }

    /// <summary>The deposit arrived for a booking that cannot stand (its time was taken): the money is owed back.</summary>
    public void OweRefund(Payment payment, DateTime nowUtc)
    {
        Record(payment, nowUtc);
        RefundDue = true;
        _history.Add(new BookingHistoryEntry(BookingChange.Paid, Actor.Client, ClientId, null, null, "refund_due", nowUtc));
    }

    /// <summary>
    /// An admin returned the deposit owed back (a refund is made in the provider's dashboard; Telegram's Bot API has no
    /// refund for provider payments) and records it, so the card and the export stop asking for it.
    /// </summary>
    public void MarkRefunded(long adminId, DateTime nowUtc)
    {
        if (!RefundDue)
        {
            throw new InvalidOperationException($"Booking {Id} owes no refund.");
        }

        RefundDue = false;
        RefundedUtc = nowUtc;
        UpdatedUtc = nowUtc;
        _history.Add(new BookingHistoryEntry(BookingChange.Refunded, Actor.Admin, adminId, null, null, null, nowUtc));
    }

    /// <summary>
    /// The hold ran out without a payment (the system's sweep), or its client gave it up before paying: the slot is
    /// free again. Either way it was never a visit, so it ends as <see cref="BookingStatus.Expired"/>, not cancelled.
    /// </summary>
    public void ReleaseHold(DateTime nowUtc, long? byClientId = null)
    {
        if (!IsAwaitingPayment)
        {
            throw new InvalidOperationException($"Booking {Id} is {Status}, not held for payment.");
        }

        Status = BookingStatus.Expired;
        HoldUntilUtc = null;
        UpdatedUtc = nowUtc;
        _history.Add(byClientId is { } client
            ? new BookingHistoryEntry(BookingChange.Cancelled, Actor.Client, client, StartUtc, null, HoldGivenUpReason, nowUtc)
            : new BookingHistoryEntry(BookingChange.Cancelled, Actor.System, null, StartUtc, null, HoldExpiredReason, nowUtc));
    }

    private void Record(Payment payment, DateTime nowUtc)
    {
        HoldUntilUtc = null;
        PaidAmount = payment.Amount;
        PaidUtc = nowUtc;
        PaymentChargeId = payment.ChargeId;
        ProviderChargeId = payment.ProviderChargeId;
        UpdatedUtc = nowUtc;
    }
}

/// <summary>A payment as Telegram reported it in successful_payment; the amount in the currency's main unit.</summary>
public sealed record Payment(string ChargeId, string ProviderChargeId, decimal Amount, string Currency);
