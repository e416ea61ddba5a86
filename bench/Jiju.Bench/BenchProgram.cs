using System.Globalization;

namespace Jiju.Bench;

/// <summary>
/// The benchmark suite (issue 5). Without a subcommand it runs the suite: it generates or reuses the
/// datasets, runs every measurement in a child process of its own (so peak memory figures do not
/// contaminate each other), and prints and writes the table. <c>child KIND ...</c> is one measurement,
/// invoked by the suite; <c>--micro</c> runs the BenchmarkDotNet micro-benchmarks instead.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            if (args.Length > 0 && args[0] == "child")
            {
                return await Children.RunAsync(ChildArgs.Parse(args[1..]));
            }

            var options = SuiteOptions.Parse(args);
            if (options.Help)
            {
                await Console.Out.WriteLineAsync(SuiteOptions.Usage);
                return 0;
            }

            if (options.Micro)
            {
                return Micro.MicroBenchmarks.Run(options.MicroArgs);
            }

            return await new Suite(options).RunAsync();
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync("See: dotnet run -c Release --project bench/Jiju.Bench -- --help");
            return 2;
        }
    }
}

/// <summary>The command line was wrong.</summary>
public sealed class UsageException(string message) : Exception(message);
