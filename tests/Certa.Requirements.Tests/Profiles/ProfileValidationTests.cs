using Certa.Requirements.Profiles;

namespace Certa.Requirements.Tests.Profiles;

/// <summary>
/// How a profile is checked and resolved (ProfileResolver) against data/requirements: every error
/// at its field path, with the value that caused it and what would be allowed.
/// </summary>
public class ProfileValidationTests
{
    private static readonly object[] RadioWithBadItems = ["wifi_2g4", 5, "lte", "bluetooth"];

    [Fact]
    public void UnknownProduct_IsRefused_ListingTheKnownProducts()
    {
        var error = SingleError(Profile.Of("toaster"));

        error.Path.ShouldBe("product");
        error.Message.ShouldContain("unknown product 'toaster'");
        error.Message.ShouldContain("laptop, desktop-pc, mobile-phone");
    }

    [Fact]
    public void UnknownProductType_IsRefused()
    {
        var errors = Errors(Profile.Blank().ProductType("ccc.9999"));

        errors.ShouldContain(e => e.Path == "productType" && e.Message.Contains("unknown product type 'ccc.9999'", StringComparison.Ordinal));
    }

    /// <summary>
    /// FindProduct falls through after a bad productType and also reports "product: say which product:
    /// give product, productType, hsCode or keywords." although a productType was given.
    /// </summary>
    [Fact]
    public void UnknownProductType_IsTheOnlyError()
    {
        SingleError(Profile.Blank().ProductType("ccc.9999"), "productType");
    }

    [Fact]
    public void ProductTypeOfAnotherProduct_IsRefused_NamingTheProductsEntries()
    {
        // products.yaml: the laptop's entries are ccc.0902, cn-energy-label.2025-3, cn-rohs.2018-10; 0901 is the desktop's.
        var error = SingleError(Profile.Of("laptop").ProductType("ccc.0901"));

        error.Path.ShouldBe("productType");
        error.Message.ShouldBe("'ccc.0901' is not an entry of product 'laptop' (ccc.0902, cn-energy-label.2025-3, cn-rohs.2018-10).");
    }

    [Fact]
    public void ProductTypeOfTheSameProduct_IsAccepted()
    {
        Resolve(Profile.Of("laptop").ProductType("cn-energy-label.2025-3")).Product.Id.ShouldBe("laptop");
    }

    [Fact]
    public void ProductType_ResolvesToTheProductListingIt()
    {
        var profile = Resolve(Profile.Blank().ProductType("ccc.0902"));

        profile.Product.Id.ShouldBe("laptop");
        profile.MatchedBy.ShouldBe(ProductMatch.ProductType);
    }

    [Fact]
    public void ProductTypeNoProductLists_IsEvaluatedAsItself()
    {
        // ccc.0101 (cord sets) is in catalogue-2023.yaml but in no product of products.yaml.
        var profile = Resolve(Profile.Blank().ProductType("ccc.0101"));

        profile.Product.Id.ShouldBe("ccc.0101");
        profile.Product.Entries.ShouldBe(["ccc.0101"]);
        RealData.Advisor.Evaluate(profile).Requirements.Select(r => r.Id).ShouldContain("cn-ccc");
    }

    [Fact]
    public void UnknownFeature_IsRefused_ListingTheKnownFeatures()
    {
        var error = SingleError(Profile.Of("laptop").With("colour", "red"));

        error.Path.ShouldBe("features.colour");
        error.Message.ShouldContain("unknown feature 'colour'");
        error.Message.ShouldContain("power, rated_voltage_ac, external_power_adapter");
    }

    [Theory]
    [InlineData("eep", "yes", "must be true or false.")]
    [InlineData("rated_voltage_ac", "220", "must be a number.")]
    [InlineData("power", 3, "must be one of: mains, battery, mains_and_battery, none.")]
    [InlineData("power", "solar", "'solar' is not one of: mains, battery, mains_and_battery, none.")]
    [InlineData("radio", "wifi_2g4", "must be a list of: wifi_2g4, wifi_5g, bluetooth, cellular, nfc, other_radio.")]
    [InlineData("rated_voltage_ac", -5, "must not be negative (-5).")]
    public void FeatureOfTheWrongTypeOrValue_IsRefusedAtTheFeature(string feature, object value, string message)
    {
        var error = SingleError(Profile.Of("laptop").With(feature, value));

        error.Path.ShouldBe($"features.{feature}");
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void BadSetItems_AreRefusedEachAtItsIndex()
    {
        var errors = Errors(Profile.Of("laptop").With("radio", RadioWithBadItems));

        errors.Select(e => e.Path).ShouldBe(["features.radio[1]", "features.radio[2]"]);
        errors[1].Message.ShouldBe("'lte' is not one of: wifi_2g4, wifi_5g, bluetooth, cellular, nfc, other_radio.");
    }

    [Fact]
    public void FeatureSetToNull_FallsBackToNotGiven()
    {
        var profile = Resolve(Profile.Of("laptop").With("external_power_adapter", null));

        profile.Features.ShouldNotContainKey("external_power_adapter");
        RealData.Advisor.Evaluate(profile).Requirements.Select(r => r.Id).ShouldNotContain("cn-ccc-adapter");
    }

    [Fact]
    public void UnknownMarket_IsRefusedAtItsIndex()
    {
        var error = SingleError(Profile.Of("laptop").In("CN", "FR"));

        error.Path.ShouldBe("markets[1]");
        error.Message.ShouldBe("unknown market 'FR'; known: CN, SA, AE, KW, QA, BH, OM.");
    }

    [Theory]
    [InlineData("GCC")]
    [InlineData("gcc")]
    [InlineData(" GCC ")]
    public void Gcc_ExpandsToTheSixGulfStates(string gcc)
    {
        // features.yaml markets: SA, AE, KW, QA, BH, OM have group GCC.
        Resolve(Profile.Of("laptop").In(gcc)).Markets.ShouldBe(["SA", "AE", "KW", "QA", "BH", "OM"]);
    }

    [Fact]
    public void MarketsNamedTwice_AreCountedOnce()
    {
        Resolve(Profile.Of("laptop").In("cn", "GCC", "SA", "CN")).Markets.ShouldBe(["CN", "SA", "AE", "KW", "QA", "BH", "OM"]);
    }

    [Fact]
    public void MissingMarkets_AreRefused()
    {
        SingleError(Profile.Of("laptop").NoMarkets(), "markets").Message.ShouldContain("name at least one target market");
        SingleError(Profile.Of("laptop").In(), "markets");
    }

    /// <summary>
    /// A JSON body <c>"markets": ["CN", null]</c> deserializes to a null item; ReadMarkets calls
    /// <c>given[i].Trim()</c> on it and throws NullReferenceException instead of a profile error.
    /// </summary>
    [Fact]
    public void NullMarket_IsRefusedAtItsIndex_NotACrash()
    {
        var input = new ProfileInput { Product = "laptop", Markets = ["CN", null!] };

        var exception = Should.Throw<ProfileException>(() => RealData.Advisor.Resolve(input, RealData.Today));

        exception.Errors.ShouldHaveSingleItem().Path.ShouldBe("markets[1]");
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("27.11.2026")]
    [InlineData("2026-11-27T00:00:00")]
    public void BadDate_IsRefused(string date)
    {
        SingleError(Profile.Of("laptop").On(date), "date").Message.ShouldContain($"'{date}'");
    }

    [Fact]
    public void Date_OverridesToday()
    {
        Resolve(Profile.Of("laptop").On("2026-02-01")).Date.ShouldBe(new DateOnly(2026, 2, 1));
        Resolve(Profile.Of("laptop")).Date.ShouldBe(RealData.Today);
    }

    [Fact]
    public void EveryErrorIsReported_AtOnce()
    {
        var errors = Errors(Profile.Of("toaster").In("XX").On("soon").With("colour", "red"));

        errors.Select(e => e.Path).ShouldBe(["product", "markets[0]", "date", "features.colour"], ignoreOrder: true);
    }

    [Fact]
    public void NoWayToFindTheProduct_IsRefused()
    {
        SingleError(Profile.Blank(), "product").Message.ShouldBe("say which product: give product, productType, hsCode or keywords.");
    }

    [Fact]
    public void BatteryOnlyWithAMainsVoltage_IsAContradiction_BlamedOnTheVoltage()
    {
        // features.yaml contradictions: power = "battery" and rated_voltage_ac > 0 → field rated_voltage_ac.
        var error = SingleError(Profile.Of("laptop").With("power", "battery").With("rated_voltage_ac", 220));

        error.Path.ShouldBe("features.rated_voltage_ac");
        error.Message.ShouldStartWith("A battery-only product has no mains voltage");
    }

    [Fact]
    public void BatteryOnly_InheritsTheDefaultVoltage_AndIsStillAContradiction()
    {
        // products.yaml laptop: rated_voltage_ac 240 by default; the user changed only the power source.
        SingleError(Profile.Of("laptop").With("power", "battery"), "features.rated_voltage_ac");
    }

    [Fact]
    public void UnpoweredProductWithAnAdapter_IsAContradiction_BlamedOnThePower()
    {
        // features.yaml contradictions: power = "none" and (… or external_power_adapter or …) → field power.
        SingleError(Profile.Of("car-tyre").With("external_power_adapter", true), "features.power");
    }

    [Fact]
    public void MainsProductWithoutVoltageOrAdapter_IsAContradiction()
    {
        // features.yaml contradictions: power = "mains" and rated_voltage_ac = 0 and not external_power_adapter.
        SingleError(Profile.Of("electric-drill").With("rated_voltage_ac", 0), "features.rated_voltage_ac");
    }

    [Fact]
    public void BatteryOnlyWithoutMainsVoltage_IsAccepted()
    {
        Resolve(Profile.Of("laptop").With("power", "battery").With("rated_voltage_ac", 0)).Product.Id.ShouldBe("laptop");
    }

    [Theory]
    [InlineData("笔记本")]
    [InlineData("laptop")]
    [InlineData("Laptop")]
    [InlineData("ＬＡＰＴＯＰ")]
    [InlineData("notebook computer")]
    public void Keywords_FindTheLaptop(string keywords)
    {
        var profile = Resolve(Profile.Blank().Keywords(keywords));

        profile.Product.Id.ShouldBe("laptop");
        profile.MatchedBy.ShouldBe(ProductMatch.Keywords);
    }

    [Fact]
    public void Keywords_ThatMatchNothing_AreRefused()
    {
        SingleError(Profile.Blank().Keywords("zeppelin"), "keywords").Message.ShouldBe("no known product matches 'zeppelin'.");
    }

    /// <summary>
    /// Blank keywords fold to "", and <c>name.Contains("")</c> is true for every product, so today the
    /// alphabetically first product (air-conditioner) is returned instead of an error.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankKeywords_AreRefused_NotMatchedToTheFirstProduct(string keywords)
    {
        SingleError(Profile.Blank().Keywords(keywords), "keywords");
    }

    /// <summary>
    /// The partial match tests <c>folded.Contains(keyword)</c> without word boundaries, so the
    /// air conditioner's keyword "AC" is found inside "macbook" and the fan's "fan" inside "fantasy".
    /// </summary>
    [Theory]
    [InlineData("MacBook", "air-conditioner")]
    [InlineData("fantasy figure", "electric-fan")]
    public void Keywords_DoNotMatchAShortKeywordInsideAnotherWord(string keywords, string wrongProduct)
    {
        var matched = TryResolve(Profile.Blank().Keywords(keywords));

        matched.ShouldNotBe(wrongProduct);
    }

    [Theory]
    [InlineData("8471.30.00", "laptop")]
    [InlineData("847130", "laptop")]
    [InlineData("8418.10.20", "refrigerator")]
    [InlineData("8517.13.00", "mobile-phone")]
    public void HsCode_MatchesTheProductWhoseCodeIsAPrefix(string hsCode, string product)
    {
        var profile = Resolve(Profile.Blank().HsCode(hsCode));

        profile.Product.Id.ShouldBe(product);
        profile.MatchedBy.ShouldBe(ProductMatch.HsCode);
    }

    [Theory]
    [InlineData("8471")]
    [InlineData("9999.99")]
    public void HsCode_ShorterThanOrOutsideEveryKnownCode_IsRefused(string hsCode)
    {
        SingleError(Profile.Blank().HsCode(hsCode), "hsCode").Message.ShouldContain($"'{hsCode}'");
    }

    [Fact]
    public void ProductId_WinsOverHsCodeAndKeywords()
    {
        var profile = Resolve(Profile.Of("laptop").HsCode("8418.10").Keywords("fridge"));

        profile.Product.Id.ShouldBe("laptop");
        profile.MatchedBy.ShouldBe(ProductMatch.ProductId);
    }

    [Fact]
    public void GivenFeatures_OverrideTheDefaults_AndAreMarkedGiven()
    {
        var profile = Resolve(Profile.Of("laptop").WithSet("radio", "cellular"));

        profile.Features["radio"].Set.ShouldBe(["cellular"]);
        profile.Features["power"].Text.ShouldBe("mains_and_battery");
        profile.GivenFeatures.ShouldBe(["radio"]);
    }

    private static ResolvedProfile Resolve(ProfileInput input) => RealData.Advisor.Resolve(input, RealData.Today);

    private static string? TryResolve(ProfileInput input)
    {
        try
        {
            return Resolve(input).Product.Id;
        }
        catch (ProfileException)
        {
            return null;
        }
    }

    private static IReadOnlyList<ProfileError> Errors(ProfileInput input) =>
        Should.Throw<ProfileException>(() => Resolve(input)).Errors;

    private static ProfileError SingleError(ProfileInput input, string? path = null)
    {
        var error = Errors(input).ShouldHaveSingleItem();
        if (path is not null)
        {
            error.Path.ShouldBe(path);
        }

        return error;
    }
}
