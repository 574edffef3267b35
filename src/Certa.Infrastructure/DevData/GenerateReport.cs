namespace Certa.Infrastructure.DevData;

/// <summary>What a generation wrote and how long it took.</summary>
public sealed record GenerateReport(int Bodies, int Holders, long Certificates, long Credentials, long AuditEvents, long LogEntries, TimeSpan Elapsed)
{
    public double CertificatesPerSecond => Certificates / Math.Max(Elapsed.TotalSeconds, 0.001);

    /// <summary>Rows of every table per second: certificates, credentials, audit events, log entries and their nodes.</summary>
    public long Rows { get; init; }
}
