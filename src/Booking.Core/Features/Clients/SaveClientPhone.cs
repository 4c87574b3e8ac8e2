using System.Text;
using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Clients;

/// <summary>
/// C11: stores the phone a client shared with Telegram's contact button. Only the sender's own contact is taken:
/// a contact card of someone else (forwarded, or picked from the address book) is refused.
/// </summary>
public static class SaveClientPhone
{
    /// <param name="ContactUserId">The contact's user_id; Telegram sets it only for a contact that is a Telegram user.</param>
    public sealed record Request(long ClientId, long? ContactUserId, string? PhoneNumber);

    public enum Outcome
    {
        Saved = 0,

        /// <summary>Someone else's contact: nothing is stored.</summary>
        NotOwnContact = 1,

        /// <summary>Not a phone number the client record can hold.</summary>
        Invalid = 2,
    }

    public sealed record Result(Outcome Outcome, string? Phone = null);

    public sealed class Handler(BookingDb db)
    {
        public async Task<Result> HandleAsync(Request r, CancellationToken ct)
        {
            if (r.ContactUserId != r.ClientId)
            {
                return new Result(Outcome.NotOwnContact);
            }

            var phone = Normalize(r.PhoneNumber);
            var client = await db.Clients.FindAsync([r.ClientId], ct); // a contact may be the very first message: unsaved yet
            if (phone is null || client is null || client.IsErased)
            {
                return new Result(Outcome.Invalid);
            }

            client.ChangePhone(phone);
            await db.SaveChangesAsync(ct);
            return new Result(Outcome.Saved, phone);
        }
    }

    /// <summary>
    /// "79161234567", "+7 (916) 123-45-67" → "+79161234567": Telegram sends the number in international form, with or
    /// without the plus; spaces, dashes, dots and brackets are dropped. Null when what is left is not a valid phone.
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var digits = new StringBuilder("+");
        foreach (var c in raw.Trim().TrimStart('+'))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }

        var phone = digits.ToString();
        return phone.Length > 1 && Client.IsValidPhone(phone) ? phone : null;
    }
}
