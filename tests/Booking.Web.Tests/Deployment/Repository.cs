namespace Booking.Web.Tests.Deployment;

/// <summary>Files of the repository the tests were built from (found by walking up to BookingBot.slnx).</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BookingBot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BookingBot.slnx not found above " + AppContext.BaseDirectory);
    }
}
