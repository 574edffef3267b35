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

    [Theory]
    [InlineData(UiText.English)]
    [InlineData(UiText.Chinese)]
    public void EveryRole_HasAName(string language) =>
        Roles.All.Select(r => "role." + r.Name()).Where(key => !Text.Keys(language).Contains(key)).ShouldBeEmpty();
}
