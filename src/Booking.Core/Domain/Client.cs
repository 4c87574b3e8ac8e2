namespace Booking.Core.Domain;

/// <summary>A Telegram user who talked to the bot. The id is Telegram's user id.</summary>
public sealed class Client
{
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

    public void MarkBlocked() => IsBlocked = true;

    /// <summary>The user unblocked the bot (my_chat_member "member"): messages reach them again.</summary>
    public void MarkUnblocked() => IsBlocked = false;
}
