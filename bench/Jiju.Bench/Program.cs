return await Jiju.Bench.BenchProgram.RunAsync(args);
