using System.Security.Cryptography;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;

namespace Booking.Core.Features.Panel;

/// <summary>
/// X1: an admin asks the bot for a link to the web panel. The token is 256 random bits; only its hash is stored, so
/// the link works only from the message it was sent in.
/// </summary>
public static class IssuePanelLogin
{
    /// <summary>How long a link stays usable.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <param name="Token">The secret for the link; null when the user is not an admin.</param>
    public sealed record Result(string? Token, DateTime ExpiresUtc);

    public sealed class Handler(BookingDb db, AccessControl access, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(long adminId, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            if (await access.RoleOfAsync(adminId, ct) is null)
            {
                return new Result(null, nowUtc);
            }

            var token = Base64Url(RandomNumberGenerator.GetBytes(32));
            var login = new PanelLoginToken(HashOf(token), adminId, nowUtc, nowUtc + Lifetime);
            db.PanelLoginTokens.Add(login);
            await db.SaveChangesAsync(ct);
            return new Result(token, login.ExpiresUtc);
        }
    }

    /// <summary>Lower-case hex SHA-256 of the token text: what the database keeps.</summary>
    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
