using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Organisations;

namespace Certa.Infrastructure.DevData;

/// <summary>A generated certificate holder: the organisation (with its region), its address, and the factories it makes its products in.</summary>
internal sealed record SyntheticHolder(Organisation Organisation, LocalizedText Address, IReadOnlyList<Party> Factories, string Brand);

/// <summary>Makes holders from the synthetic registry file: "&lt;city&gt; &lt;word&gt; &lt;kind&gt;", numbered so that ids and names never repeat.</summary>
internal static class SyntheticHolders
{
    public static SyntheticHolder Make(SyntheticRegistryFile file, Random random, int number, string idPrefix, DateTimeOffset at)
    {
        var city = Pick(file.Cities, random);
        var word = Pick(file.Words, random);
        var kind = Pick(file.Kinds, random);
        var name = new LocalizedText($"{city.En} {word.En} No.{number} {kind.En}", $"{city.Zh}{word.Zh}第{number}{kind.Zh}");
        var organisation = Organisation.Create($"{idPrefix}{number:D7}", OrganisationKind.Applicant, name, null, "CN", at);
        organisation.SetRegion(city.Region);
        var factories = Enumerable.Range(1, 1 + random.Next(3)).Select(i =>
        {
            var place = i == 1 ? city : Pick(file.Cities, random);
            return new Party(new LocalizedText($"{name.En}, {place.En} Factory {i}", $"{name.Zh}{place.Zh}{i}厂"), Address(file, random, place));
        }).ToList();
        var brand = $"{word.En.ToUpperInvariant()[..Math.Min(4, word.En.Length)]}{number % 100:D2}";
        return new SyntheticHolder(organisation, Address(file, random, city), factories, brand);
    }

    private static LocalizedText Address(SyntheticRegistryFile file, Random random, City city)
    {
        var street = Pick(file.Streets, random);
        var no = 1 + random.Next(999);
        return new LocalizedText($"No.{no} {street.En}, {city.En}, China", $"中国{city.Zh}{street.Zh}{no}号");
    }

    private static T Pick<T>(IReadOnlyList<T> from, Random random) => from[random.Next(from.Count)];
}
