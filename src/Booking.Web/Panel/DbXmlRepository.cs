using System.Xml.Linq;
using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Panel;

/// <summary>
/// Keeps the data-protection key ring in the bot's own database, so the panel's cookies and antiforgery tokens stay
/// valid across restarts and on every host that shares the database (ADR 0017). The interface is synchronous; it is
/// read once when the key ring is loaded and about once a day after that.
/// </summary>
public sealed class DbXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));

        // Through the async save on purpose: it queues for the SQLite writer turn with the bot's other writers (ADR 0025)
        // instead of meeting them at SQLite's lock. Blocking here is fine: a key is written about once in 90 days.
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
