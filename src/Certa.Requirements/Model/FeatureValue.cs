namespace Certa.Requirements.Model;

/// <summary>A feature's value as given in data or in a profile: a bool, a number, a text or a set of texts.</summary>
public sealed record FeatureValue
{
    private FeatureValue(bool? flag, double? number, string? text, IReadOnlyList<string>? set)
    {
        Flag = flag;
        Number = number;
        Text = text;
        Set = set;
    }

    public bool? Flag { get; }

    public double? Number { get; }

    public string? Text { get; }

    public IReadOnlyList<string>? Set { get; }

    public static FeatureValue Of(bool value) => new(value, null, null, null);

    public static FeatureValue Of(double value) => new(null, value, null, null);

    public static FeatureValue Of(string value) => new(null, null, value, null);

    public static FeatureValue Of(IReadOnlyList<string> values) => new(null, null, null, values);

    private string? text;

    // Values are immutable and product defaults are shared by every profile: format once.
    public override string ToString() => text ??=
        Flag?.ToString().ToLowerInvariant() ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? Text ?? "[" + string.Join(", ", Set ?? []) + "]";
}
