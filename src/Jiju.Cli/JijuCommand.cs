namespace Jiju.Cli;

internal static class JijuCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
