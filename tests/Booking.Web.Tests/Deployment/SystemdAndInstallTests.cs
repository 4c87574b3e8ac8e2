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
    public void Install_sh_is_valid_bash()
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", Repository.PathOf("deploy/install.sh")]) { RedirectStandardError = true })!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, errors);
    }
}
