using System.Collections.Concurrent;

namespace Booking.Core.Scheduling;

/// <summary>Resolves IANA zone ids once; TimeZoneInfo lookups read tzdata from disk.</summary>
public static class BusinessZone
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo Resolve(string id) => Cache.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);

    public static bool TryResolve(string id, out TimeZoneInfo? zone)
    {
        try
        {
            zone = Resolve(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }
}
