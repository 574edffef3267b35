namespace Certa.Infrastructure.DevData;

/// <summary>What <c>certa dev generate</c> makes: how many certificates, from which seed, by how many bodies; whether it may add to a registry.</summary>
public sealed record GenerateOptions(int Certificates, int Seed = 1, int? Bodies = null, bool Append = false, int? BatchSize = null)
{
    public const int MaxCertificates = 50_000_000;
}
