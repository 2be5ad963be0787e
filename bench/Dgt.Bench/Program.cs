using Dgt.Bench;

return BenchCommandLine.Run(args);
