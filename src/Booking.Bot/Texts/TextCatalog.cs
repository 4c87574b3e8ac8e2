using System.Collections.Frozen;
using Booking.Core.Domain;
using Booking.Core.Features.Texts;
using YamlDotNet.RepresentationModel;

namespace Booking.Bot.Texts;

/// <summary>
/// The default texts (A10): one YAML file per language, nested keys flattened to "booking.confirmed".
/// Admin overrides from the database layer on top of these (see <see cref="Texts"/>).
/// </summary>
public sealed class TextCatalog : ITextDefaults
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    private TextCatalog(Dictionary<string, FrozenDictionary<string, string>> byLanguage)
    {
        _byLanguage = byLanguage.ToFrozenDictionary();
        Keys = _byLanguage[Core.Domain.Languages.Default].Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public static TextCatalog LoadFrom(string directory)
    {
        var byLanguage = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var language in Core.Domain.Languages.All)
        {
            var path = Path.Combine(directory, language + ".yaml");
            using var reader = new StreamReader(path);
            byLanguage[language] = Parse(reader).ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new TextCatalog(byLanguage);
    }

    /// <summary>The catalog shipped next to the bot's assembly.</summary>
    public static TextCatalog LoadDefault() => LoadFrom(Path.Combine(AppContext.BaseDirectory, "Texts"));

    public IReadOnlyDictionary<string, string> KeysOf(string language) => _byLanguage[language];

    public string? Default(string language, string key) =>
        _byLanguage.TryGetValue(language, out var texts) ? texts.GetValueOrDefault(key) : null;

    /// <summary>The shipped text in <paramref name="language"/>, else in Russian, else null.</summary>
    public string? Find(string language, string key)
    {
        if (_byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text))
        {
            return text;
        }

        return _byLanguage[Core.Domain.Languages.Default].GetValueOrDefault(key);
    }

    internal static Dictionary<string, string> Parse(TextReader reader)
    {
        var yaml = new YamlStream();
        yaml.Load(reader);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root)
        {
            Flatten(root, prefix: null, result);
        }

        return result;
    }

    private static void Flatten(YamlMappingNode node, string? prefix, Dictionary<string, string> into)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = prefix is null ? ((YamlScalarNode)keyNode).Value! : prefix + "." + ((YamlScalarNode)keyNode).Value;
            switch (valueNode)
            {
                case YamlMappingNode child:
                    Flatten(child, key, into);
                    break;
                case YamlScalarNode scalar:
                    into[key] = scalar.Value ?? string.Empty;
                    break;
                default:
                    throw new InvalidDataException($"Text '{key}' must be a string or a group of texts.");
            }
        }
    }
}
