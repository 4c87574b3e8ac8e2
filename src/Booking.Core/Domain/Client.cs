namespace Booking.Core.Domain;

/// <summary>A Telegram user who talked to the bot. The id is Telegram's user id.</summary>
public sealed class Client
{
    /// <summary>Telegram allows 64 characters in a first name; an admin's correction keeps to the same.</summary>
    public const int MaxFirstNameLength = 64;
    public const int MinPhoneLength = 5;
    public const int MaxPhoneLength = 20;

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

    public string DisplayName => Username is { Length: > 0 } ? "@" + Username : FirstName;

    /// <summary>Keeps names fresh (users rename themselves) and follows Telegram's language until the user picks one.</summary>
    public void Seen(string firstName, string? lastName, string? username, string? telegramLanguage, DateTime nowUtc)
    {
        FirstName = firstName;
        LastName = lastName;
        Username = username;
        LastSeenUtc = nowUtc;
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

    public void MarkBlocked() => IsBlocked = true;

    /// <summary>The user unblocked the bot (my_chat_member "member"): messages reach them again.</summary>
    public void MarkUnblocked() => IsBlocked = false;
}
