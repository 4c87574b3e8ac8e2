using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Booking.Core.Domain;

/// <summary>
/// An admin's private iCal feed (X2): at most one per admin. Only the SHA-256 of its token is stored, so a leaked
/// database or backup does not leak working feed links; the token itself is shown to the admin once, when made.
/// </summary>
public sealed class CalendarFeed
{
    /// <summary>256 random bits: far past guessing, and 43 URL-safe characters in a link.</summary>
    public const int TokenBytes = 32;

    /// <summary>Lowercase hex of a SHA-256 digest.</summary>
    public const int HashLength = 64;

    private CalendarFeed()
    {
        TokenHash = string.Empty;
    }

    private CalendarFeed(long adminId, string tokenHash, DateTime nowUtc)
    {
        AdminId = adminId;
        TokenHash = tokenHash;
        CreatedUtc = nowUtc;
    }

    public long AdminId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    /// <summary>A new feed and its token; the caller shows the token once and forgets it.</summary>
    public static (CalendarFeed Feed, string Token) Create(long adminId, DateTime nowUtc)
    {
        var token = NewToken();
        return (new CalendarFeed(adminId, Hash(token), nowUtc), token);
    }

    /// <summary>A fresh token for the same admin: the old link stops working the moment this is saved.</summary>
    public string Renew(DateTime nowUtc)
    {
        var token = NewToken();
        TokenHash = Hash(token);
        CreatedUtc = nowUtc;
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Cheap shape check before any lookup: what a token made here looks like.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
