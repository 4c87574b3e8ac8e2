namespace Booking.Core.Domain;

/// <summary>
/// X3: amounts as payment APIs count them — in the currency's smallest unit (kopecks, cents; yen have none).
/// </summary>
public static class MinorUnits
{
    // ISO 4217 currencies without a minor unit among those Telegram Payments accepts.
    private static readonly HashSet<string> WholeUnits =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

    public static long From(decimal amount, string currency) =>
        (long)decimal.Round(amount * Factor(currency), 0, MidpointRounding.AwayFromZero);

    public static decimal ToAmount(long minor, string currency) => minor / Factor(currency);

    private static decimal Factor(string currency) => WholeUnits.Contains(currency.ToUpperInvariant()) ? 1m : 100m;
}
