using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Booking.Core.Domain;

namespace Booking.Bot.Callbacks;

// A10 texts: browse by category, open a key, edit or reset it per language. Keys can be long, so buttons carry a
// short hash of the key (TextKeyId) that the server maps back through the catalog; a hash it does not know is stale.

/// <summary>Eight hex digits of SHA-256 of a dotted key: stable across deploys, unlike a position in the sorted list.</summary>
public static class TextKeyId
{
    public const int Length = 8;

    public static string Of(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, Length / 2));

    public static bool IsWellFormed(string s) => s.Length == Length && s.All(char.IsAsciiHexDigitLower);

    internal static bool IsCategory(string s) => s.Length is > 0 and <= 32 && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    internal static bool IsLanguage(string s) => Languages.All.Contains(s);

    internal static int? Page(string s) =>
        s.Length <= 3 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>The categories of texts: the top-level groups of keys.</summary>
public sealed record TextCategories : AdminCallback
{
    public override Permission Required => Permission.EditTexts;

    public override string Format() => "a:tx";
}

/// <summary>One page of the keys of a category, with a short preview of each.</summary>
public sealed record TextCategoryPage(string Category, int Page) : AdminCallback
{
    public override Permission Required => Permission.EditTexts;

    public override string Format() => $"a:txc:{Category}:{Page.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>A key's card: the current text in every language, marked when changed, and the default.</summary>
public sealed record ViewText(string KeyId) : AdminCallback
{
    public override Permission Required => Permission.EditTexts;

    public override string Format() => $"a:txk:{KeyId}";
}

/// <summary>Asks for a new wording of the key in one language.</summary>
public sealed record EditText(string KeyId, string Language) : AdminCallback
{
    public override Permission Required => Permission.EditTexts;

    public override string Format() => $"a:txe:{KeyId}:{Language}";
}

/// <summary>Saves the previewed wording; it must still be the draft of this key and language.</summary>
public sealed record SaveText(string KeyId, string Language) : AdminCallback
{
    public override Permission Required => Permission.EditTexts;

    public override string Format() => $"a:txs:{KeyId}:{Language}";
}

public sealed record AskResetText(string KeyId, string Language) : AdminCallback
{
    public override Permission Required => Permission.EditTexts;

    public override string Format() => $"a:txr:{KeyId}:{Language}";
}

public sealed record ResetText(string KeyId, string Language) : AdminCallback
{
    public override Permission Required => Permission.EditTexts;

    public override string Format() => $"a:txry:{KeyId}:{Language}";
}
