namespace Booking.Core.Domain;

/// <summary>
/// X1: a one-time link to the web panel, bound to one admin. Only the SHA-256 hash of the token is kept, so a copy
/// of the database cannot be used to sign in; the link works once and for a few minutes.
/// </summary>
public sealed class PanelLoginToken
{
    private PanelLoginToken()
    {
        TokenHash = string.Empty;
    }

    public PanelLoginToken(string tokenHash, long adminId, DateTime nowUtc, DateTime expiresUtc)
    {
        TokenHash = tokenHash;
        AdminId = adminId;
        CreatedUtc = nowUtc;
        ExpiresUtc = expiresUtc;
    }

    public int Id { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public string TokenHash { get; private set; }

    public long AdminId { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime ExpiresUtc { get; private set; }

    /// <summary>When the link was used; a used link never works again.</summary>
    public DateTime? UsedUtc { get; private set; }
}

/// <summary>
/// A key of the web host's data protection (the keys that sign the panel's cookies and antiforgery tokens), kept in
/// the database so cookies survive a restart and every host sharing the database accepts them.
/// </summary>
public sealed class DataProtectionKey
{
    private DataProtectionKey()
    {
        FriendlyName = string.Empty;
        Xml = string.Empty;
    }

    public DataProtectionKey(string friendlyName, string xml)
    {
        FriendlyName = friendlyName;
        Xml = xml;
    }

    public int Id { get; private set; }
    public string FriendlyName { get; private set; }
    public string Xml { get; private set; }
}
