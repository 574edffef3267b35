namespace Certa.Infrastructure.Backup;

/// <summary>A backup or restore that was refused before anything was changed: a tampered archive, a target that is not empty.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

/// <summary>The tools or settings a backup needs are missing (no pg_dump, a data directory that cannot be written).</summary>
public sealed class BackupEnvironmentException(string message, Exception? inner = null) : Exception(message, inner);
