using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Certa.Web.Hosting;

/// <summary>Certa's own activity source and meter, alongside the ASP.NET Core and Npgsql ones.</summary>
public static class CertaTelemetry
{
    public const string Name = "Certa";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
