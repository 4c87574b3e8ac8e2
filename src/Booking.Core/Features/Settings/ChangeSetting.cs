using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Settings;

/// <summary>
/// A5: changes one business rule. Availability, the calendar and the booking rules read the settings row on
/// every update, so the next tap of any client already follows the new value. Reminders of bookings already made
/// were planned when they were made and stay as they are.
/// </summary>
public static class ChangeSetting
{
    /// <param name="Text">What the admin typed or tapped; null clears the time zone or the address.</param>
    public sealed record Request(long ActorId, SettingField Field, string? Text);

    public enum Outcome
    {
        Changed = 0,
        Unchanged = 1,
        Invalid = 2,
    }

    public sealed record Result(Outcome Outcome, object? Before = null, object? After = null);

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit)
    {
        public async Task<Result> HandleAsync(Request r, CancellationToken ct)
        {
            if (!SettingInput.TryRead(r.Field, r.Text, out var value))
            {
                return new Result(Outcome.Invalid);
            }

            await using var write = await gate.BeginAsync(ct);
            var settings = await db.Settings.SingleOrDefaultAsync(ct);
            if (settings is null)
            {
                settings = new BusinessSettings();
                db.Settings.Add(settings);
            }

            var before = Read(settings, r.Field);
            if (Equals(before, value))
            {
                return new Result(Outcome.Unchanged, before, value);
            }

            Write(settings, r.Field, value);
            var name = SettingFields.Name(r.Field);
            audit.Record(r.ActorId, "settings." + name, "settings", Snapshot(name, before), Snapshot(name, value));
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return new Result(Outcome.Changed, before, value);
        }
    }

    public static object? Read(BusinessSettings s, SettingField field) => field switch
    {
        SettingField.SlotInterval => s.SlotIntervalMinutes,
        SettingField.MinNotice => s.MinNoticeMinutes,
        SettingField.Horizon => s.HorizonMonths,
        SettingField.CancellationWindow => s.CancellationWindowHours,
        SettingField.BookingLimit => s.MaxActiveBookings,
        SettingField.WaitlistLimit => s.MaxWaits,
        SettingField.ReminderOffsets => s.ReminderOffsetsMinutes,
        SettingField.ReviewDelay => s.ReviewDelayMinutes,
        SettingField.TimeZone => s.TimeZoneId,
        SettingField.PhoneRequest => s.PhoneRequest,
        _ => s.Address,
    };

    /// <summary>Stores a value <see cref="SettingInput.TryRead"/> accepted.</summary>
    public static void Write(BusinessSettings s, SettingField field, object? value)
    {
        switch (field)
        {
            case SettingField.SlotInterval:
                s.SlotIntervalMinutes = (int)value!;
                break;
            case SettingField.MinNotice:
                s.MinNoticeMinutes = (int)value!;
                break;
            case SettingField.Horizon:
                s.HorizonMonths = (int)value!;
                break;
            case SettingField.CancellationWindow:
                s.CancellationWindowHours = (int)value!;
                break;
            case SettingField.BookingLimit:
                s.MaxActiveBookings = (int)value!;
                break;
            case SettingField.WaitlistLimit:
                s.MaxWaits = (int)value!;
                break;
            case SettingField.ReminderOffsets:
                s.ReminderOffsetsMinutes = (string)value!;
                break;
            case SettingField.ReviewDelay:
                s.ReviewDelayMinutes = (int)value!;
                break;
            case SettingField.TimeZone:
                s.TimeZoneId = (string?)value;
                break;
            case SettingField.PhoneRequest:
                s.PhoneRequest = (PhoneRequest)value!;
                break;
            default:
                s.Address = (string?)value;
                break;
        }
    }

    private static Dictionary<string, object?> Snapshot(string name, object? value) =>
        new() { [name] = value is PhoneRequest mode ? SettingInput.Name(mode) : value };
}
