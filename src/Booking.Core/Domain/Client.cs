namespace Booking.Core.Domain;

/// <summary>A Telegram user who talked to the bot. The id is Telegram's user id.</summary>
public sealed class Client
{
    /// <summary>Telegram allows 64 characters in a first name; an admin's correction keeps to the same.</summary>
    public const int MaxFirstNameLength = 64;
    public const int MinPhoneLength = 5;
    public const int MaxPhoneLength = 20;

    /// <summary>What an erased person's stand-in is called: no language of its own, numbered so visits still group.</summary>
    public const string ErasedNamePrefix = "👤 #";

    private Client()
    {
        FirstName = string.Empty;
        Language = Languages.Default;
    }

    public Client(long id, string firstName, string? lastName, string? username, string language, DateTime nowUtc)
    {
        Id = id;
        FirstName = firstName;
        LastName = lastName;
        Username = username;
        Language = Languages.Normalize(language);
        FirstSeenUtc = nowUtc;
        LastSeenUtc = nowUtc;
    }

    public long Id { get; private set; }
    public string FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? Username { get; private set; }
    public string Language { get; private set; }
    public bool LanguageChosen { get; private set; }
    public string? Phone { get; private set; }
    public DateTime FirstSeenUtc { get; private set; }
    public DateTime LastSeenUtc { get; private set; }

    /// <summary>True once Telegram told us the user blocked the bot; nothing is sent to them then.</summary>
    public bool IsBlocked { get; private set; }

    /// <summary>
    /// Set on the anonymous stand-in that keeps an erased person's past bookings and ratings for the statistics (C11).
    /// Its id is negative, so it is never a Telegram user and nobody's updates ever reach it.
    /// </summary>
    public DateTime? ErasedUtc { get; private set; }

    public bool IsErased => ErasedUtc is not null;

    public string DisplayName => Username is { Length: > 0 } ? "@" + Username : FirstName;

    /// <summary>How the panel's lists name a client read by projection: the first name, and the username when there is one.</summary>
    public static string ListName(string firstName, string? username) => username is { Length: > 0 } u ? $"{firstName} (@{u})" : firstName;

    /// <summary>
    /// How fresh "last seen" is kept. Audiences and the dashboard count days, so a client tapping through a booking
    /// need not rewrite their row on every update; a minute keeps it exact enough for anything shown.
    /// </summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>Keeps names fresh (users rename themselves) and follows Telegram's language until the user picks one.</summary>
    public void Seen(string firstName, string? lastName, string? username, string? telegramLanguage, DateTime nowUtc)
    {
        if (IsErased)
        {
            return; // a stand-in is nobody; no name may be written back onto it
        }

        FirstName = firstName;
        LastName = lastName;
        Username = username;
        if (nowUtc - LastSeenUtc >= SeenResolution)
        {
            LastSeenUtc = nowUtc;
        }

        IsBlocked = false;
        if (!LanguageChosen && telegramLanguage is not null)
        {
            Language = Languages.Normalize(telegramLanguage);
        }
    }

    public void ChooseLanguage(string language)
    {
        Language = Languages.Normalize(language);
        LanguageChosen = true;
    }

    public static bool IsValidFirstName(string? name) => name is not null && name.Trim().Length is >= 1 and <= MaxFirstNameLength;

    /// <summary>Digits with an optional leading "+", 5–20 characters in all; null means no phone.</summary>
    public static bool IsValidPhone(string? phone) =>
        phone is null
        || (phone.Length is >= MinPhoneLength and <= MaxPhoneLength
            && phone.Select((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)).All(ok => ok) && phone.Any(char.IsAsciiDigit));

    /// <summary>An admin's correction. Telegram's own name replaces it again the next time the user writes.</summary>
    public void Rename(string firstName)
    {
        if (!IsValidFirstName(firstName))
        {
            throw new ArgumentException($"A first name must be 1–{MaxFirstNameLength} characters.", nameof(firstName));
        }

        FirstName = firstName.Trim();
    }

    /// <summary>Sets the phone; null removes it.</summary>
    public void ChangePhone(string? phone)
    {
        if (!IsValidPhone(phone))
        {
            throw new ArgumentException("A phone is 5–20 digits, optionally after a leading +.", nameof(phone));
        }

        Phone = phone;
    }

    /// <summary>
    /// The anonymous stand-in for someone who asked to be forgotten (C11): a placeholder name and the default language,
    /// no username, last name or phone; first and last contact kept so the new- and active-user counts stay as they were;
    /// blocked, so nothing is ever sent to it.
    /// </summary>
    public static Client StandInFor(Client person, long standInId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(standInId, 0);
        return new Client(standInId, ErasedNamePrefix + (-standInId).ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, Languages.Default, person.FirstSeenUtc)
        {
            LastSeenUtc = person.LastSeenUtc,
            IsBlocked = true,
            ErasedUtc = nowUtc,
        };
    }

    public void MarkBlocked() => IsBlocked = true;

    /// <summary>The user unblocked the bot (my_chat_member "member"): messages reach them again.</summary>
    public void MarkUnblocked() => IsBlocked = false;
}
