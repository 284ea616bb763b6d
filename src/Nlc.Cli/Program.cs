// The offline command line: writes blank workbooks and scores filled-in ones. See Cli.Usage.
return Nlc.Cli.Cli.Run(args, Console.Out, Console.Error);
