using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Certa.Bench.RegistrySearchBenchmarks).Assembly).Run(args);
