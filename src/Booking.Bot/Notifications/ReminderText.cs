using Booking.Bot.Callbacks;
using Booking.Bot.Rendering;
using Booking.Core.Features.Notifications;
using Booking.Core.Scheduling;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Notifications;

/// <summary>
/// The words of a reminder follow the time actually left, not the nominal offset: "tomorrow at 10:00",
/// "today at 10:00, in 2 hours", so a reminder delivered late never says something false.
/// </summary>
public static class ReminderText
{
    /// <summary>Reminders at least this far ahead ask the client to confirm they will come (X5).</summary>
    public const int AttendanceOffsetMinutes = 12 * 60;

    public static string Compose(ClaimDueNotifications.Due due, Texts.Texts t, Formats f, string? address, DateTime nowUtc)
    {
        var today = LocalTime.Today(nowUtc, f.Zone);
        var day = DateOnly.FromDateTime(LocalTime.ToLocal(due.StartUtc, f.Zone));
        var time = f.Time(due.StartUtc);
        var text = (day.DayNumber - today.DayNumber) switch
        {
            0 => t.Format("reminder.today", ("time", time), ("service", due.ServiceName), ("in", f.Span(due.StartUtc - nowUtc))),
            1 => t.Format("reminder.tomorrow", ("time", time), ("service", due.ServiceName), ("date", f.Date(day))),
            _ => t.Format("reminder.later", ("time", time), ("service", due.ServiceName), ("date", f.Date(day))),
        };
        if (!string.IsNullOrWhiteSpace(address))
        {
            text += "\n" + t.Format("reminder.address", ("address", address));
        }

        return AsksForAttendance(due) ? text + "\n\n" + t["reminder.confirm_prompt"] : text;
    }

    public static bool AsksForAttendance(ClaimDueNotifications.Due due) =>
        due.OffsetMinutes >= AttendanceOffsetMinutes && !due.AttendanceConfirmed;

    /// <summary>"I'll come", plus cancel and reschedule only while the cancellation window is still open.</summary>
    public static InlineKeyboardMarkup? Buttons(ClaimDueNotifications.Due due, Texts.Texts t, bool canChange)
    {
        if (!AsksForAttendance(due))
        {
            return null;
        }

        var rows = new List<InlineKeyboardButton[]> { new[] { Keyboards.Button(t["reminder.coming_button"], new ConfirmVisit(due.BookingId)) } };
        if (canChange)
        {
            var month = DateOnly.FromDateTime(due.StartUtc);
            rows.Add(
            [
                Keyboards.Button(t["reminder.cancel_button"], new AskCancel(due.BookingId)),
                Keyboards.Button(t["reminder.reschedule_button"], new ShowMonth(Target.Move(due.BookingId), new DateOnly(month.Year, month.Month, 1))),
            ]);
        }

        return new InlineKeyboardMarkup(rows);
    }
}
