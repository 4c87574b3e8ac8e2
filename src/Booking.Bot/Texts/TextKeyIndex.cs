using System.Collections.Frozen;
using Booking.Bot.Callbacks;

namespace Booking.Bot.Texts;

/// <summary>
/// The catalog's keys for the text editor (A10): grouped by category (the first part of the dotted key) and found
/// again from the short id a button carries.
/// </summary>
public sealed class TextKeyIndex
{
    public const int PageSize = 8;

    private readonly FrozenDictionary<string, string> _byId;
    private readonly FrozenDictionary<string, string[]> _byCategory;

    public TextKeyIndex(TextCatalog catalog)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in catalog.Keys)
        {
            // A clash would send one key's button to another key; the test suite loads the real catalog, so it shows up there.
            if (!ids.TryAdd(TextKeyId.Of(key), key))
            {
                throw new InvalidDataException($"Texts '{key}' and '{ids[TextKeyId.Of(key)]}' share the id {TextKeyId.Of(key)}.");
            }
        }

        _byId = ids.ToFrozenDictionary(StringComparer.Ordinal);
        _byCategory = catalog.Keys.GroupBy(CategoryOf, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Categories = _byCategory.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<string> Categories { get; }

    public static string CategoryOf(string key) => key.Split('.')[0];

    public string? Resolve(string keyId) => _byId.GetValueOrDefault(keyId);

    public IReadOnlyList<string> KeysOf(string category) => _byCategory.GetValueOrDefault(category) ?? [];

    /// <summary>The page of its category a key is listed on.</summary>
    public int PageOf(string key) => Array.IndexOf(_byCategory[CategoryOf(key)], key) / PageSize;
}
