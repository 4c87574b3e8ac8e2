using System.Globalization;
using System.Text.RegularExpressions;

namespace Booking.Core.Features.Maintenance;

/// <summary>
/// The names the bot gives its backups: <c>booking-20261201T003000Z.db</c>, the UTC instant the backup was taken
/// in ISO 8601 basic form. UTC because local names would repeat in the autumn DST hour; basic form because it sorts
/// as text and has no colons (Windows). Retention trusts only names that parse here, so foreign files are never
/// touched, and a name that does not parse is simply not a backup — never silently "every file" or "no file".
/// </summary>
public static partial class BackupFileName
{
    public const string Prefix = "booking-";
    public const string Extension = ".db";

    /// <summary>A backup still being written: never restored, and swept once it is clearly abandoned.</summary>
    public const string PartialSuffix = ".partial";

    private const string StampFormat = "yyyyMMdd'T'HHmmss";

    public static string Format(DateTime takenUtc) =>
        Prefix + Utc(takenUtc).ToString(StampFormat, CultureInfo.InvariantCulture) + "Z" + Extension;

    /// <summary>Reads the time stamp from a finished backup's file name (no folder); false for anything else.</summary>
    public static bool TryParse(string fileName, out DateTime takenUtc) => TryParse(FinishedPattern(), fileName, out takenUtc);

    /// <summary>Reads the time stamp from an unfinished backup's file name; false for anything else.</summary>
    public static bool TryParsePartial(string fileName, out DateTime takenUtc) => TryParse(PartialPattern(), fileName, out takenUtc);

    private static bool TryParse(Regex pattern, string fileName, out DateTime takenUtc)
    {
        takenUtc = default;
        var match = pattern.Match(fileName);
        return match.Success && DateTime.TryParseExact(
            match.Groups["stamp"].Value,
            StampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out takenUtc);
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => throw new ArgumentException("A backup time must be a UTC instant.", nameof(value)),
        _ => value.ToUniversalTime(),
    };

    [GeneratedRegex(@"^booking-(?<stamp>\d{8}T\d{6})Z\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex FinishedPattern();

    [GeneratedRegex(@"^booking-(?<stamp>\d{8}T\d{6})Z\.db\.partial$", RegexOptions.CultureInvariant)]
    private static partial Regex PartialPattern();
}
