using Booking.Core.Domain;
using Booking.Core.Features.Analytics;

namespace Booking.Bot.Callbacks;

// A2 dashboard, A3 schedule, A11 audit log and A13 exports: the buttons of those admin sections.
/// <summary>A2: the dashboard for one period.</summary>
public sealed record ShowDashboard(DashboardPeriod Period) : AdminCallback
{
    public override Permission Required => Permission.ViewDashboard;

    public override string Format() => $"a:dash:{PeriodCode(Period)}";
}

/// <summary>A3: one day of the schedule; a day outside today … today + 7 shows the nearest day inside.</summary>
public sealed record ShowSchedule(DateOnly Date) : AdminCallback
{
    /// <summary>Opens today, whenever the button is pressed.</summary>
    public static readonly ShowSchedule Today = new(DateOnly.MinValue);

    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:sch:{Stamp(Date)}";
}

public sealed record ViewBooking(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:bk:{BookingId}";
}

/// <summary>X5: the client came (completed) or did not (no-show).</summary>
public sealed record MarkVisit(int BookingId, bool Attended) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:mk:{BookingId}:{(Attended ? "c" : "n")}";
}

/// <summary>X3: the deposit owed back on this booking has been returned (in the provider's dashboard).</summary>
public sealed record MarkRefund(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:rf:{BookingId}";
}

/// <summary>Asks for a reason (typed) before cancelling; the client is told.</summary>
public sealed record AskAdminCancel(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:bkx:{BookingId}";
}

/// <summary>Cancels without a reason.</summary>
public sealed record AdminCancel(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:bkxy:{BookingId}";
}

/// <summary>The next typed text goes to the booking's client as a message from the administrator.</summary>
public sealed record StartMessageClient(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:bkm:{BookingId}";
}

/// <summary>A11: a page of the audit log, optionally filtered by admin and by action.</summary>
public sealed record ShowAudit(int Page, long? ActorId = null, string? Action = null) : AdminCallback
{
    public override Permission Required => Permission.ViewAudit;

    public override string Format() => $"a:au:{Page}:{Optional(ActorId)}:{Optional(Action)}";
}

public sealed record PickAuditActor(string? Action) : AdminCallback
{
    public override Permission Required => Permission.ViewAudit;

    public override string Format() => $"a:aua:{Optional(Action)}";
}

public sealed record PickAuditAction(long? ActorId) : AdminCallback
{
    public override Permission Required => Permission.ViewAudit;

    public override string Format() => $"a:auc:{Optional(ActorId)}";
}

/// <summary>The audit log as CSV: an export, so it needs the export permission (super admins, like viewing).</summary>
public sealed record ExportAudit(long? ActorId, string? Action) : AdminCallback
{
    public override Permission Required => Permission.ExportData;

    public override string Format() => $"a:aux:{Optional(ActorId)}:{Optional(Action)}";
}

public enum ExportKind
{
    Bookings = 0,
    Clients = 1,
}

/// <summary>A13: the exports menu.</summary>
public sealed record OpenExports : AdminCallback
{
    public override Permission Required => Permission.ExportData;

    public override string Format() => "a:exp";
}

public sealed record RunExport(ExportKind Kind) : AdminCallback
{
    public override Permission Required => Permission.ExportData;

    public override string Format() => $"a:exp:{(Kind == ExportKind.Bookings ? "b" : "c")}";
}
