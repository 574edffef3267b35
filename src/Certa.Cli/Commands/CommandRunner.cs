using System.Data.Common;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Cli.Commands;

/// <summary>Turns the failures every command can meet into a readable message and its exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (ReferenceDataException e)
        {
            await Console.Error.WriteLineAsync($"certa: the reference data were refused ({e.Errors.Count} error(s)); nothing was imported:");
            foreach (var error in e.Errors.Take(50))
            {
                await Console.Error.WriteLineAsync($"  {error}");
            }

            return ExitCodes.DataRefused;
        }
        catch (Domain.Common.DomainException e)
        {
            await Console.Error.WriteLineAsync($"certa: refused ({e.Code}): {e.Message} Nothing was changed.");
            return e.Kind == Domain.Common.RefusalKind.Invalid ? ExitCodes.Usage : ExitCodes.DataRefused;
        }
        catch (Infrastructure.Advisor.AdvisorUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"certa: {e.Message}");
            return ExitCodes.Environment;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or YamlDotNet.Core.YamlException)
        {
            // An input file that cannot be read or parsed: say which and why, as a usage error.
            await Console.Error.WriteLineAsync($"certa: cannot read the input: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            await Console.Error.WriteLineAsync($"certa: database error: {e.GetBaseException().Message}");
            await Console.Error.WriteLineAsync("Check --provider / --connection-string, and run 'certa migrate' first.");
            return ExitCodes.Environment;
        }
    }
}
