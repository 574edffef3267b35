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
    case "audit":
        await AuditLoad.RunAsync(
            args.Length > 2 ? Enum.Parse<Certa.Infrastructure.Persistence.DatabaseProvider>(args[2], ignoreCase: true) : Certa.Infrastructure.Persistence.DatabaseProvider.Sqlite,
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
        break;
    case "workflow":
        await WorkflowLoad.RunAsync(
            args.Length > 2 ? Enum.Parse<Certa.Infrastructure.Persistence.DatabaseProvider>(args[2], ignoreCase: true) : Certa.Infrastructure.Persistence.DatabaseProvider.Sqlite,
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
        break;
    case "credentials":
        CredentialLoad.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000);
        break;
    case "pdf":
        PdfLoad.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
        break;
    case "merkle":
        MerkleLoad.Run(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000);
        break;
    case "issuance":
        await IssuanceLoad.RunAsync(
            args.Length > 2 ? Enum.Parse<Certa.Infrastructure.Persistence.DatabaseProvider>(args[2], ignoreCase: true) : Certa.Infrastructure.Persistence.DatabaseProvider.Sqlite,
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
        break;
    case "logappend":
        await LogAppendLoad.RunAsync(
            args.Length > 2 ? Enum.Parse<Certa.Infrastructure.Persistence.DatabaseProvider>(args[2], ignoreCase: true) : Certa.Infrastructure.Persistence.DatabaseProvider.Sqlite,
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        break;
    case "mix":
        await MixLoad.RunAsync(args);
        break;
    case "bulkverify":
        await BulkVerifyLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000, args.Length > 2 ? args[2] : null);
        break;
    case "scale":
        await ScaleLoad.RunAsync(Enum.Parse<Certa.Infrastructure.Persistence.DatabaseProvider>(args[1], ignoreCase: true), args[2],
            args.Length > 3 && args[3].Length > 0 ? args[3] : null, args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(RegistrySearchBenchmarks).Assembly).Run(args);
        break;
}
