using Booking.Core.Domain;
using Booking.LocalBotApi;

namespace Booking.Web.Demo;

/// <summary>A chat as the web page draws it; message text is already safe HTML (<see cref="TelegramHtml"/>).</summary>
public sealed record ChatDto(
    int Version,
    IReadOnlyList<ChatDto.Entry> Entries,
    IReadOnlyList<IReadOnlyList<string>> ReplyKeyboard,
    IReadOnlyList<ChatDto.Answer> Answers)
{
    public static ChatDto From(string who, ChatView view) => new(
        view.Version,
        view.Entries.Select(e => new Entry(
            e.MessageId,
            e.FromUser,
            TelegramHtml.ToSafeHtml(e.Text, e.ParseMode),
            e.EditCount > 0,
            e.SentAt,
            e.InlineKeyboard.Select(row => (IReadOnlyList<Button>)row.Select(b => new Button(b.Text, b.CallbackData, SafeUrl(b.Url))).ToList()).ToList(),
            e.DocumentName is { } name ? new Document(name, e.DocumentSize, $"/demo/api/chats/{who}/documents/{e.MessageId}") : null,
            e.Invoice is { } i ? new Invoice(i.Title, i.Description, MinorUnits.ToAmount(i.TotalAmount, i.Currency), i.Currency) : null)).ToList(),
        view.ReplyKeyboard,
        view.Answers.Select(a => new Answer(a.Text, a.ShowAlert)).ToList());

    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" ? uri.OriginalString : null;

    public sealed record Entry(
        int Id, bool FromUser, string Html, bool Edited, DateTimeOffset SentAt, IReadOnlyList<IReadOnlyList<Button>> Buttons, Document? Document,
        Invoice? Invoice = null);

    /// <summary>X3: an invoice the visitor can pay with a pretend card.</summary>
    public sealed record Invoice(string Title, string Description, decimal Amount, string Currency);

    public sealed record Button(string Text, string? Data, string? Url);

    public sealed record Document(string Name, long Size, string Url);

    public sealed record Answer(string? Text, bool Alert);
}
