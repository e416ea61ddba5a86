return await Jiju.Cli.JijuCommand.RunAsync(args);
