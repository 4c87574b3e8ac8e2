using System.Globalization;

namespace Booking.Core.Domain;

/// <summary>Which reminders and review request a booking gets, taken from the settings when it is made or moved.</summary>
public sealed record NotificationPlan(IReadOnlyList<int> ReminderOffsetsMinutes, int ReviewDelayMinutes)
{
    public static NotificationPlan From(BusinessSettings settings) =>
        new(ParseOffsets(settings.ReminderOffsetsMinutes), settings.ReviewDelayMinutes);

    /// <summary>"1440,120,60" → [1440, 120, 60]; anything unparsable or non-positive is ignored.</summary>
    public static IReadOnlyList<int> ParseOffsets(string? text) =>
        (text ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : 0)
            .Where(minutes => minutes > 0)
            .Distinct()
            .OrderDescending()
            .ToList();
}
