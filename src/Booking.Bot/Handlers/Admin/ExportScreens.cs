using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Export;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A13: bookings and clients as CSV files, sent as documents with their row counts.</summary>
public sealed class ExportScreens(Replies replies, ExportBookings.Handler bookings, ExportClients.Handler clients)
{
    public Task ShowAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["export.bookings_button"], new RunExport(ExportKind.Bookings)), Keyboards.Button(t["export.clients_button"], new RunExport(ExportKind.Clients))],
            [AdminPanel.BackButton(t)]);
        return replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["export.title"], markup, ct);
    }

    public async Task RunAsync(UpdateContext ctx, RunExport export, CancellationToken ct)
    {
        var (file, caption) = export.Kind == ExportKind.Bookings
            ? (await bookings.HandleAsync(ct), "export.bookings_caption")
            : (await clients.HandleAsync(ct), "export.clients_caption");
        await replies.SendDocumentAsync(ctx.ChatId, file.FileName, file.Content, ctx.Texts.Format(caption, ("rows", file.Rows)), ct);
    }
}
