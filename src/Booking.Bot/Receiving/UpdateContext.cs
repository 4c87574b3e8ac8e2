using Booking.Bot.Rendering;
using Booking.Core.Domain;
using Telegram.Bot.Types;

namespace Booking.Bot.Receiving;

/// <summary>Everything a handler needs about the update it is answering.</summary>
public sealed record UpdateContext(Update Update, Client Client, Texts.Texts Texts, Formats Formats)
{
    public bool IsNewClient { get; init; }

    public required DateTime NowUtc { get; init; }

    /// <summary>The business's date at <see cref="NowUtc"/>, in its zone.</summary>
    public DateOnly Today => Core.Scheduling.LocalTime.Today(NowUtc, Formats.Zone);

    /// <summary>The first day of the business's current month: where a calendar opens.</summary>
    public DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    /// <summary>The sender's admin role, read once per update; null for clients.</summary>
    public AdminRole? AdminRole { get; init; }

    public bool IsAdmin => AdminRole is not null;

    /// <summary>What the callback query will be answered with once the handler is done (always exactly once).</summary>
    public CallbackReply Reply { get; } = new();

    public long ChatId => Client.Id;

    public string Language => Client.Language;

    public CallbackQuery? Query => Update.CallbackQuery;

    /// <summary>
    /// A message to edit in place though this update is not a button on it: the wizard message, when a typed answer
    /// or a shared contact moves the wizard on (C11).
    /// </summary>
    public int? WizardMessageId { get; init; }

    /// <summary>The bot message a callback button sat on, which the wizard edits in place.</summary>
    public int? SourceMessageId => WizardMessageId ?? Update.CallbackQuery?.Message?.Id;
}

/// <summary>The toast or alert a button press is answered with; empty just stops the spinner.</summary>
public sealed class CallbackReply
{
    public string? Text { get; private set; }

    public bool Alert { get; private set; }

    public void Toast(string text) => (Text, Alert) = (text, false);

    public void Dialog(string text) => (Text, Alert) = (text, true);
}
