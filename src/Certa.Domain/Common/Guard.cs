using System.Text.RegularExpressions;

namespace Certa.Domain.Common;

/// <summary>Checks shared by the constructors of reference records.</summary>
public static partial class Guard
{
    public static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required.", name) : value.Trim();

    /// <summary>Ids appear in URLs and in other files: letters, digits and <c>. _ - : / + ;</c> only.</summary>
    public static string Id(string? value)
    {
        var id = Required(value, "id");
        return IdPattern().IsMatch(id)
            ? id
            : throw new ArgumentException($"'{id}' is not a valid id: use letters, digits and . _ - : / + ; only.", nameof(value));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:/+;\-]*$")]
    private static partial Regex IdPattern();
}
