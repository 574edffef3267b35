using Certa.Domain.Certificates;
using Certa.Domain.Registry;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// Numbers generated certificates by the scheme's own pattern (<c>data/certification/certificate-numbers.yaml</c>), counting
/// each prefix in memory. The file gives only CQC's body code; the other bodies get codes no sourced body uses, in the
/// same two-digit form, so their numbers look like CCC numbers but are marked as synthetic by their holders and source.
/// </summary>
internal sealed class Numbering
{
    private readonly CertificateNumberPattern pattern;
    private readonly Dictionary<string, string> last = new(StringComparer.Ordinal);
    private readonly Func<string, string?> lastStored;

    public Numbering(CertificateNumberPattern scheme, IEnumerable<string> registryIds, Func<string, string?> lastStored)
    {
        var codes = new Dictionary<string, string>(scheme.BodyCodes, StringComparer.Ordinal);
        var free = Enumerable.Range(2, 98).Select(i => i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Except(codes.Values).GetEnumerator();
        foreach (var id in registryIds.Where(id => !codes.ContainsKey(id)))
        {
            codes[id] = free.MoveNext() ? free.Current : throw new InvalidOperationException("More than 98 bodies: the two-digit body codes ran out.");
        }

        pattern = CertificateNumberPattern.Parse(scheme.SchemeId, scheme.Pattern, codes);
        this.lastStored = lastStored;
    }

    public string Next(SyntheticBody body, ProductType product, int year)
    {
        var prefix = pattern.Prefix(body.RegistryId, product.Code, year);
        if (!last.TryGetValue(prefix, out var previous))
        {
            previous = lastStored(prefix);
        }

        var number = pattern.Next(prefix, previous is null ? [] : [previous]);
        last[prefix] = number;
        return number;
    }
}
