using RegistryJanitor.Benchmarks;

return BenchmarkCommand.Run(args, Console.Out);
