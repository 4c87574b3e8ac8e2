namespace Booking.Core.Scheduling;

/// <summary>How full a day is for one service (C3): drawn as 🟢 🟡 🔴 ⚫ in the calendar.</summary>
public enum DayLoad
{
    /// <summary>Past, closed, beyond the horizon, or no slot of this service fits: not tappable.</summary>
    Unavailable = 0,

    /// <summary>More than half of the day's remaining slots are free.</summary>
    Plenty = 1,

    /// <summary>Some slots are free, half or fewer.</summary>
    Few = 2,

    /// <summary>Every slot is taken: not tappable.</summary>
    Full = 3,
}

public static class DayLoads
{
    public static DayLoad Of(IReadOnlyList<Slot> slots)
    {
        var free = 0;
        foreach (var slot in slots)
        {
            if (slot.IsFree)
            {
                free++;
            }
        }

        return Of(slots.Count, free);
    }

    /// <summary>The load of a day offering <paramref name="offered"/> slots, <paramref name="free"/> of them free.</summary>
    public static DayLoad Of(int offered, int free) =>
        offered == 0 ? DayLoad.Unavailable : free == 0 ? DayLoad.Full : free * 2 > offered ? DayLoad.Plenty : DayLoad.Few;

    public static bool IsBookable(this DayLoad load) => load is DayLoad.Plenty or DayLoad.Few;
}
