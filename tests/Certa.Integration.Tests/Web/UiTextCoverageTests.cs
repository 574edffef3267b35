using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Web.Localization;

namespace Certa.Integration.Tests.Web;

/// <summary>Every role and scope the pages name has words in both languages, so no page shows a raw key.</summary>
public sealed class UiTextCoverageTests
{
    private static readonly UiText Text = new();

    [Theory]
    [InlineData(UiText.English)]
    [InlineData(UiText.Chinese)]
    public void EveryPermission_HasAScopeText(string language) =>
        Enum.GetValues<Permission>().Select(p => "scope." + SnakeCaseNames.Of(p.ToString()))
            .Where(key => !Text.Keys(language).Contains(key)).ShouldBeEmpty();

    /// <summary>Every text of every ui.*.json pair is in both languages: a key only in English would show English on a Chinese page.</summary>
    [Fact]
    public void EveryText_IsInBothLanguages()
    {
        Text.Keys(UiText.English).Except(Text.Keys(UiText.Chinese)).Order(StringComparer.Ordinal).ShouldBeEmpty("missing in Chinese");
        Text.Keys(UiText.Chinese).Except(Text.Keys(UiText.English)).Order(StringComparer.Ordinal).ShouldBeEmpty("missing in English");
    }

    [Theory]
    [InlineData(UiText.English)]
    [InlineData(UiText.Chinese)]
    public void EveryRole_HasAName(string language) =>
        Roles.All.Select(r => "role." + r.Name()).Where(key => !Text.Keys(language).Contains(key)).ShouldBeEmpty();
}
