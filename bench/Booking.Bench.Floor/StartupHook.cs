using System.Runtime.Loader;

/// <summary>
/// The runtime's startup hook (a type of this name, outside any namespace). Loaded by path before the host's Main, so
/// the hosting startup's lookup by name finds this assembly although the host's own dependency list does not name it.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var floor = typeof(StartupHook).Assembly;
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == floor.GetName().Name ? floor : null;
    }
}
