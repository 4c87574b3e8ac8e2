using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Booking.Web.Tests.Deployment;

/// <summary>
/// P11: the Dockerfile restores from the project files alone, so it must copy every project the host depends on;
/// a project added to the solution without a COPY line would break the image, and this test says so first.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = Repository.Read("deploy/Dockerfile");

    [Fact]
    public void Every_project_the_host_depends_on_is_copied_before_the_restore()
    {
        var copied = CopySources().Where(s => s.EndsWith(".csproj", StringComparison.Ordinal)).ToHashSet();

        var needed = ProjectClosure("src/Booking.Web/Booking.Web.csproj");

        Assert.Empty(needed.Except(copied));
    }

    [Fact]
    public void Every_copied_file_exists_in_the_repository()
    {
        var missing = CopySources().Where(s => !File.Exists(Repository.PathOf(s)) && !Directory.Exists(Repository.PathOf(s)));

        Assert.Empty(missing);
    }

    [Fact]
    public void The_image_runs_the_published_bot_as_an_unprivileged_user_with_time_zone_data()
    {
        var runtime = Dockerfile[Dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        var assembly = XDocument.Load(Repository.PathOf("src/Booking.Web/Booking.Web.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Matches(@"(?m)^USER \$APP_UID$", runtime);
        Assert.DoesNotMatch(@"(?m)^USER (root|0)\b", runtime);
        Assert.Contains("tzdata", runtime, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", runtime, StringComparison.Ordinal);
        Assert.Contains($"\"{assembly}.dll\", \"health\"", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_caps_the_malloc_arenas_for_the_bot()
    {
        var runtime = Dockerfile[Dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];

        Assert.Matches(@"(?m)^ENV (.*\\\n)*\s*MALLOC_ARENA_MAX=2\b", runtime);
    }

    private static IEnumerable<string> CopySources() =>
        CopyLine().Matches(Dockerfile).SelectMany(m => m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]);

    /// <summary>The project and every project it references, as repository-relative paths.</summary>
    private static HashSet<string> ProjectClosure(string start)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var project))
        {
            if (!found.Add(project))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Load(Repository.PathOf(project)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Repository.PathOf(folder), reference.Attribute("Include")!.Value));
                pending.Push(Path.GetRelativePath(Repository.Root, full).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        return found;
    }

    // COPY lines that take files from the build context (not --from=another stage).
    [GeneratedRegex(@"(?m)^COPY (?!--from)(?<args>.+)$")]
    private static partial Regex CopyLine();
}
