using System.CommandLine;
using Certa.Proxy;

namespace Certa.Cli.Commands;

/// <summary><c>certa proxy --backend URL --backend URL</c>: the reverse proxy of src/Certa.Proxy in front of several Certa instances.</summary>
internal static class ProxyCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "Where the proxy listens.", DefaultValueFactory = _ => ProxyOptions.DefaultListen.ToString() };
        var backends = new Option<string[]>("--backend")
        {
            Description = "A Certa instance to send requests to (repeat for several), e.g. http://127.0.0.1:5081.",
            Required = true,
        };
        var command = new Command("proxy", "Balance requests over several Certa instances sharing one PostgreSQL database: health-checked on /health/ready, "
            + "an instance that stops leaves the rotation within seconds and GET/HEAD requests that meet it are retried on another.")
        {
            listen, backends,
        };
        command.SetAction(async (parse, ct) =>
        {
            ProxyOptions options;
            try
            {
                options = ProxyOptions.Of(parse.GetValue(listen), parse.GetValue(backends) ?? []);
            }
            catch (ProxyOptionsException e)
            {
                await Console.Error.WriteLineAsync($"certa: {e.Message}");
                return ExitCodes.Usage;
            }

            await using var app = ProxyApp.Build(options);
            await app.StartAsync(ct);
            Console.WriteLine($"Certa proxy at {options.Listen} over {string.Join(", ", options.Backends)} (stop with Ctrl+C)");
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
