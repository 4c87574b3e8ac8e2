using System.Diagnostics;
using System.Xml.Linq;

namespace Booking.Web.Tests.Deployment;

/// <summary>P11: the systemd unit starts what install.sh publishes, as its own user; the script is valid bash.</summary>
public sealed class SystemdAndInstallTests
{
    private static readonly string Unit = Repository.Read("deploy/bookingbot.service");
    private static readonly string Install = Repository.Read("deploy/install.sh");

    [Fact]
    public void The_unit_starts_the_published_assembly_where_install_sh_puts_it()
    {
        var assembly = XDocument.Load(Repository.PathOf("src/Booking.Web/Booking.Web.csproj")).Descendants("AssemblyName").Single().Value;
        var exec = Unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));

        Assert.EndsWith($"/opt/bookingbot/{assembly}.dll", exec.Trim(), StringComparison.Ordinal);
        Assert.Contains("app_dir=/opt/bookingbot", Install, StringComparison.Ordinal);
        Assert.Contains("/etc/systemd/system/bookingbot.service", Install, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unit_runs_as_the_user_install_sh_creates_and_not_as_root()
    {
        Assert.Contains("User=bookingbot", Unit, StringComparison.Ordinal);
        Assert.DoesNotContain("User=root", Unit, StringComparison.Ordinal);
        Assert.Contains("useradd --system", Install, StringComparison.Ordinal);
        Assert.Contains("EnvironmentFile=/etc/bookingbot/bookingbot.env", Unit, StringComparison.Ordinal);
        Assert.Contains("env_file=\"$conf_dir/bookingbot.env\"", Install, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unit_caps_the_malloc_arenas_before_the_process_starts()
    {
        // glibc reads the variable once, before Main; the bot cannot set it for itself (ADR 0029).
        Assert.Contains("Environment=MALLOC_ARENA_MAX=2", Unit.Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void The_template_for_several_businesses_keeps_each_ones_settings_data_and_logs_apart_and_runs_the_same_bot()
    {
        var template = Repository.Read("deploy/bookingbot@.service").Split('\n').Select(l => l.Trim()).ToList();
        string Line(string key) => template.Single(l => l.StartsWith(key + "=", StringComparison.Ordinal));

        Assert.Equal(Unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal)).Trim(), Line("ExecStart"));
        Assert.Equal("EnvironmentFile=/etc/bookingbot/%i.env", Line("EnvironmentFile"));
        Assert.Equal("WorkingDirectory=/var/lib/bookingbot/%i", Line("WorkingDirectory"));
        Assert.Contains("Environment=DATABASE_URL=sqlite:/var/lib/bookingbot/%i/booking.db", template);
        Assert.Contains("Environment=LOG_DIR=/var/log/bookingbot/%i", template);
        Assert.Contains("Environment=MALLOC_ARENA_MAX=2", template);
        Assert.Equal("ReadWritePaths=/var/lib/bookingbot/%i /var/log/bookingbot/%i", Line("ReadWritePaths"));
        Assert.Equal("User=bookingbot", Line("User"));

        // The template repeats the single unit's hardening (systemd units cannot include one another): keep them alike.
        string[] Hardening(IEnumerable<string> lines) =>
            lines.Select(l => l.Trim()).Where(l => l.StartsWith("Protect", StringComparison.Ordinal) || l.StartsWith("Private", StringComparison.Ordinal)
                || l.StartsWith("NoNewPrivileges", StringComparison.Ordinal) || l.StartsWith("Restrict", StringComparison.Ordinal)
                || l.StartsWith("LockPersonality", StringComparison.Ordinal) || l.StartsWith("TimeoutStopSec", StringComparison.Ordinal)
                || l.StartsWith("Restart", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(Hardening(template));
        Assert.Equal(Hardening(Unit.Split('\n')), Hardening(template));
        Assert.Contains("deploy/bookingbot@.service\" /etc/systemd/system/bookingbot@.service", Install, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Salon")]
    [InlineData("../etc")]
    [InlineData("")]
    public void Install_sh_refuses_a_business_name_that_is_not_a_plain_word_before_touching_anything(string name)
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", [Repository.PathOf("deploy/install.sh"), "--no-start", "--business", name])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.Equal(2, bash.ExitCode);
        Assert.Contains("--business needs a name", errors, StringComparison.Ordinal);
        Assert.Empty(bash.StandardOutput.ReadToEnd());
    }

    [Fact]
    public void Install_sh_is_valid_bash()
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", Repository.PathOf("deploy/install.sh")]) { RedirectStandardError = true })!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, errors);
    }
}
