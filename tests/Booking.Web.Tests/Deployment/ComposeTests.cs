using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Booking.Web.Tests.Deployment;

/// <summary>P11: the compose files parse, hang together, and only set variables the bot actually reads.</summary>
public sealed partial class ComposeTests
{
    public static TheoryData<string> ComposeFiles => new() { "deploy/docker-compose.yml", "deploy/docker-compose.full.yml", "deploy/docker-compose.several.yml" };

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void Each_service_builds_from_the_dockerfile_or_names_an_image(string file)
    {
        foreach (var (name, service) in Services(file))
        {
            if (service.Children.TryGetValue("build", out var build))
            {
                var mapping = (YamlMappingNode)build;
                var context = Path.GetFullPath(Path.Combine(Repository.PathOf("deploy"), mapping["context"].ToString()));
                Assert.True(File.Exists(Path.Combine(context, mapping["dockerfile"].ToString())), $"{file}: {name} builds from a missing Dockerfile");
            }
            else
            {
                Assert.True(service.Children.ContainsKey("image"), $"{file}: {name} has neither build nor image");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void Dependencies_and_named_volumes_exist(string file)
    {
        var root = Load(file);
        var services = Services(file).ToDictionary(s => s.Name, s => s.Node);
        var volumes = root.Children.TryGetValue("volumes", out var v) ? ((YamlMappingNode)v).Children.Keys.Select(k => k.ToString()).ToHashSet() : [];
        foreach (var (name, service) in services)
        {
            if (service.Children.TryGetValue("depends_on", out var depends))
            {
                var targets = depends is YamlMappingNode map ? map.Children.Keys.Select(k => k.ToString()) : ((YamlSequenceNode)depends).Select(n => n.ToString());
                Assert.All(targets, t => Assert.True(services.ContainsKey(t), $"{file}: {name} depends on unknown service {t}"));
            }

            if (service.Children.TryGetValue("volumes", out var mounts))
            {
                var named = ((YamlSequenceNode)mounts).Select(m => m.ToString().Split(':')[0]).Where(s => !s.StartsWith('.') && !s.StartsWith('/'));
                Assert.All(named, n => Assert.Contains(n, volumes));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void The_bot_is_given_only_settings_it_reads(string file)
    {
        var bots = Services(file).Where(s => s.Node.Children.ContainsKey("build")).ToList();
        Assert.NotEmpty(bots);

        foreach (var (name, bot) in bots)
        {
            var environment = (YamlMappingNode)bot["environment"];
            var unknown = environment.Children.Keys.Select(k => k.ToString()).Except(KnownSettings());
            Assert.True(!unknown.Any(), $"{file}: {name} is given {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public void Each_business_has_its_own_settings_file_database_volume_and_port()
    {
        var bots = Services("deploy/docker-compose.several.yml").ToList();
        Assert.True(bots.Count >= 2, "the example shows at least two businesses");

        string[] Distinct(Func<YamlMappingNode, string> part) => bots.Select(b => part(b.Node)).Distinct().ToArray();
        Assert.Equal(bots.Count, Distinct(b => b["env_file"].ToString()).Length);
        Assert.Equal(bots.Count, Distinct(b => ((YamlSequenceNode)b["volumes"]).Single().ToString().Split(':')[0]).Length);
        Assert.Equal(bots.Count, Distinct(b => ((YamlSequenceNode)b["ports"]).Single().ToString().Split(':')[1]).Length);
        Assert.All(bots, b => Assert.Equal("sqlite:/data/booking.db", b.Node["environment"]["DATABASE_URL"].ToString()));
    }

    [Fact]
    public void The_example_settings_file_names_only_known_settings()
    {
        var names = Repository.Read("deploy/.env.example").Split('\n')
            .Select(l => l.TrimStart('#', ' ').Trim())
            .Where(l => SettingLine().IsMatch(l))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]);

        Assert.Empty(names.Except(KnownSettings()).Except(["POSTGRES_PASSWORD"]));
    }

    /// <summary>The variables the README's configuration table documents (the bot fails on none it does not know, so a typo would be silent).</summary>
    private static HashSet<string> KnownSettings() =>
        ReadmeSetting().Matches(Repository.Read("README.md")).Select(m => m.Groups[1].Value).ToHashSet();

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Repository.Read(file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static IEnumerable<(string Name, YamlMappingNode Node)> Services(string file) =>
        ((YamlMappingNode)Load(file)["services"]).Children.Select(c => (c.Key.ToString(), (YamlMappingNode)c.Value));

    [GeneratedRegex(@"(?m)^\| `([A-Z][A-Z0-9_]+)` \|")]
    private static partial Regex ReadmeSetting();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*=")]
    private static partial Regex SettingLine();
}
