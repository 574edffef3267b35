namespace Certa.Cli;

/// <summary>Exit codes scripts can rely on (documented in the README).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and found nothing (like grep): <c>registry search</c> without hits.</summary>
    public const int NothingFound = 1;

    /// <summary>The command line was wrong: unknown command, bad option value.</summary>
    public const int Usage = 2;

    /// <summary>The reference data were refused (nothing was imported), or a rule refused the command (an e-mail already taken, an organisation that exists); nothing was changed.</summary>
    public const int DataRefused = 3;

    /// <summary>The database or configuration is unusable (unreachable, not migrated, bad settings).</summary>
    public const int Environment = 4;

    /// <summary><c>audit verify</c> found an event that breaks the hash chain.</summary>
    public const int AuditBroken = 5;

    /// <summary><c>verify</c> checked the credential and it is not valid: altered, revoked, suspended, superseded, expired, or its key was not valid.</summary>
    public const int NotVerified = 6;

    /// <summary><c>draw verify</c> re-ran the draw from its record and got different targets, inspectors, seed or digest.</summary>
    public const int DrawNotReproduced = 7;
}
