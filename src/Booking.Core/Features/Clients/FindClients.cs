using System.Globalization;
using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Clients;

/// <summary>
/// A3: the clients an admin may mean by what they typed — a Telegram id, a phone number (its digits, in any
/// notation), an @username or part of a name. Clients who deleted their data are never found.
/// </summary>
public static class FindClients
{
    public const int MaxResults = 8;

    /// <summary>Shorter queries match too much to be useful (a single letter is in most names).</summary>
    public const int MinQueryLength = 2;

    public sealed class Handler(BookingDb db)
    {
        /// <summary>Those seen most recently first; at most <see cref="MaxResults"/>.</summary>
        public async Task<IReadOnlyList<Client>> HandleAsync(string typed, CancellationToken ct)
        {
            var query = typed.Trim();
            if (query.Length < MinQueryLength || query.Length > 64)
            {
                return [];
            }

            var clients = Present;
            var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
            var onlyNumber = query.All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')');
            if (onlyNumber && digits.Length >= 5)
            {
                var id = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                var tail = digits.Length > 10 ? digits[^10..] : digits;
                return await clients.Where(c => c.Id == id || (c.Phone != null && c.Phone.Contains(tail)))
                    .OrderByDescending(c => c.LastSeenUtc).Take(MaxResults).ToListAsync(ct);
            }

            // Names as people type them: any case, Cyrillic included (SQLite's LOWER only knows ASCII, so the
            // comparison is done here, over the clients whose name or username could match at all).
            var needle = query.TrimStart('@');
            var candidates = await clients.OrderByDescending(c => c.LastSeenUtc)
                .Select(c => new { c.Id, c.FirstName, c.LastName, c.Username })
                .ToListAsync(ct);
            var ids = candidates
                .Where(c => Contains(c.FirstName, needle) || Contains(c.LastName, needle) || Contains(c.Username, needle)
                    || Contains(c.FirstName + " " + c.LastName, needle))
                .Take(MaxResults)
                .Select(c => c.Id)
                .ToList();
            var found = await clients.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            return [.. found.OrderBy(c => ids.IndexOf(c.Id))];
        }

        /// <summary>The client an earlier search found, if they are still there (not erased).</summary>
        public Task<Client?> ByIdAsync(long id, CancellationToken ct) => Present.SingleOrDefaultAsync(c => c.Id == id, ct);

        /// <summary>Every client who may be found: not those who deleted their data.</summary>
        private IQueryable<Client> Present => db.Clients.AsNoTracking().Where(c => c.ErasedUtc == null);

        private static bool Contains(string? text, string needle) =>
            text is not null && text.Contains(needle, StringComparison.OrdinalIgnoreCase);
    }
}
