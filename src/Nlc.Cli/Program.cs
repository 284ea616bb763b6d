// The offline command line (blank, score, backup); see Cli for the commands and its exit codes.
return Nlc.Cli.Cli.Run(args, Console.Out, Console.Error);
