using Certa.Proxy;

ProxyOptions options;
try
{
    options = ProxyOptions.From(args, new ConfigurationBuilder().AddEnvironmentVariables().Build());
}
catch (ProxyOptionsException e)
{
    await Console.Error.WriteLineAsync($"certa-proxy: {e.Message}");
    return 2; // a usage error, as certa's own commands answer one
}

await using var app = ProxyApp.Build(options);
await app.StartAsync();
Console.WriteLine($"Certa proxy at {options.Listen} over {string.Join(", ", options.Backends)} (stop with Ctrl+C)");
await app.WaitForShutdownAsync();
return 0;
