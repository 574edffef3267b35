using BenchmarkDotNet.Running;
using Certa.Bench;

switch (args.FirstOrDefault())
{
    case "advisor":
        AdvisorLoad.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        break;
    case "stages":
        AdvisorLoad.Stages(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        break;
    case "ndjson":
        AdvisorLoad.WriteNdjson(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(RegistrySearchBenchmarks).Assembly).Run(args);
        break;
}
